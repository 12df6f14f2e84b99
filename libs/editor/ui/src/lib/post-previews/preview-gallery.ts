import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { Platform } from '@vestnik/contracts';
import type { PreviewImage } from './preview-format';

/** The widest and tallest a single picture is shown, as platforms crop extreme ones. */
const RATIO_MIN = 0.6;
const RATIO_MAX = 2.2;

/**
 * Images as a platform lays them out under a post: one at its own proportions, two side by side,
 * more as a large first picture over a row (or rows) of small ones, as VK, OK and Telegram albums do.
 */
@Component({
  selector: 'vn-preview-gallery',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class]': '"gallery gallery--" + look()' },
  template: `
    @if (images().length === 1) {
      <img class="gallery__single" [src]="images()[0].src" [alt]="images()[0].alt" [style.aspect-ratio]="singleRatio()" />
    } @else if (images().length > 1) {
      <div class="gallery__grid" [style.grid-template-columns]="'repeat(' + columns() + ', 1fr)'">
        @for (image of images(); track $index; let first = $first) {
          <img
            class="gallery__cell"
            [class.gallery__cell--lead]="first && images().length > 2"
            [style.grid-column]="first && images().length > 2 ? '1 / -1' : null"
            [src]="image.src"
            [alt]="image.alt"
          />
        }
      </div>
    }
  `,
  styles: `
    :host {
      display: block;
      overflow: hidden;
    }
    img {
      display: block;
      width: 100%;
      object-fit: cover;
      background: #e4e7eb;
    }
    .gallery__single {
      max-height: 28rem;
    }
    .gallery__grid {
      display: grid;
      gap: 2px;
    }
    .gallery__cell {
      aspect-ratio: 1;
    }
    .gallery__cell--lead {
      aspect-ratio: 16 / 10;
    }
    :host(.gallery--vk),
    :host(.gallery--ok) {
      border-radius: 8px;
    }
  `,
})
export class PreviewGallery {
  readonly images = input<readonly PreviewImage[]>([]);
  readonly look = input<Platform>('vk');

  protected readonly singleRatio = computed(() => {
    const [image] = this.images();
    if (!image || !(image.width > 0) || !(image.height > 0)) return '4 / 3';
    return String(Math.min(RATIO_MAX, Math.max(RATIO_MIN, image.width / image.height)));
  });

  /** Two side by side; then the small ones under the first, at most three in a row. */
  protected readonly columns = computed(() => {
    const n = this.images().length;
    return n === 2 ? 2 : Math.min(3, n - 1);
  });
}
