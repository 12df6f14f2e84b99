import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf, ValidateNested, IsUrl, Matches } from 'class-validator';
import { PageWindow, type Page } from './audit.dto';
import type { RubricMix } from './channels.dto';
import { Platform, RUBRICS, Rubric } from './enums';

export const POST_STATUSES = ['draft', 'in_review', 'scheduled', 'publishing', 'published', 'partially_published', 'failed', 'cancelled'] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

export const POST_STATUS_LABELS: Record<PostStatus, string> = {
  draft: 'Черновик',
  in_review: 'На согласовании',
  scheduled: 'Согласован, ждёт публикации',
  publishing: 'Публикуется',
  published: 'Опубликован',
  partially_published: 'Опубликован частично',
  failed: 'Не опубликован',
  cancelled: 'Отменён',
};

export const PUBLICATION_STATUSES = ['pending', 'scheduled', 'publishing', 'published', 'failed', 'unconfirmed', 'missed', 'cancelled'] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];

export const PUBLICATION_STATUS_LABELS: Record<PublicationStatus, string> = {
  pending: 'Ждёт согласования',
  scheduled: 'Ждёт времени публикации',
  publishing: 'Отправляется',
  published: 'Опубликовано',
  failed: 'Не опубликовано',
  unconfirmed: 'Не подтверждено',
  missed: 'Пропущено время',
  cancelled: 'Отменено',
};

/** Submit and approve need the post at least this far ahead (`scheduled_in_past` otherwise), so the publishing worker can still take it. */
export const POST_MIN_LEAD_MS = 60_000;

/** Where the value holds a date-time: ISO 8601 with an offset, or local time of the organization's zone. */
const ZONED_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** The text one platform gets instead of the post's common text. */
export class PostVariantInput {
  /**
   * The text for this platform, in the editor's markup (`**bold**`, `*italic*`, `[label](https://…)`); blank: no variant.
   * @example "Приём граждан министром — в пятницу с 10:00. Запись по телефону 8 (4242) 00-00-00."
   */
  @IsString() @MaxLength(20000)
  text!: string;
}

/** Texts of their own for some platforms; the others get the post's common text. */
export class PostVariantsInput {
  /** The text for VK pages of the post, if it differs from the common one. */
  @IsOptional() @ValidateNested() @Type(() => PostVariantInput)
  vk?: PostVariantInput;

  /** The text for OK pages of the post, if it differs from the common one. */
  @IsOptional() @ValidateNested() @Type(() => PostVariantInput)
  ok?: PostVariantInput;

  /** The text for Telegram channels of the post, if it differs from the common one. */
  @IsOptional() @ValidateNested() @Type(() => PostVariantInput)
  telegram?: PostVariantInput;

  /** The text for MAX channels of the post, if it differs from the common one. */
  @IsOptional() @ValidateNested() @Type(() => PostVariantInput)
  max?: PostVariantInput;
}

/** `POST /api/v1/posts`. A draft may break platform rules; submit and approve may not. */
export class CreatePostRequest {
  /**
   * The organization the post belongs to (editors of it and above); local times are read in its time zone.
   * @example "5b0c9d1e-3f4a-4b6c-8d7e-9f0a1b2c3d4e"
   */
  @IsUUID()
  organizationId!: string;

  /**
   * The rubric, counted against the pages' rubric mix: official, useful or entertaining.
   * @example "official"
   */
  @IsIn(RUBRICS as unknown as string[])
  rubric!: Rubric;

  /**
   * A title for the calendar, internal: it is never published.
   * @example "День знаний в школах области"
   */
  @IsOptional() @IsString() @MaxLength(300)
  title?: string;

  /**
   * The text every page gets unless its platform has a variant, in the editor's markup (`**bold**`, `*italic*`, `[label](https://…)`).
   * @example "1 сентября в школах области пройдут торжественные линейки. Расписание — на сайте министерства."
   */
  @IsString() @IsNotEmpty() @MaxLength(20000)
  text!: string;

