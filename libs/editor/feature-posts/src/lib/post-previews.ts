import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { PLATFORMS, parseZonedInstant, type ChannelView, type MediaView, type Platform } from '@vestnik/contracts';
import { mediaThumbnailUrl } from '@vestnik/editor/data-access';
import { I18n } from '@vestnik/editor/i18n';
import { MaxMessagePreview, OkTopicPreview, PreviewImage, TelegramMessagePreview, VkPostPreview, platformTime } from '@vestnik/editor/ui';
import { ComposerValue, textForPlatform } from './composer-value';

interface PreviewModel {
  platform: Platform;
  title: string;
  community: string;
  /** Other chosen pages of the platform, which get the same post. */
  others: number;
  text: string;
}

/**
 * How the post will look on each platform its pages are on (all three while none is chosen), with
 * the first chosen page's name and the time in the organization's zone.
 */
@Component({
  selector: 'vn-post-previews',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [VkPostPreview, OkTopicPreview, TelegramMessagePreview, MaxMessagePreview],
  template: `
    @for (p of previews(); track p.platform) {
      <section class="preview" [attr.aria-labelledby]="'preview-' + p.platform" [attr.data-platform]="p.platform">
        <h3 class="preview__title" [id]="'preview-' + p.platform">
          {{ p.title }}
          @if (p.others) {
            <span class="muted preview__others">{{ t('previews.panel.otherPages', { count: p.others }) }}</span>
          }
        </h3>
        @switch (p.platform) {
          @case ('vk') {
            <vn-vk-post-preview [communityName]="p.community" [time]="times().vk" [text]="p.text" [link]="link()" [images]="images()" />
          }
          @case ('ok') {
            <vn-ok-topic-preview [communityName]="p.community" [time]="times().ok" [text]="p.text" [link]="link()" [images]="images()" />
          }
          @case ('telegram') {
            <vn-telegram-message-preview [communityName]="p.community" [time]="times().telegram" [day]="times().day" [text]="p.text" [link]="link()" [images]="images()" />
          }
          @case ('max') {
            <vn-max-message-preview [communityName]="p.community" [time]="times().telegram" [day]="times().day" [text]="p.text" [link]="link()" [images]="images()" />
          }
        }
      </section>
    } @empty {
      <p class="muted">{{ t('previews.panel.empty') }}</p>
    }
  `,
  styles: `
    /* One column beside the form; on a tablet, below it, two side by side (about a phone's width each). */
    :host {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr));
      gap: 1.25rem;
      align-items: start;
    }
    .preview__title {
      font-size: 1rem;
      margin-bottom: 0.4rem;
    }
    .preview__others {
      font-weight: 400;
      font-size: 0.875rem;
    }
  `,
})
export class PostPreviews {
  protected readonly t = inject(I18n).t;
  readonly value = input.required<ComposerValue>();
  readonly channels = input.required<ReadonlyMap<string, ChannelView>>();
  readonly media = input.required<ReadonlyMap<string, MediaView>>();
  readonly timeZone = input.required<string>();
  /** Shown as the community while no page of a platform is chosen; «Ваше сообщество» («Your community») without it. */
  readonly organizationName = input<string | null>(null);

  protected readonly link = computed(() => this.value().link.trim() || null);
  protected readonly images = computed<PreviewImage[]>(() => {
    const media = this.media();
    return this.value().mediaIds.flatMap((id) => {
      const m = media.get(id);
      return m ? [{ src: mediaThumbnailUrl(id), width: m.width, height: m.height, alt: m.fileName }] : [];
    });
  });
  protected readonly times = computed(() => {
    const zone = this.timeZone();
    const at = parseZonedInstant(this.value().scheduledAt, zone) ?? new Date();
    const now = new Date();
    return {
      vk: platformTime(at, zone, now, 'vk', this.t),
      ok: platformTime(at, zone, now, 'ok', this.t),
      telegram: platformTime(at, zone, now, 'telegram', this.t),
      day: platformTime(at, zone, now, 'telegram-day', this.t),
    };
  });

  protected readonly previews = computed<PreviewModel[]>(() => {
    const value = this.value();
    // In the list's order (the organization's own pages first), so the first page named is the expected one.
    const selected = new Set(value.channelIds);
    const chosen = [...this.channels().values()].filter((c) => selected.has(c.id));
    const platforms = PLATFORMS.filter((p) => chosen.some((c) => c.platform === p));
    const shown = platforms.length ? platforms : PLATFORMS;
    const empty = !value.text.trim() && !value.mediaIds.length && !value.link.trim();
    if (empty && !PLATFORMS.some((p) => value.variants[p].own && value.variants[p].text.trim())) return [];
    return shown.map((platform) => {
      const pages = chosen.filter((c) => c.platform === platform);
      const first = pages[0];
      return {
        platform,
        title: this.t(`common.platform.name.${platform}`),
        community: first ? (first.displayName ?? first.name) : (this.organizationName() ?? this.t('previews.panel.yourCommunity')),
        others: Math.max(0, pages.length - 1),
        text: textForPlatform(value, platform),
      };
    });
  });
}
