import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Platform, Rubric } from './enums';

export const DIFF_OPS = ['equal', 'insert', 'delete'] as const;
export type DiffOp = (typeof DIFF_OPS)[number];

/** Query of `GET /api/v1/posts/:id/changes`. */
export class PostChangesQuery {
  /**
   * The version to compare the current one with; the version last reviewed (approved or rejected) when absent.
   * @example 2
   */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1_000_000)
  since?: number;
}

/** A piece of a text diff, in reading order: kept, added or removed. */
export class DiffSegmentView {
  /**
   * `equal`: in both versions; `insert`: added in the current one; `delete`: removed from the earlier one.
   * @example "insert"
   */
  op!: DiffOp;

  /**
   * The text of the piece, in the editor's markup, spaces and line breaks included.
   * @example "в понедельник"
   */
  text!: string;
}

/** A text compared word by word. */
export class TextChangeView {
  /**
   * The text differs between the two versions.
   * @example true
   */
  changed!: boolean;

  /**
   * The current text in pieces, removed pieces of the earlier one in their places; the pieces without `insert` give the earlier text, those without `delete` the current one.
   * @example [{"op": "equal", "text": "Приём граждан — в "}, {"op": "delete", "text": "пятницу"}, {"op": "insert", "text": "понедельник"}, {"op": "equal", "text": " с 10:00."}]
   */
  segments!: DiffSegmentView[];
}

/** A platform's own text compared. */
export class VariantChangeView extends TextChangeView {
  /**
   * The platform whose text it is.
   * @example "telegram"
   */
  platform!: Platform;

  /**
   * The earlier version had a text of its own for this platform.
   * @example false
   */
  before!: boolean;

  /**
   * The current version has a text of its own for this platform.
   * @example true
   */
  after!: boolean;
}

/** A single value compared (title, link). */
export class ValueChangeView {
  /**
   * The value differs between the two versions.
   * @example true
   */
  changed!: boolean;

  /**
   * The earlier value; null when there was none (or no earlier version).
   * @example "https://minobr.sakhalin.gov.ru/news/priem"
   */
  before!: string | null;

  /**
   * The current value; null when there is none.
   * @example "https://minobr.sakhalin.gov.ru/news/priem-grazhdan"
   */
  after!: string | null;
}

/** The rubric compared. */
export class RubricChangeView {
  /**
   * The rubric differs between the two versions.
   * @example false
   */
  changed!: boolean;

  /**
   * The earlier rubric; null when there is no earlier version.
   * @example "official"
   */
  before!: Rubric | null;

  /**
   * The current rubric.
   * @example "official"
   */
  after!: Rubric;
}

/** The publication time compared, as UTC instants and as wall-clock time of the organization's zone. */
export class TimeChangeView {
  /**
   * The time differs between the two versions.
   * @example true
   */
  changed!: boolean;

  /**
   * The earlier time, UTC; null when there is no earlier version.
   * @example "2026-08-31T23:00:00.000Z"
   */
  before!: string | null;

  /**
   * The earlier time in the organization's zone, with offset; null when there is no earlier version.
   * @example "2026-09-01T10:00:00+11:00"
   */
  beforeLocal!: string | null;

  /**
   * The current time, UTC.
   * @example "2026-09-01T01:00:00.000Z"
   */
  after!: string;

  /**
   * The current time in the organization's zone, with offset.
   * @example "2026-09-01T12:00:00+11:00"
   */
  afterLocal!: string;
}

/** Images compared by their uploaded files. */
export class ImageChangesView {
  /**
   * Images in the current version that the earlier one did not have, in the order shown.
   * @example ["c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f"]
   */
  added!: string[];

  /**
   * Images of the earlier version that the current one dropped.
   * @example []
   */
  removed!: string[];

  /**
   * The images both versions have are shown in another order.
   * @example false
   */
  reordered!: boolean;
}

/** A page (channel) named in a change. */
export class ChannelRefView {
  /**
   * The channel's id.
   * @example "2f6e1a3b-8c4d-4e5f-9a6b-7c8d9e0f1a2b"
   */
  id!: string;

  /**
   * The channel's name in Vestnik (also for a channel deleted since).
   * @example "Минобр Сахалина"
   */
  name!: string;

  /**
   * The platform of the page.
   * @example "vk"
   */
  platform!: Platform;
}

/** Target pages compared. */
export class ChannelChangesView {
  /** Pages the current version goes to and the earlier did not, by name. */
  added!: ChannelRefView[];

  /** Pages the earlier version went to and the current does not, by name. */
  removed!: ChannelRefView[];

  /**
   * Pages both versions go to.
   * @example 12
   */
  kept!: number;
}

/** An approval or a rejection of a post. */
export class PostReviewView {
  /**
   * The version that was judged.
   * @example 2
   */
  version!: number;

  /**
   * `approved` or `rejected`.
   * @example "rejected"
   */
  outcome!: 'approved' | 'rejected';

  /**
   * Who judged it.
   * @example "0b1c2d3e-4f5a-4b6c-8d7e-8f9a0b1c2d3e"
   */
  reviewerId!: string;

  /**
   * The reviewer's name.
   * @example "Олег Смирнов"
   */
  reviewerName!: string;

  /**
   * The reason of a rejection; null for an approval.
   * @example "Уточните время начала линеек и добавьте фотографию."
   */
  comment!: string | null;

  /**
   * When (UTC).
   * @example "2026-08-27T06:03:18.000Z"
   */
  at!: string;
}

/** A version made after the compared one: who changed the post, and when. */
export class PostRevisionView {
  /**
   * The version.
   * @example 3
   */
  version!: number;

  /**
   * Who made it.
   * @example "9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d"
   */
  editorId!: string;

  /**
   * The editor's name.
   * @example "Ирина Петрова"
   */
  editorName!: string;

  /**
   * `created` (the first version) or `edited`.
   * @example "edited"
   */
  kind!: 'created' | 'edited';

  /**
   * When (UTC).
   * @example "2026-08-28T01:20:00.000Z"
   */
  at!: string;
}

/**
 * Answer of `GET /api/v1/posts/:id/changes`: what changed in the current version since the compared
 * one. With nothing to compare with (never reviewed, or a version whose content was not kept)
 * everything is new: the text is one addition, every image and page added.
 */
export class PostChangesView {
  /**
   * The post.
   * @example "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
   */
  postId!: string;

  /**
   * The current version.
   * @example 4
   */
  version!: number;

  /** The last approval or rejection; null when the post was never reviewed. */
  lastReview!: PostReviewView | null;

  /**
   * The version compared with; null when there is none, and everything is new.
   * @example 2
   */
  baseVersion!: number | null;

  /**
   * The compared version is known but its content was not kept (it predates the keeping): everything is shown as new.
   * @example false
   */
  baseMissing!: boolean;

  /**
   * Anything differs at all.
   * @example true
   */
  changed!: boolean;

  /** The common text. */
  text!: TextChangeView;

  /** Platform texts, one entry per platform that has one in either version. */
  variants!: VariantChangeView[];

  /** The internal title. */
  title!: ValueChangeView;

  /** The attached link. */
  link!: ValueChangeView;

  /** The rubric. */
  rubric!: RubricChangeView;

  /** The publication time. */
  scheduledAt!: TimeChangeView;

  /** The images. */
  images!: ImageChangesView;

  /** The target pages. */
  channels!: ChannelChangesView;

  /** The versions after the compared one, oldest first: who changed the post since. */
  revisions!: PostRevisionView[];
}