  /**
   * A link attached to the post (http or https).
   * @example "https://minobr.sakhalin.gov.ru/news/den-znaniy"
   */
  @IsOptional() @IsUrl({ protocols: ['http', 'https'], require_protocol: true }) @MaxLength(2000)
  link?: string;

  /**
   * Images uploaded to the subtree's media (`POST /api/v1/media`), in the order shown; at most 10.
   * @example ["c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f"]
   */
  @IsOptional() @IsArray() @ArrayMaxSize(10) @IsUUID('all', { each: true })
  mediaIds?: string[];

  /**
   * The pages (channels) of the subtree to publish to: one publication each.
   * @example ["2f6e1a3b-8c4d-4e5f-9a6b-7c8d9e0f1a2b"]
   */
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(1000) @IsUUID('all', { each: true })
  channelIds!: string[];

  /**
   * ISO 8601 with offset, or local `YYYY-MM-DDTHH:mm` in the organization's time zone.
   * @example "2026-09-01T10:00"
   */
  @IsString() @Matches(ZONED_DATE_TIME)
  scheduledAt!: string;

  /** Texts of their own for some platforms; the others get `text`. */
  @IsOptional() @ValidateNested() @Type(() => PostVariantsInput)
  variants?: PostVariantsInput;
}

/** `PATCH /api/v1/posts/:id`: any subset; editing an approved post returns it to review. */
export class UpdatePostRequest {
  /**
   * The new rubric: official, useful or entertaining.
   * @example "useful"
   */
  @IsOptional() @IsIn(RUBRICS as unknown as string[])
  rubric?: Rubric;

  /**
   * The new internal title; blank removes it.
   * @example "День знаний: расписание линеек"
   */
  @IsOptional() @IsString() @MaxLength(300)
  title?: string;

  /**
   * The new common text, in the editor's markup.
   * @example "1 сентября в школах области пройдут торжественные линейки. Начало — в 9:00."
   */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(20000)
  text?: string;

  /**
   * The new link (http or https); blank removes it.
   * @example "https://minobr.sakhalin.gov.ru/news/den-znaniy"
   */
  @IsOptional() @ValidateIf((_, v) => v !== '') @IsUrl({ protocols: ['http', 'https'], require_protocol: true }) @MaxLength(2000)
  link?: string;

  /**
   * The images, all of them, in the order shown; an empty list removes them.
   * @example ["c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f"]
   */
  @IsOptional() @IsArray() @ArrayMaxSize(10) @IsUUID('all', { each: true })
  mediaIds?: string[];

  /**
   * The pages to publish to, all of them: pages left out lose their publication unless it has started.
   * @example ["2f6e1a3b-8c4d-4e5f-9a6b-7c8d9e0f1a2b"]
   */
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(1000) @IsUUID('all', { each: true })
  channelIds?: string[];

  /**
   * The new time: ISO 8601 with offset, or local `YYYY-MM-DDTHH:mm` in the organization's time zone.
   * @example "2026-09-01T11:30"
   */
  @IsOptional() @IsString() @Matches(ZONED_DATE_TIME)
  scheduledAt?: string;

  /** The platform texts, all of them: a platform left out gets the common text. */
  @IsOptional() @ValidateNested() @Type(() => PostVariantsInput)
  variants?: PostVariantsInput;

  /**
   * The version the client edited; a stale one answers 409 instead of overwriting someone's work.
   * @example 3
   */
  @IsOptional() @IsInt() @Min(1)
  version?: number;
}

/** `POST /api/v1/posts/:id/reject`. */
export class RejectPostRequest {
  /**
   * Why the post goes back to its author; kept in its comments as a rejection.
   * @example "Уточните время начала линеек и добавьте фотографию."
   */
  @IsString() @IsNotEmpty() @MaxLength(5000)
  comment!: string;
}

/** `POST /api/v1/posts/:id/comments`. */
export class CommentRequest {
  /**
   * The comment, plain text.
   * @example "Фотографии пришлёт школа № 5 к пятнице."
   */
  @IsString() @IsNotEmpty() @MaxLength(5000)
  body!: string;
}

export const POST_ORDERS = ['scheduled', 'submitted'] as const;
export type PostOrder = (typeof POST_ORDERS)[number];

