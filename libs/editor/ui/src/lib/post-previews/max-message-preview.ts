import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { renderMax } from '@vestnik/platforms/rules';
import { I18n } from '@vestnik/editor/i18n';
import { PreviewGallery } from './preview-gallery';
import { PreviewImage, avatarHue, initialsOf } from './preview-format';

/**
 * A post in a MAX channel: the channel's header, the day, one message with the images above the
 * text, as MAX shows our HTML (`renderMax`: bold, italic, links, the post's link appended; the
 * same rendering the adapter sends and the 4,000-character rule counts), views and time below.
 */
@Component({
  selector: 'vn-max-message-preview',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PreviewGallery],
  template: `
    <article class="mx">
      <header class="mx__head">
        <span class="mx__avatar" aria-hidden="true" [style.background]="avatarColour()">{{ initials() }}</span>
        <span class="mx__who">
          <span class="mx__name">{{ communityName() }}</span>
          <span class="mx__kind">{{ t('previews.max.channel') }}</span>
        </span>
      </header>
      <div class="mx__feed">
        <p class="mx__day"><span>{{ day() }}</span></p>
        @if (images().length || rendering().visibleText) {
          <div class="mx__message" [class.mx__message--media]="images().length">
            @if (images().length) {
              <vn-preview-gallery look="max" [images]="images()" />
            }
            @if (rendering().visibleText) {
              <div class="mx__text" [innerHTML]="rendering().html"></div>
            }
            <span class="mx__meta">
              <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true"><path fill="none" stroke="currentColor" stroke-width="2" d="M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12z"/><circle cx="12" cy="12" r="3" fill="currentColor"/></svg>
              <span class="visually-hidden">{{ t('previews.max.views') }}</span> 1 · {{ time() }}
            </span>
          </div>
        }
      </div>
    </article>
  `,
  styles: `
    .mx {
      border: 1px solid #d9dde3;
      border-radius: 14px;
      overflow: hidden;
      font-family: -apple-system, system-ui, 'Segoe UI', Roboto, Arial, sans-serif;
      font-size: 15px;
      line-height: 1.45;
      color: #1a1a1a;
      background: #fff;
    }
    .mx__head {
      display: flex;
      gap: 10px;
      align-items: center;
      padding: 10px 14px;
      border-bottom: 1px solid #eceef1;
    }
    .mx__avatar {
      flex: none;
      width: 40px;
      height: 40px;
      border-radius: 50%;
      display: grid;
      place-items: center;
      color: #fff;
      font-weight: 600;
    }
    .mx__who {
      display: flex;
      flex-direction: column;
      min-width: 0;
    }
    .mx__name {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .mx__kind {
      color: #5f6670;
      font-size: 13px;
    }
    .mx__feed {
      background: #eef1f5;
      padding: 10px 14px 14px;
      display: flex;
      flex-direction: column;
      gap: 6px;
    }
    .mx__day {
      align-self: center;
      margin: 0 0 4px;
    }
    .mx__day span {
      background: #fff;
      color: #4a5059;
      border-radius: 12px;
      padding: 2px 10px;
      font-size: 13px;
    }
    .mx__message {
      background: #fff;
      border-radius: 16px;
      padding: 8px 12px 8px;
      max-width: min(100%, 30rem);
      box-shadow: 0 1px 2px rgb(0 0 0 / 8%);
      display: flex;
      flex-direction: column;
      gap: 6px;
    }
    .mx__message--media {
      padding-top: 0;
      overflow: hidden;
    }
    .mx__message--media vn-preview-gallery {
      margin: 0 -12px;
    }
    .mx__text {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .mx__text ::ng-deep a {
      color: #005bd1;
    }
    .mx__meta {
      align-self: flex-end;
      display: inline-flex;
      gap: 4px;
      align-items: center;
      color: #5f6670;
      font-size: 12px;
    }
  `,
})
export class MaxMessagePreview {
  protected readonly t = inject(I18n).t;
  readonly communityName = input.required<string>();
  /** The time on the message: «10:00». */
  readonly time = input.required<string>();
  /** The day above the message: «1 сентября». */
  readonly day = input.required<string>();
  /** In the editor's markup. */
  readonly text = input('');
  readonly link = input<string | null>(null);
  readonly images = input<readonly PreviewImage[]>([]);

  protected readonly rendering = computed(() => renderMax({ text: this.text(), link: this.link() ?? undefined }));
  protected readonly initials = computed(() => initialsOf(this.communityName()));
  protected readonly avatarColour = computed(() => `hsl(${avatarHue(this.communityName())} 55% 36%)`);
}
