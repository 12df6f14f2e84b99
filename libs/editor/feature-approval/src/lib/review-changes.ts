import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { type MediaView, type PostChangesView } from '@vestnik/contracts';
import { mediaThumbnailUrl } from '@vestnik/editor/data-access';
import { I18n } from '@vestnik/editor/i18n';
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

  private readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  protected readonly firstReview = computed(() => this.changes().baseVersion === null || this.changes().baseMissing);

  /** «Сравнение с версией 2 — возвращена на доработку 3 декабря в 10:00, Олег Смирнов». */
  protected readonly since = computed(() => {
    const c = this.changes();
    const review = c.lastReview;
    const t = this.t;
    if (c.baseVersion === null) return t('approval.changes.since.first');
    if (c.baseMissing) return t('approval.changes.since.baseMissing', { base: c.baseVersion });
    if (review && review.version === c.baseVersion) {
      const params = { base: c.baseVersion, when: formatWhen(review.at, this.timeZone(), this.i18n.locale()), reviewer: review.reviewerName, version: c.version };
      return review.outcome === 'approved' ? t('approval.changes.since.approved', params) : t('approval.changes.since.rejected', params);
    }
    return t('approval.changes.since.compared', { base: c.baseVersion, version: c.version });
  });

  protected readonly variants = computed(() =>
    this.changes()
      .variants.filter((v) => v.changed)
      .map((v) => ({
        ...v,
        title: this.t(`common.platform.name.${v.platform}`),
        note: !v.after ? this.t('approval.changes.variantRemoved') : !v.before ? this.t('approval.changes.variantAdded') : null,
      })),
  );

  protected readonly time = computed(() => {
    const t = this.changes().scheduledAt;
    const zone = this.timeZone();
    const locale = this.i18n.locale();
    return { before: t.before ? formatWhen(t.before, zone, locale) : null, after: formatWhen(t.after, zone, locale) };
  });

  protected readonly imagesAdded = computed(() => this.images(this.changes().images.added));
  protected readonly imagesRemoved = computed(() => this.images(this.changes().images.removed));

  /** The parts that stayed as they were, named in one line. */
  protected readonly unchanged = computed(() => {
    const c = this.changes();
    const parts: string[] = [];
    if (!c.text.changed) parts.push('text');
    if (!c.images.added.length && !c.images.removed.length && !c.images.reordered) parts.push('images');
    if (!c.channels.added.length && !c.channels.removed.length) parts.push('channels');
    if (!c.rubric.changed) parts.push('rubric');
    if (!c.scheduledAt.changed) parts.push('time');
    if (!c.link.changed) parts.push('link');
    if (!c.title.changed) parts.push('title');
    return parts.map((part) => this.t(`approval.changes.part.${part}`));
  });

  /** Who made each version since the last review, and whether it created the post or edited it. */
  protected readonly revisions = computed(() =>
    this.changes().revisions.map((r) => {
      const params = { editor: r.editorName, version: r.version };
      return { version: r.version, text: r.kind === 'created' ? this.t('approval.changes.revisionCreated', params) : this.t('approval.changes.revisionEdited', params) };
    }),
  );

  private images(ids: string[]): ImageItem[] {
    const media = this.media();
    return ids.map((id, i) => ({ id, src: mediaThumbnailUrl(id), name: media.get(id)?.fileName ?? this.t('approval.changes.imageNumber', { number: i + 1 }) }));
  }
}