/** Query of `GET /api/v1/posts` (the calendar, and with `status=in_review&order=submitted` the approval queue). */
export class PostQuery {
  /**
   * Posts of this organization and its whole subtree.
   * @example "5b0c9d1e-3f4a-4b6c-8d7e-9f0a1b2c3d4e"
   */
  @IsUUID()
  organizationId!: string;

  /**
   * Posts scheduled at or after this time: ISO 8601 with offset, or local in the organization's zone.
   * @example "2026-08-31T00:00"
   */
  @IsOptional() @IsString() @Matches(ZONED_DATE_TIME)
  from?: string;

  /**
   * Posts scheduled before this time, not including it: ISO 8601 with offset, or local in the organization's zone.
   * @example "2026-09-07T00:00"
   */
  @IsOptional() @IsString() @Matches(ZONED_DATE_TIME)
  to?: string;

  /**
   * Posts in this status only.
   * @example "scheduled"
   */
  @IsOptional() @IsIn(POST_STATUSES as unknown as string[])
  status?: PostStatus;

  /**
   * Posts of this rubric only.
   * @example "official"
   */
  @IsOptional() @IsIn(RUBRICS as unknown as string[])
  rubric?: Rubric;

  /**
   * Posts that go to this page (channel) only.
   * @example "2f6e1a3b-8c4d-4e5f-9a6b-7c8d9e0f1a2b"
   */
  @IsOptional() @IsUUID()
  channelId?: string;

  /**
   * `scheduled` (by publication time, the calendar; the default) or `submitted` (oldest sent to review first, the approval queue).
   * @example "submitted"
   */
  @IsOptional() @IsIn(POST_ORDERS as unknown as string[])
  order?: PostOrder;

  /**
   * Most posts to answer; 100 when absent.
   * @example 100
   */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit?: number;

  /**
   * Posts to skip, for the next pages; 0 when absent.
   * @example 0
   */
  @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  offset?: number;
}

/** A post on one page (channel): whether and where it went out. */
export class PublicationView {
  /**
   * The publication's id.
   * @example "6f7a8b9c-0d1e-4f2a-8b3c-4d5e6f7a8b9c"
   */
  id!: string;

  /**
   * The page (channel) it goes to.
   * @example "2f6e1a3b-8c4d-4e5f-9a6b-7c8d9e0f1a2b"
   */
  channelId!: string;

  /**
   * The channel's name in Vestnik.
   * @example "Минобр Сахалина"
   */
  channelName!: string;

  /**
   * The platform of the page.
   * @example "vk"
   */
  platform!: Platform;

  /**
   * `pending` until the post is approved, `scheduled`, `publishing`, then `published`, `failed`, `unconfirmed` (a person checks the page), `missed` (too late) or `cancelled`.
   * @example "published"
   */
  status!: PublicationStatus;

  /**
   * The platform's id of the published post; null until it is out.
   * @example "-218043219_1542"
   */
  remoteId!: string | null;

  /**
   * The address of the published post; null until it is out.
   * @example "https://vk.com/wall-218043219_1542"
   */
  url!: string | null;

  /**
   * Times it was sent to the platform since it was last scheduled.
   * @example 1
   */
  attempts!: number;

  /**
   * The last refusal or doubt, in Russian; null when the last attempt went well.
   * @example "Не опубликовано вовремя: прошло больше 120 мин. после назначенного времени"
   */
  lastError!: string | null;

  /**
   * When it went out (UTC); null until then.
   * @example "2026-08-31T23:00:04.000Z"
   */
  publishedAt!: string | null;
}

/** A publication that needs a person, with its post. */
export class AttentionPublicationView extends PublicationView {
  /**
   * The post it publishes.
   * @example "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
   */
  postId!: string;

  /**
   * The post's internal title; null when it has none (then `postText` names it).
   * @example "День знаний в школах области"
   */
  postTitle!: string | null;

  /**
   * The opening of the post's common text (at most 300 characters, markup kept), to recognise it by.
   * @example "1 сентября в школах области пройдут торжественные линейки."
   */
  postText!: string;

