import { CdkDrag, CdkDragDrop, CdkDragHandle, CdkDropList, moveItemInArray } from '@angular/cdk/drag-drop';
import { ChangeDetectionStrategy, Component, Injector, afterNextRender, computed, inject, input, output, signal } from '@angular/core';
import { MEDIA_MIME_TYPES, type MediaView, type Platform } from '@vestnik/contracts';
import { MediaApi, mediaThumbnailUrl, toApiFailure } from '@vestnik/editor/data-access';
import { I18n, type Translate } from '@vestnik/editor/i18n';
import { lastValueFrom, tap } from 'rxjs';
import { imageVerdicts } from './platform-verdicts';

interface Upload {
  key: number;
  fileName: string;
  loaded: number;
  total: number | null;
  failure: string | null;
}

let nextUpload = 0;

/** «284 КБ», «3,4 МБ» («3.4 MB» in English): the number written in `locale`. */
export function describeSize(bytes: number, t: Translate, locale: string): string {
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  if (bytes >= 1024 * 1024) return t('posts.media.megabytes', { size: format.format(bytes / (1024 * 1024)) });
  return t('posts.media.kilobytes', { size: format.format(Math.max(1, Math.round(bytes / 1024))) });
}

/**
 * The post's images: upload with progress, thumbnails, order (drag, or the «влево»/«вправо»
 * buttons for the keyboard), removal from the post, and each image's verdict per platform.
 * Images are removed from the post only; the file stays in the organization's media.
 */
@Component({
  selector: 'vn-media-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [CdkDropList, CdkDrag, CdkDragHandle],
  templateUrl: './media-picker.html',
  styleUrl: './media-picker.css',
})
export class MediaPicker {
  readonly organizationId = input.required<string | null>();
  readonly mediaIds = input.required<readonly string[]>();
  readonly media = input.required<ReadonlyMap<string, MediaView>>();
  /** Platforms whose verdict is shown for each image: those of the chosen pages. */
  readonly platforms = input.required<readonly Platform[]>();
  readonly maxImages = input.required<number>();
  readonly disabled = input(false);
  /** The field's error (the server's or the form's), shown under the images. */
  readonly error = input<string | null>(null);

  /** The new order after a move or a removal. */
  readonly mediaIdsChange = output<string[]>();
  /** An image uploaded: the composer appends it to the post. */
  readonly added = output<MediaView>();

  private readonly api = inject(MediaApi);
  private readonly injector = inject(Injector);
  private readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  protected readonly accept = MEDIA_MIME_TYPES.join(',');
  protected readonly uploads = signal<Upload[]>([]);
  protected readonly announcement = signal('');
  protected readonly dropping = signal(false);

  protected readonly tiles = computed(() => {
    const media = this.media();
    const verdicts = imageVerdicts(this.mediaIds(), media, this.platforms(), this.t);
    const locale = this.i18n.locale();
    return this.mediaIds().map((id, index) => {
      const m = media.get(id) ?? null;
      return {
        id,
        index,
        media: m,
        thumbnail: mediaThumbnailUrl(id),
        size: m ? `${m.width}×${m.height}, ${describeSize(m.size, this.t, locale)}` : '',
        verdicts: verdicts.get(id) ?? [],
      };
    });
  });
  protected readonly room = computed(() => this.maxImages() - this.mediaIds().length - this.uploads().filter((u) => !u.failure).length);

  protected choose(input: HTMLInputElement): void {
    const files = Array.from(input.files ?? []);
    input.value = '';
    void this.upload(files);
  }

  protected onDragOver(event: DragEvent): void {
    if (this.disabled() || !event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    this.dropping.set(true);
  }

  protected onDrop(event: DragEvent): void {
    this.dropping.set(false);
    if (this.disabled() || !event.dataTransfer?.files.length) return;
    event.preventDefault();
    void this.upload(Array.from(event.dataTransfer.files));
  }

  /** One at a time, in the order chosen, so the images come in that order. */
  private async upload(files: File[]): Promise<void> {
    const organizationId = this.organizationId();
    if (!organizationId || this.disabled()) return;
    const room = this.room();
    const refused = files.slice(Math.max(0, room));
    const queued = files.slice(0, Math.max(0, room)).map((file) => ({ file, upload: { key: nextUpload++, fileName: file.name, loaded: 0, total: file.size, failure: null } as Upload }));
    this.uploads.update((list) => [
      ...list,
      ...queued.map((q) => q.upload),
      ...refused.map((file) => ({ key: nextUpload++, fileName: file.name, loaded: 0, total: null, failure: this.t('posts.media.tooMany', { count: this.maxImages() }) })),
    ]);
    for (const { file, upload } of queued) {
      try {
        const done = await lastValueFrom(
          this.api.upload(organizationId, file).pipe(
            tap((event) => {
              if (event.kind === 'progress') this.patch(upload.key, { loaded: event.loaded, total: event.total ?? upload.total });
            }),
          ),
        );
        if (done.kind === 'done') {
          this.uploads.update((list) => list.filter((u) => u.key !== upload.key));
          this.added.emit(done.media);
          this.announcement.set(this.t('posts.media.uploaded', { name: done.media.fileName }));
        }
      } catch (error) {
        this.patch(upload.key, { failure: toApiFailure(error).message });
      }
    }
  }

  protected platformName(platform: Platform): string {
    return this.t(`common.platform.name.${platform}`);
  }

  protected percent(upload: Upload): number {
    return upload.total ? Math.min(100, Math.round((upload.loaded / upload.total) * 100)) : 0;
  }

  protected dismiss(key: number): void {
    this.uploads.update((list) => list.filter((u) => u.key !== key));
  }

  protected dropped(event: CdkDragDrop<unknown>): void {
    if (event.previousIndex === event.currentIndex) return;
    this.reorder(event.previousIndex, event.currentIndex);
  }

  /** Moves by a button; focus stays on the same button of the moved image. */
  protected move(index: number, by: -1 | 1, side: 'left' | 'right'): void {
    const to = index + by;
    if (to < 0 || to >= this.mediaIds().length) return;
    const id = this.mediaIds()[index];
    this.reorder(index, to);
    const target = to === 0 || to === this.mediaIds().length - 1 ? (side === 'left' ? 'right' : 'left') : side;
    afterNextRender({ write: () => document.getElementById(`media-${id}-${target}`)?.focus() }, { injector: this.injector });
  }

  protected remove(index: number): void {
    const ids = [...this.mediaIds()];
    const [removed] = ids.splice(index, 1);
    this.mediaIdsChange.emit(ids);
    const name = this.media().get(removed)?.fileName ?? this.t('posts.media.numbered', { number: index + 1 });
    this.announcement.set(this.t('posts.media.removed', { name }));
    const next = ids[Math.min(index, ids.length - 1)];
    afterNextRender(
      { write: () => document.getElementById(next ? `media-${next}-remove` : 'media-upload')?.focus() },
      { injector: this.injector },
    );
  }

  private reorder(from: number, to: number): void {
    const ids = [...this.mediaIds()];
    moveItemInArray(ids, from, to);
    this.mediaIdsChange.emit(ids);
    const name = this.media().get(ids[to])?.fileName ?? '';
    this.announcement.set(this.t('posts.media.moved', { name, position: to + 1, count: ids.length }));
  }

  private patch(key: number, change: Partial<Upload>): void {
    this.uploads.update((list) => list.map((u) => (u.key === key ? { ...u, ...change } : u)));
  }
}
