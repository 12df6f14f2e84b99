import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { renderPlainText } from '@vestnik/platforms/rules';
import { I18n } from '@vestnik/editor/i18n';
import { PreviewGallery } from './preview-gallery';
import { PreviewImage, avatarHue, domainOf, initialsOf, plainTextSegments } from './preview-format';

/**
 * A topic in an OK group's feed: the group's avatar and name, the time, plain text (OK shows no
 * formatting; addresses become links), the photos as a mosaic, the link card, «Класс».
 */
@Component({
  selector: 'vn-ok-topic-preview',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PreviewGallery],
  template: `
    <article class="ok">
      <header class="ok__head">
        <span class="ok__avatar" aria-hidden="true" [style.background]="avatarColour()">{{ initials() }}</span>
        <span class="ok__who">
          <span class="ok__name">{{ communityName() }}</span>
          <span class="ok__time">{{ time() }}</span>
        </span>
      </header>
      @if (segments().length) {
        <p class="ok__text">@for (s of segments(); track $index) {@if (s.kind === 'link') {<a [href]="s.href" target="_blank" rel="noopener noreferrer">{{ s.text }}</a>} @else {<span>{{ s.text }}</span>}}
        </p>
      }
      @if (images().length) {
        <vn-preview-gallery class="ok__media" look="ok" [images]="images()" />
      }
      @if (link(); as url) {
        <a class="ok__card" [href]="url" target="_blank" rel="noopener noreferrer">
          <span class="ok__card-url">{{ url }}</span>
          <span class="ok__card-domain">{{ domain() }}</span>
        </a>
      }
      <footer class="ok__foot" aria-hidden="true">
        <span><svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"><path fill="none" stroke="currentColor" stroke-width="2" d="M4 5h16v11H9l-5 4z"/></svg> {{ t('previews.ok.comment') }}</span><span><svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"><path fill="none" stroke="currentColor" stroke-width="2" d="M14 5l6 6-6 6M20 11H9a5 5 0 0 0-5 5v2"/></svg> {{ t('previews.ok.share') }}</span><span class="ok__klass"><svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"><path fill="currentColor" d="M2 10h4v11H2zM8 21h9.5a2 2 0 0 0 2-1.6l1.4-7A2 2 0 0 0 19 10h-5l.8-4.2A2 2 0 0 0 12.9 3L8 9z"/></svg> {{ t('previews.ok.klass') }}</span>
      </footer>
    </article>
  `,
  styles: `
    .ok {
      background: #fff;
      border: 1px solid #e1e3e6;
      border-radius: 12px;
      padding: 14px 16px 10px;
      font-family: Arial, Helvetica, sans-serif;
      font-size: 15px;
      line-height: 1.4;
      color: #333;
    }
    .ok__head {
      display: flex;
      gap: 10px;
      align-items: center;
      margin-bottom: 10px;
    }
    .ok__avatar {
      flex: none;
      width: 48px;
      height: 48px;
      border-radius: 10px;
      display: grid;
      place-items: center;
      color: #fff;
      font-weight: 700;
      font-size: 16px;
    }
    .ok__who {
      display: flex;
      flex-direction: column;
      min-width: 0;
    }
    .ok__name {
      font-weight: 700;
      color: #333;
      overflow-wrap: anywhere;
    }
    .ok__time {
      color: #707070;
      font-size: 13px;
    }
    .ok__text {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      margin: 0 0 10px;
    }
    a {
      color: #b34f0e;
      text-decoration: none;
    }
    .ok__media {
      margin-bottom: 10px;
    }
    .ok__card {
      display: flex;
      flex-direction: column;
      background: #f6f6f6;
      border-radius: 8px;
      padding: 10px 12px;
      margin-bottom: 10px;
    }
    .ok__card-url {
      color: #333;
      font-weight: 700;
      overflow-wrap: anywhere;
    }
    .ok__card-domain {
      color: #707070;
      font-size: 13px;
    }
    .ok__foot {
      display: flex;
      gap: 10px;
      justify-content: space-between;
      border-top: 1px solid #eee;
      padding-top: 8px;
      color: #666;
      font-size: 13px;
    }
    .ok__foot span {
      display: inline-flex;
      gap: 4px;
      align-items: center;
    }
    .ok__klass {
      color: #b34f0e;
      font-weight: 700;
    }
  `,
})
export class OkTopicPreview {
  protected readonly t = inject(I18n).t;
  readonly communityName = input.required<string>();
  /** As OK writes it: «1 сен 10:00». */
  readonly time = input.required<string>();
  /** In the editor's markup; shown as OK shows it (`renderPlainText`). */
  readonly text = input('');
  readonly link = input<string | null>(null);
  readonly images = input<readonly PreviewImage[]>([]);

  protected readonly initials = computed(() => initialsOf(this.communityName()));
  protected readonly avatarColour = computed(() => `hsl(${avatarHue(this.communityName())} 55% 30%)`);
  protected readonly domain = computed(() => domainOf(this.link() ?? ''));
  protected readonly segments = computed(() => plainTextSegments(renderPlainText(this.text())));
}