  /**
   * When the post was to go out (UTC).
   * @example "2026-08-31T23:00:00.000Z"
   */
  scheduledAt!: string;

  /**
   * The organization of the post (the asked one or one of its subtree).
   * @example "5b0c9d1e-3f4a-4b6c-8d7e-9f0a1b2c3d4e"
   */
  organizationId!: string;
}

/**
 * A rule a platform would refuse, for one target channel; or a problem of the post itself (no
 * channels left, time already passed), which names no channel and no platform (all three null).
 */
export class PostProblem {
  /**
   * The page whose platform would refuse the post; null for a problem of the post itself.
   * @example "2f6e1a3b-8c4d-4e5f-9a6b-7c8d9e0f1a2b"
   */
  channelId!: string | null;

  /**
   * The channel's name in Vestnik; null for a problem of the post itself.
   * @example "Минобр Сахалина"
   */
  channelName!: string | null;

  /**
   * The platform whose rule it is; null for a problem of the post itself.
   * @example "vk"
   */
  platform!: Platform | null;

  /**
   * The rule, stable for code: `text_too_long`, `too_many_images`, `channel_disabled`, `scheduled_in_past`, `no_channels`…
   * @example "text_too_long"
   */
  code!: string;

  /**
   * The field to fix: `text`, `variants.<platform>.text`, `mediaIds`, `images[2]`, `link`, `channelIds` or `scheduledAt`.
   * @example "text"
   */
  field!: string;

  /**
   * What is wrong and the limit, in Russian, for people.
   * @example "Минобр Сахалина: Текст длиннее 15895 символов (ВКонтакте)"
   */
  message!: string;
}

/** A platform text of a post. */
export class PostVariantView {
  /**
   * The text for this platform, in the editor's markup.
   * @example "Приём граждан министром — в пятницу с 10:00. Запись по телефону 8 (4242) 00-00-00."
   */
  text!: string;
}

/** The platforms that have a text of their own; the others get the post's common text. */
export class PostVariantsView {
  /** The text for VK pages, if it differs from the common one. */
  vk?: PostVariantView;

  /** The text for OK pages, if it differs from the common one. */
  ok?: PostVariantView;

  /** The text for Telegram channels, if it differs from the common one. */
  telegram?: PostVariantView;

  /** The text for MAX channels, if it differs from the common one. */
  max?: PostVariantView;
}

/** Whether the person asking may approve or reject the post now, and why not: the rule the approve and reject endpoints apply. */
export class PostApprovalView {
  /**
   * The approve endpoint would accept it from this person now.
   * @example false
   */
  canApprove!: boolean;

  /**
   * Why not, in Russian, as the approve endpoint would answer; null when it may be approved.
   * @example "Автор не может согласовать собственный материал: нужен другой руководитель (правило «четырёх глаз»)"
   */
  reason!: string | null;

  /**
   * The refusal's code, as the approve endpoint would answer: `forbidden`, `invalid_transition`, `organization_archived`, `four_eyes` or `post_not_publishable`; null when it may be approved.
   * @example "four_eyes"
   */
  code!: string | null;

  /**
   * The reject endpoint would accept it from this person now (four eyes do not apply to sending back).
   * @example true
   */
  canReject!: boolean;

  /**
   * Why it may not be sent back, in Russian; null when it may.
   * @example null
   */
  rejectReason!: string | null;
}

/** A post with its publications and what the platforms would refuse in it now. */
export class PostView {
  /**
   * The post's id.
   * @example "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
   */
  id!: string;

  /**
   * The organization the post belongs to.
   * @example "5b0c9d1e-3f4a-4b6c-8d7e-9f0a1b2c3d4e"
   */
  organizationId!: string;

  /**
   * The person who created it.
   * @example "9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d"
   */
  authorId!: string;

  /**
   * The author's name.
   * @example "Ирина Петрова"
   */
  authorName!: string;

  /**
   * The rubric: official, useful or entertaining.
   * @example "official"
   */
  rubric!: Rubric;

