import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { Page } from './audit.dto';

/** What a notification is about; a person gets at most one unread notification per post (or page) and kind. */
export const NOTIFICATION_KINDS = ['publication_failed', 'publication_unconfirmed', 'publication_missed', 'channel_needs_attention'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  /** Russian, short: what happened and to which post or page. */
  title: string;
  /** Russian: where, why, and what to do. */
  body: string;
  organizationId: string | null;
  postId: string | null;
  /** The publication of the latest event, for a post notification. */
  publicationId: string | null;
  channelId: string | null;
  /** Pages (channels) this notification covers: repeated failures of one post are gathered into one notification. */
  channelCount: number;
  /** Path in the editor to open: `/posts/<id>` or `/channels/<id>`. */
  link: string;
  readAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Answer of `GET /api/v1/notifications`: newest first, with how many of the caller's are unread in all. */
export interface NotificationPage extends Page<NotificationView> {
  unread: number;
}

/** Answer of `POST /api/v1/notifications/read-all`. */
export interface NotificationsMarkedView {
  marked: number;
}

const toBoolean = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);

/** Query of `GET /api/v1/notifications`. */
export class NotificationsQuery {
  @IsOptional() @Transform(toBoolean) @IsBoolean()
  unread?: boolean;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;

  @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  offset?: number;
}
