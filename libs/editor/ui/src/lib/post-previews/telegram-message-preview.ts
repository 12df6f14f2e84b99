import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TELEGRAM_LIMITS, renderTelegram } from '@vestnik/platforms/rules';
import { I18n } from '@vestnik/editor/i18n';
import { PreviewGallery } from './preview-gallery';
import { PreviewImage, avatarHue, domainOf, initialsOf } from './preview-format';

/**
 * A message in a Telegram channel: the channel's header, the day, the album and the text as
 * Telegram shows our HTML (`renderTelegram`: bold, italic, links, the post's link appended). A text
 * longer than a caption follows the album as a message of its own, as the adapter sends it.
 */
@Component({
  selector: 'vn-telegram-message-preview',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PreviewGallery],
  template: `
    <article class="tg">
      <header class="tg__head">
        <span class="tg__avatar" aria-hidden="true" [style.background]="avatarColour()">{{ initials() }}</span>
        <span class="tg__who">
          <span class="tg__name">{{ communityName() }}</span>
          <span class="tg__kind">{{ t('previews.telegram.channel') }}</span>
        </span>
      </header>
      <div class="tg__chat">
        <p class="tg__day"><span>{{ day() }}</span></p>
        @if (images().length) {
          <div class="tg__bubble tg__bubble--media">
            <vn-preview-gallery look="telegram" [images]="images()" />
            @if (rendering().visibleLength && !textSeparate()) {
              <div class="tg__text" [innerHTML]="rendering().html"></div>
            }
            <span class="tg__meta" [class.tg__meta--over]="!rendering().visibleLength || textSeparate()"><svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true"><path fill="none" stroke="currentColor" stroke-width="2" d="M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12z"/><circle cx="12" cy="12" r="3" fill="currentColor"/></svg> 1 {{ time() }}</span>
          </div>
        }
        @if (rendering().visibleLength && (!images().length || textSeparate())) {
          <div class="tg__bubble">
            <div class="tg__text" [innerHTML]="rendering().html"></div>
            @if (link() && !images().length) {
              <span class="tg__preview">
                <span class="tg__preview-site">{{ domain() }}</span>
                <span class="tg__preview-url">{{ link() }}</span>
              </span>
            }
            <span class="tg__meta"><svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true"><path fill="none" stroke="currentColor" stroke-width="2" d="M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12z"/><circle cx="12" cy="12" r="3" fill="currentColor"/></svg> 1 {{ time() }}</span>
          </div>
        }
      </div>
    </article>
  `,
  styles: `
    .tg {
      border: 1px solid #d4dbd0;
      border-radius: 12px;
      overflow: hidden;
      font-family: -apple-system, system-ui, 'Segoe UI', Roboto, Arial, sans-serif;
      font-size: 15px;
      line-height: 1.4;
      color: #000;
    }
    .tg__head {
      display: flex;
      gap: 10px;
      align-items: center;
      background: #fff;
      padding: 8px 14px;
      border-bottom: 1px solid #e5e5e5;
    }
    .tg__avatar {
      flex: none;
      width: 38px;
      height: 38px;
      border-radius: 50%;
      display: grid;
      place-items: center;
      color: #fff;
      font-weight: 600;
    }
    .tg__who {
      display: flex;
      flex-direction: column;
      min-width: 0;
    }
    .tg__name {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .tg__kind {
      color: #707579;
      font-size: 13px;
    }
    .tg__chat {
      background: linear-gradient(160deg, #cfe0b4, #a9c48e);
      padding: 10px 14px 14px;
      display: flex;
      flex-direction: column;
      gap: 6px;
      align-items: flex-start;
    }
    .tg__day {
      align-self: center;
      margin: 0 0 4px;
    }
    .tg__day span {
      background: rgb(0 0 0 / 45%);
      color: #fff;
      border-radius: 12px;
      padding: 2px 10px;
      font-size: 13px;
    }
    .tg__bubble {
      position: relative;
      background: #fff;
      border-radius: 12px;
      padding: 6px 10px 20px;
      max-width: min(100%, 30rem);
      width: fit-content;
      box-shadow: 0 1px 1px rgb(0 0 0 / 12%);
    }
    .tg__bubble--media {
      padding: 0 0 20px;
      width: min(100%, 30rem);
      overflow: hidden;
    }
    .tg__bubble--media .tg__text {
      padding: 6px 10px 0;
    }
    .tg__text {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .tg__text ::ng-deep a,
    .tg__preview-site {
      color: #0f6ea8;
    }
    .tg__meta {
      display: inline-flex;
      gap: 3px;
      align-items: center;
      position: absolute;
      right: 10px;
      bottom: 4px;
      color: #5f6e7c;
      font-size: 12px;
    }
    .tg__meta--over {
      color: #fff;
      background: rgb(0 0 0 / 55%);
      border-radius: 8px;
      padding: 0 6px;
      bottom: 26px;
    }
    .tg__preview {
      display: flex;
      flex-direction: column;
      border-left: 3px solid #0f6ea8;
      padding-left: 8px;
      margin-top: 6px;
      font-size: 14px;
    }
    .tg__preview-site {
      font-weight: 600;
    }
    .tg__preview-url {
      overflow-wrap: anywhere;
    }
  `,
})
export class TelegramMessagePreview {
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

  protected readonly rendering = computed(() => renderTelegram({ text: this.text(), link: this.link() ?? undefined }));
  /** A caption holds `captionMax` characters; a longer text goes out as the next message. */
  protected readonly textSeparate = computed(() => {
    const max = TELEGRAM_LIMITS.captionMax;
    return max !== null && this.rendering().visibleLength > max;
  });
  protected readonly initials = computed(() => initialsOf(this.communityName()));
  protected readonly avatarColour = computed(() => `hsl(${avatarHue(this.communityName())} 50% 30%)`);
  protected readonly domain = computed(() => domainOf(this.link() ?? ''));
}