  /**
   * The internal title for the calendar (never published); null when none.
   * @example "День знаний в школах области"
   */
  title!: string | null;

  /**
   * The common text, in the editor's markup.
   * @example "1 сентября в школах области пройдут торжественные линейки. Расписание — на сайте министерства."
   */
  text!: string;

  /**
   * The attached link; null when none.
   * @example "https://minobr.sakhalin.gov.ru/news/den-znaniy"
   */
  link!: string | null;

  /**
   * The images, in the order shown.
   * @example ["c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f"]
   */
  mediaIds!: string[];

  /** Texts of their own for some platforms (an empty object when none). */
  variants!: PostVariantsView;

  /**
   * UTC instant.
   * @example "2026-08-31T23:00:00.000Z"
   */
  scheduledAt!: string;

  /**
   * The same instant as wall-clock time in the organization's zone, with offset.
   * @example "2026-09-01T10:00:00+11:00"
   */
  scheduledAtLocal!: string;

  /**
   * The organization's IANA time zone.
   * @example "Asia/Sakhalin"
   */
  timezone!: string;

  /**
   * `draft` → `in_review` → `scheduled` (approved) → `publishing` → `published`, `partially_published` or `failed`; or `cancelled`.
   * @example "scheduled"
   */
  status!: PostStatus;

  /**
   * Grows by one with every edit; send it back with `PATCH` to be refused instead of overwriting a newer edit.
   * @example 3
   */
  version!: number;

  /**
   * The person who approved the current version; null until approved.
   * @example "0b1c2d3e-4f5a-4b6c-8d7e-8f9a0b1c2d3e"
   */
  approvedBy!: string | null;

  /**
   * When it was approved (UTC); null until approved.
   * @example "2026-08-28T05:12:40.000Z"
   */
  approvedAt!: string | null;

  /**
   * When it was last sent to review (submitted, or edited back to review), UTC; null if never.
   * @example "2026-08-27T04:15:00.000Z"
   */
  submittedAt!: string | null;

  /** Whether the person asking may approve or reject it now, and why not. */
  approval!: PostApprovalView;

  /** What the platforms would refuse right now (empty when ready to submit). */
  problems!: PostProblem[];

  /** One per target page: whether and where the post went out. */
  publications!: PublicationView[];

  /**
   * When it was created (UTC).
   * @example "2026-08-25T02:41:09.000Z"
   */
  createdAt!: string;

  /**
   * When it last changed (UTC).
   * @example "2026-08-28T05:12:40.000Z"
   */
  updatedAt!: string;
}

/** Answer of `GET /api/v1/posts`: by scheduled time, earliest first (or by time sent to review, with `order=submitted`). */
export class PostPage extends PageWindow implements Page<PostView> {
  /** The posts of this page. */
  items!: PostView[];
}

/** A comment on a post, or the reason it was sent back. */
export class PostCommentView {
  /**
   * The comment's id.
   * @example "8e9f0a1b-2c3d-4e4f-9a5b-6c7d8e9f0a1b"
   */
  id!: string;

  /**
   * The post it is about.
   * @example "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
   */
  postId!: string;

  /**
   * The person who wrote it.
   * @example "0b1c2d3e-4f5a-4b6c-8d7e-8f9a0b1c2d3e"
   */
  authorId!: string;

  /**
   * The writer's name.
   * @example "Олег Смирнов"
   */
  authorName!: string;

  /**
   * `comment`, or `rejection`: the comment a supervisor sent the post back with.
   * @example "rejection"
   */
  kind!: 'comment' | 'rejection';

  /**
   * The text, plain.
   * @example "Уточните время начала линеек и добавьте фотографию."
   */
  body!: string;

  /**
   * When it was written (UTC).
   * @example "2026-08-27T06:03:18.000Z"
   */
  createdAt!: string;
}

/** `GET /api/v1/reports/cadence` */
export class CadenceQuery {
  /**
   * The organization whose pages, with its subtree's, are reported.
   * @example "5b0c9d1e-3f4a-4b6c-8d7e-9f0a1b2c3d4e"
   */
  @IsUUID()
  organizationId!: string;

