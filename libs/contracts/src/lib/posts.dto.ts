import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested, IsUrl, Matches } from 'class-validator';
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

/** Where the value holds a date-time: ISO 8601 with an offset, or local time of the organization's zone. */
const ZONED_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

export class PostVariantInput {
  @IsString() @MaxLength(20000)
  text!: string;
}

export class PostVariantsInput {
  @IsOptional() @ValidateNested() @Type(() => PostVariantInput)
  vk?: PostVariantInput;

  @IsOptional() @ValidateNested() @Type(() => PostVariantInput)
  ok?: PostVariantInput;

  @IsOptional() @ValidateNested() @Type(() => PostVariantInput)
  telegram?: PostVariantInput;
}

/** `POST /api/v1/posts`. A draft may break platform rules; submit and approve may not. */
export class CreatePostRequest {
  @IsUUID()
  organizationId!: string;

  @IsIn(RUBRICS as unknown as string[])
  rubric!: Rubric;

  @IsOptional() @IsString() @MaxLength(300)
  title?: string;

  @IsString() @IsNotEmpty() @MaxLength(20000)
  text!: string;

  @IsOptional() @IsUrl({ protocols: ['http', 'https'], require_protocol: true }) @MaxLength(2000)
  link?: string;

  @IsOptional() @IsArray() @ArrayMaxSize(10) @IsUUID('all', { each: true })
  mediaIds?: string[];

  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(1000) @IsUUID('all', { each: true })
  channelIds!: string[];

  /** ISO 8601 with offset, or local `YYYY-MM-DDTHH:mm` in the organization's time zone. */
  @IsString() @Matches(ZONED_DATE_TIME)
  scheduledAt!: string;

  @IsOptional() @ValidateNested() @Type(() => PostVariantsInput)
  variants?: PostVariantsInput;
}

/** `PATCH /api/v1/posts/:id`: any subset; editing an approved post returns it to review. */
export class UpdatePostRequest {
  @IsOptional() @IsIn(RUBRICS as unknown as string[])
  rubric?: Rubric;

  @IsOptional() @IsString() @MaxLength(300)
  title?: string;

  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(20000)
  text?: string;

  @IsOptional() @IsUrl({ protocols: ['http', 'https'], require_protocol: true }) @MaxLength(2000)
  link?: string;

  @IsOptional() @IsArray() @ArrayMaxSize(10) @IsUUID('all', { each: true })
  mediaIds?: string[];

  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(1000) @IsUUID('all', { each: true })
  channelIds?: string[];

  @IsOptional() @IsString() @Matches(ZONED_DATE_TIME)
  scheduledAt?: string;

  @IsOptional() @ValidateNested() @Type(() => PostVariantsInput)
  variants?: PostVariantsInput;

  /** The version the client edited; a stale one answers 409 instead of overwriting someone's work. */
  @IsOptional() @IsInt() @Min(1)
  version?: number;
}

export class RejectPostRequest {
  @IsString() @IsNotEmpty() @MaxLength(5000)
  comment!: string;
}

export class CommentRequest {
  @IsString() @IsNotEmpty() @MaxLength(5000)
  body!: string;
}

/** Query of `GET /api/v1/posts` (the calendar). */
export class PostQuery {
  @IsUUID()
  organizationId!: string;

  @IsOptional() @IsString() @Matches(ZONED_DATE_TIME)
  from?: string;

  @IsOptional() @IsString() @Matches(ZONED_DATE_TIME)
  to?: string;

  @IsOptional() @IsIn(POST_STATUSES as unknown as string[])
  status?: PostStatus;

  @IsOptional() @IsIn(RUBRICS as unknown as string[])
  rubric?: Rubric;

  @IsOptional() @IsUUID()
  channelId?: string;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit?: number;

  @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  offset?: number;
}

export interface PublicationView {
  id: string;
  channelId: string;
  channelName: string;
  platform: Platform;
  status: PublicationStatus;
  remoteId: string | null;
  url: string | null;
  attempts: number;
  lastError: string | null;
  publishedAt: string | null;
}

/**
 * A rule a platform would refuse, for one target channel; or a problem of the post itself (no
 * channels left, time already passed), which names no channel and no platform (all three null).
 */
export interface PostProblem {
  channelId: string | null;
  channelName: string | null;
  platform: Platform | null;
  code: string;
  field: string;
  message: string;
}

export interface PostView {
  id: string;
  organizationId: string;
  authorId: string;
  authorName: string;
  rubric: Rubric;
  title: string | null;
  text: string;
  link: string | null;
  mediaIds: string[];
  variants: Partial<Record<Platform, { text: string }>>;
  /** UTC instant. */
  scheduledAt: string;
  /** The same instant as wall-clock time in the organization's zone, with offset. */
  scheduledAtLocal: string;
  timezone: string;
  status: PostStatus;
  version: number;
  approvedBy: string | null;
  approvedAt: string | null;
  /** What the platforms would refuse right now (empty when ready to submit). */
  problems: PostProblem[];
  publications: PublicationView[];
  createdAt: string;
  updatedAt: string;
}

export interface PostCommentView {
  id: string;
  postId: string;
  authorId: string;
  authorName: string;
  kind: 'comment' | 'rejection';
  body: string;
  createdAt: string;
}

/** `GET /api/v1/reports/cadence` */
export class CadenceQuery {
  @IsUUID()
  organizationId!: string;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(26)
  weeks?: number;
}

export type RubricCounts = Record<Rubric, number>;

export interface CadenceWeek {
  /** Monday of the week in the organization's zone, `YYYY-MM-DD`. */
  weekStart: string;
  planned: RubricCounts & { total: number };
  published: RubricCounts & { total: number };
  /** null when the channel has no minimum. */
  minimumMet: boolean | null;
}

export interface CadenceChannel {
  channelId: string;
  channelName: string;
  organizationId: string;
  platform: Platform;
  weeklyMinimum: number | null;
  rubricMix: Record<Rubric, number> | null;
  weeks: CadenceWeek[];
}

export interface CadenceReport {
  organizationId: string;
  timezone: string;
  weeks: string[];
  channels: CadenceChannel[];
  /** Planned and published posts by rubric over the period, for the organization alone and with its subtree. */
  mix: { organization: RubricCounts; subtree: RubricCounts };
}

/** `POST /api/v1/publications/:id/mark-published`: the address of the post a person found. */
export class MarkPublishedRequest {
  @IsOptional() @IsUrl({ protocols: ['http', 'https'], require_protocol: true }) @MaxLength(2000)
  url?: string;
}
