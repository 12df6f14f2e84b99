import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { PLATFORMS, type MediaView, type Platform, type PostView } from '@vestnik/contracts';
import { mediaThumbnailUrl } from '@vestnik/editor/data-access';
import { I18n } from '@vestnik/editor/i18n';
import { MaxMessagePreview, OkTopicPreview, PreviewImage, TelegramMessagePreview, VkPostPreview, platformTime } from '@vestnik/editor/ui';

interface PlatformPreview {
  platform: Platform;
  title: string;
  community: string;
  others: number;
  text: string;
}

/**
 * The post as readers will see it on each platform it goes to, with the first page's name there.
 * A platform without a drawn look yet (MAX) shows the text that will go there.
 */
@Component({
  selector: 'vn-review-previews',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [VkPostPreview, OkTopicPreview, TelegramMessagePreview, MaxMessagePreview],
  template: `
    <div class="previews">
      @for (p of previews(); track p.platform) {
        <section class="preview" [attr.aria-labelledby]="'review-preview-' + p.platform">
          <h4 class="preview__title" [id]="'review-preview-' + p.platform">
            {{ p.title }}
            @if (p.others) {
              <span class="muted preview__others">{{ t('approval.previews.others', { channels: t('common.count.channels', { count: p.others }) }) }}</span>
            }
          </h4>
          @switch (p.platform) {
            @case ('vk') {
              <vn-vk-post-preview [communityName]="p.community" [time]="times().vk" [text]="p.text" [link]="post().link" [images]="images()" />
            }
            @case ('ok') {
              <vn-ok-topic-preview [communityName]="p.community" [time]="times().ok" [text]="p.text" [link]="post().link" [images]="images()" />
            }
            @case ('telegram') {
              <vn-telegram-message-preview [communityName]="p.community" [time]="times().telegram" [day]="times().day" [text]="p.text" [link]="post().link" [images]="images()" />
            }
            @case ('max') {
              <vn-max-message-preview [communityName]="p.community" [time]="times().telegram" [day]="times().day" [text]="p.text" [link]="post().link" [images]="images()" />
            }
          }
        </section>
      } @empty {
        <p class="muted">{{ t('approval.previews.noChannels') }}</p>
      }
    </div>
  `,
  styles: `
    .previews {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr));
      gap: 1rem;
      align-items: start;
    }
    .preview__title {
      font-size: 0.95rem;
      margin: 0 0 0.4rem;
    }
    .preview__others {
      font-weight: 400;
      font-size: 0.85rem;
    }
  `,
})
export class ReviewPreviews {
  readonly post = input.required<PostView>();
  readonly media = input<ReadonlyMap<string, MediaView>>(new Map());

  protected readonly t = inject(I18n).t;

  protected readonly images = computed<PreviewImage[]>(() => {
    const media = this.media();
    return this.post().mediaIds.map((id, i) => {
      const m = media.get(id);
      return { src: mediaThumbnailUrl(id), width: m?.width ?? 0, height: m?.height ?? 0, alt: m?.fileName ?? this.t('approval.previews.imageNumber', { number: i + 1 }) };
    });
  });

  protected readonly times = computed(() => {
    const post = this.post();
    const at = new Date(post.scheduledAt);
    const now = new Date();
    return {
      vk: platformTime(at, post.timezone, now, 'vk', this.t),
      ok: platformTime(at, post.timezone, now, 'ok', this.t),
      telegram: platformTime(at, post.timezone, now, 'telegram', this.t),
      day: platformTime(at, post.timezone, now, 'telegram-day', this.t),
    };
  });

  protected readonly previews = computed<PlatformPreview[]>(() => {
    const post = this.post();
    return PLATFORMS.flatMap((platform) => {
      const pages = post.publications.filter((p) => p.platform === platform);
      if (!pages.length) return [];
      return [{ platform, title: this.t(`common.platform.name.${platform}`), community: pages[0].channelName, others: pages.length - 1, text: post.variants[platform]?.text ?? post.text }];
    });
  });
}