  /**
   * Weeks to report, from last week on; 4 when absent.
   * @example 4
   */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(26)
  weeks?: number;
}

/** Posts by rubric, for code (a record over `RUBRICS`); `RubricCountsView` documents the same shape. */
export type RubricCounts = Record<Rubric, number>;

/** Posts by rubric. */
export class RubricCountsView implements RubricCounts {
  /**
   * Posts of the official rubric.
   * @example 2
   */
  official!: number;

  /**
   * Posts of the useful rubric.
   * @example 1
   */
  useful!: number;

  /**
   * Posts of the entertaining rubric.
   * @example 1
   */
  entertaining!: number;
}

/** Posts of a page in a week, by rubric and in all. */
export class CadenceWeekCounts extends RubricCountsView {
  /**
   * Posts of all rubrics.
   * @example 4
   */
  total!: number;
}

/** One page in one week. */
export class CadenceWeek {
  /**
   * Monday of the week in the organization's zone, `YYYY-MM-DD`.
   * @example "2026-08-31"
   */
  weekStart!: string;

  /** Approved posts for the page that week (going out, out, or failed), by rubric. */
  planned!: CadenceWeekCounts;

  /** Posts that went out on the page that week, by rubric. */
  published!: CadenceWeekCounts;

  /**
   * The weekly minimum is met: by published posts for past weeks, by planned ones for this week and later; null when the channel has no minimum.
   * @example true
   */
  minimumMet!: boolean | null;
}

/** One page's rhythm against its obligations. */
export class CadenceChannel {
  /**
   * The page (channel).
   * @example "2f6e1a3b-8c4d-4e5f-9a6b-7c8d9e0f1a2b"
   */
  channelId!: string;

  /**
   * The channel's name in Vestnik.
   * @example "Минобр Сахалина"
   */
  channelName!: string;

  /**
   * The organization the page belongs to (the asked one or one of its subtree).
   * @example "5b0c9d1e-3f4a-4b6c-8d7e-9f0a1b2c3d4e"
   */
  organizationId!: string;

  /**
   * The platform of the page.
   * @example "vk"
   */
  platform!: Platform;

  /**
   * Posts a week this page must have; null: no minimum.
   * @example 3
   */
  weeklyMinimum!: number | null;

  /**
   * Target rubric mix in percent (official, useful, entertaining), adding up to 100; null: none.
   * @example {"official": 40, "useful": 40, "entertaining": 20}
   */
  rubricMix!: RubricMix | null;

  /** The reported weeks, in order. */
  weeks!: CadenceWeek[];
}

/** Planned and published posts by rubric over the period. */
export class CadenceMix {
  /** Posts of the asked organization alone. */
  organization!: RubricCountsView;

  /** Posts of the organization and its whole subtree. */
  subtree!: RubricCountsView;
}

/** Answer of `GET /api/v1/reports/cadence`. */
export class CadenceReport {
  /**
   * The organization asked about.
   * @example "5b0c9d1e-3f4a-4b6c-8d7e-9f0a1b2c3d4e"
   */
  organizationId!: string;

  /**
   * Its IANA time zone, in which weeks run from Monday to Sunday.
   * @example "Asia/Sakhalin"
   */
  timezone!: string;

  /**
   * Mondays of the reported weeks, `YYYY-MM-DD`, from last week on.
   * @example ["2026-08-24", "2026-08-31", "2026-09-07", "2026-09-14"]
   */
  weeks!: string[];

  /** Every page of the organization and its subtree. */
  channels!: CadenceChannel[];

  /** Planned and published posts by rubric over the period, for the organization alone and with its subtree. */
  mix!: CadenceMix;
}

/** `POST /api/v1/publications/:id/mark-published`: the address of the post a person found. */
export class MarkPublishedRequest {
  /**
   * The address of the post as found on the page; the known one is kept when absent.
   * @example "https://vk.com/wall-218043219_1542"
   */
  @IsOptional() @IsUrl({ protocols: ['http', 'https'], require_protocol: true }) @MaxLength(2000)
  url?: string;
}
