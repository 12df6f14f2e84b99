import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RUBRIC_LABELS, type MediaView, type PostChangesView } from '@vestnik/contracts';
import { mediaThumbnailUrl } from '@vestnik/editor/data-access';
import { PLATFORM_TITLES } from '@vestnik/platforms/rules';
import { DiffText } from './diff-text';
import { formatWhen } from './queue-format';

interface ImageItem {
  id: string;
  src: string;
  name: string;
}

/**
 * What changed in a post since the version last reviewed: the text word by word, the platforms'
 * own texts, images, pages, rubric, time, title and link, then who changed it. At a first review
 * there is nothing to compare, and it says so.
 */
@Component({
  selector: 'vn-review-changes',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DiffText],
  templateUrl: './review-changes.html',
  styleUrl: './review-changes.css',
})
export class ReviewChanges {
  readonly changes = input.required<PostChangesView>();
  readonly timeZone = input.required<string>();
  /** Images by id, for their names; a removed file may be missing. */
  readonly media = input<ReadonlyMap<string, MediaView>>(new Map());

  protected readonly rubricLabels = RUBRIC_LABELS;
  protected readonly platformTitles = PLATFORM_TITLES;

  protected readonly firstReview = computed(() => this.changes().baseVersion === null || this.changes().baseMissing);

  /** «Сравнение с версией 2 — возвращена на доработку 3 декабря в 10:00, Олег Смирнов». */
  protected readonly since = computed(() => {
    const c = this.changes();
    const review = c.lastReview;
    if (c.baseVersion === null) return 'Материал проверяют впервые: сравнивать не с чем, всё его содержимое новое.';
    if (c.baseMissing) return `Содержимое версии ${c.baseVersion}, проверенной раньше, не сохранилось (она старше этой возможности): всё содержимое показано как новое.`;
    if (review && review.version === c.baseVersion) {
      const what = review.outcome === 'approved' ? 'согласована' : 'возвращена на доработку';
      return `Сравнение с версией ${c.baseVersion} — ${what} ${formatWhen(review.at, this.timeZone())}, ${review.reviewerName}. Сейчас версия ${c.version}.`;
    }
    return `Сравнение с версией ${c.baseVersion}. Сейчас версия ${c.version}.`;
  });

  protected readonly variants = computed(() =>
    this.changes()
      .variants.filter((v) => v.changed)
      .map((v) => ({ ...v, title: PLATFORM_TITLES[v.platform], note: !v.after ? `Отдельный текст для площадки удалён: теперь туда уйдёт общий текст.` : !v.before ? 'Для площадки добавлен отдельный текст.' : null })),
  );

  protected readonly time = computed(() => {
    const t = this.changes().scheduledAt;
    const zone = this.timeZone();
    return { before: t.before ? formatWhen(t.before, zone) : null, after: formatWhen(t.after, zone) };
  });

  protected readonly imagesAdded = computed(() => this.images(this.changes().images.added));
  protected readonly imagesRemoved = computed(() => this.images(this.changes().images.removed));

  /** The parts that stayed as they were, named in one line. */
  protected readonly unchanged = computed(() => {
    const c = this.changes();
    const parts: string[] = [];
    if (!c.text.changed) parts.push('общий текст');
    if (!c.images.added.length && !c.images.removed.length && !c.images.reordered) parts.push('изображения');
    if (!c.channels.added.length && !c.channels.removed.length) parts.push('каналы');
    if (!c.rubric.changed) parts.push('рубрика');
    if (!c.scheduledAt.changed) parts.push('время публикации');
    if (!c.link.changed) parts.push('ссылка');
    if (!c.title.changed) parts.push('внутренний заголовок');
    return parts;
  });

  private images(ids: string[]): ImageItem[] {
    const media = this.media();
    return ids.map((id, i) => ({ id, src: mediaThumbnailUrl(id), name: media.get(id)?.fileName ?? `изображение ${i + 1}` }));
  }
}
