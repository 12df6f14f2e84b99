import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { renderPlainText } from '@vestnik/platforms/rules';
import { I18n } from '@vestnik/editor/i18n';
import { PreviewGallery } from './preview-gallery';
import { PreviewImage, avatarHue, domainOf, initialsOf, plainTextSegments } from './preview-format';

/** VK folds a long post after about this many characters behind «Показать ещё» («Show more»). */
const FOLD_AT = 600;

/**
 * A post on a VK community wall as its readers see it: avatar and name, time, the text as VK shows
 * it (no formatting, a labelled link written out, addresses clickable), the photos, the link snippet.
 */
@Component({
  selector: 'vn-vk-post-preview',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PreviewGallery],
  template: `
    <article class="vk">
      <header class="vk__head">
        <span class="vk__avatar" aria-hidden="true" [style.background]="avatarColour()">{{ initials() }}</span>
        <span class="vk__who">
          <span class="vk__name">{{ communityName() }}</span>
          <span class="vk__time">{{ time() }}</span>
        </span>
      </header>
      @if (segments().length) {
        <p class="vk__text">@for (s of segments(); track $index) {@if (s.kind === 'link') {<a [href]="s.href" target="_blank" rel="noopener noreferrer">{{ s.text }}</a>} @else {<span>{{ s.text }}</span>}}
          @if (folded()) {
            <button type="button" class="vk__more" (click)="expanded.set(true)">{{ t('previews.vk.showMore') }}</button>
          }
        </p>
      }
      @if (images().length) {
        <vn-preview-gallery class="vk__media" look="vk" [images]="images()" />
      }
      @if (link(); as url) {
        <a class="vk__snippet" [href]="url" target="_blank" rel="noopener noreferrer">
          <span class="vk__snippet-domain">{{ domain() }}</span>
          <span class="vk__snippet-url">{{ url }}</span>
        </a>
      }
      <footer class="vk__foot" aria-hidden="true">
        <span><svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"><path fill="none" stroke="currentColor" stroke-width="2" d="M12 20s-7-4.4-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.6-7 10-7 10z"/></svg> 12</span><span><svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"><path fill="none" stroke="currentColor" stroke-width="2" d="M4 5h16v11H9l-5 4z"/></svg> 3</span><span><svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"><path fill="none" stroke="currentColor" stroke-width="2" d="M14 5l6 6-6 6M20 11H9a5 5 0 0 0-5 5v2"/></svg></span><span class="vk__views"><svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true"><path fill="none" stroke="currentColor" stroke-width="2" d="M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12z"/><circle cx="12" cy="12" r="3" fill="currentColor"/></svg> {{ t('previews.vk.views') }}</span>
      </footer>
    </article>
  `,
  styles: `
    .vk {
      background: #fff;
      border: 1px solid #dce1e6;
      border-radius: 12px;
      padding: 12px 16px 8px;
      font-family: -apple-system, system-ui, 'Segoe UI', Roboto, Arial, sans-serif;
      font-size: 14px;
      line-height: 1.45;
      color: #000;
    }
    .vk__head {
      display: flex;
      gap: 12px;
      align-items: center;
      margin-bottom: 10px;
    }
    .vk__avatar {
      flex: none;
      width: 40px;
      height: 40px;
      border-radius: 50%;
      display: grid;
      place-items: center;
      color: #fff;
      font-weight: 600;
      font-size: 15px;
    }
    .vk__who {
      display: flex;
      flex-direction: column;
      min-width: 0;
    }
    .vk__name {
      font-weight: 500;
      color: #2c2d2e;
      overflow-wrap: anywhere;
    }
    .vk__time {
      color: #67727e;
      font-size: 13px;
    }
    .vk__text {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      margin: 0 0 10px;
    }
    a {
      color: #2a5885;
      text-decoration: none;
    }
    .vk__more {
      display: block;
      border: 0;
      background: none;
      padding: 0;
      font: inherit;
      color: #2a5885;
      cursor: pointer;
    }
    .vk__media {
      margin-bottom: 10px;
    }
    .vk__snippet {
      display: flex;
      flex-direction: column;
      border: 1px solid #dce1e6;
      border-radius: 8px;
      padding: 8px 12px;
      margin-bottom: 10px;
    }
    .vk__snippet-domain {
      color: #67727e;
      font-size: 12px;
      text-transform: uppercase;
    }
    .vk__snippet-url {
      color: #000;
      font-weight: 500;
      overflow-wrap: anywhere;
    }
    .vk__foot {
      display: flex;
      gap: 16px;
      align-items: center;
      border-top: 1px solid #e7e8ec;
      padding-top: 8px;
      color: #67727e;
      font-size: 13px;
    }
    .vk__foot span {
      display: inline-flex;
      gap: 4px;
      align-items: center;
    }
    .vk__views {
      margin-left: auto;
    }
  `,
})
export class VkPostPreview {
  protected readonly t = inject(I18n).t;
  readonly communityName = input.required<string>();
  /** As VK writes it: «1 сен в 10:00». */
  readonly time = input.required<string>();
  /** In the editor's markup; shown as VK shows it (`renderPlainText`). */
  readonly text = input('');
  readonly link = input<string | null>(null);
  readonly images = input<readonly PreviewImage[]>([]);

  protected readonly expanded = signal(false);
  protected readonly initials = computed(() => initialsOf(this.communityName()));
  protected readonly avatarColour = computed(() => `hsl(${avatarHue(this.communityName())} 45% 30%)`);
  protected readonly domain = computed(() => domainOf(this.link() ?? ''));
  private readonly plain = computed(() => renderPlainText(this.text()));
  protected readonly folded = computed(() => !this.expanded() && this.plain().length > FOLD_AT);
  protected readonly segments = computed(() => {
    const plain = this.plain();
    // VK cuts at a word near the limit and hides the rest until asked.
    const shown = this.folded() ? `${plain.slice(0, plain.lastIndexOf(' ', FOLD_AT) > 0 ? plain.lastIndexOf(' ', FOLD_AT) : FOLD_AT)}…` : plain;
    return plainTextSegments(shown);
  });
}
