import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { PageWindow, type Page } from './audit.dto';

/** What a notification is about; a person gets at most one unread notification per post (or page) and kind. */
export const NOTIFICATION_KINDS = [
  'publication_failed',
  'publication_unconfirmed',
  'publication_missed',
  'channel_needs_attention',
  'post_awaiting_review',
  'post_approved',
  'post_rejected',
  'minimum_at_risk',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** A notification for one person: what went wrong with a post or a page, or a review asked or done, and where to look. */
export class NotificationView {
  /**
   * The notification's id.
   * @example "4d5e6f70-8192-4a3b-9c4d-5e6f708192a3"
   */
  id!: string;

  /**
   * What it is about: a publication failed, unconfirmed or missed, a page that needs attention, a post awaiting the person's review, the person's post approved or sent back, or a page whose week falls short of its weekly minimum (`minimum_at_risk`).
   * @example "publication_failed"
   */
  kind!: NotificationKind;

  /**
   * Russian, short: what happened and to which post or page.
   * @example "Не опубликовано: «День знаний в школах области»"
   */
  title!: string;

  /**
   * Russian: where, why, and what to do (lines separated by a line break).
   * @example "Запись «День знаний в школах области» не вышла на странице «Минобр Сахалина» (ВКонтакте). Причина: площадка не ответила."
   */
  body!: string;

  /**
   * The organization of the post or page.
   * @example "5b0c9d1e-3f4a-4b6c-8d7e-9f0a1b2c3d4e"
   */
  organizationId!: string | null;

  /**
   * The post it is about; null for a page notification.
   * @example "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
   */
  postId!: string | null;

  /**
   * The publication of the latest event, for a post notification.
   * @example "6f7a8b9c-0d1e-4f2a-8b3c-4d5e6f7a8b9c"
   */
  publicationId!: string | null;

  /**
   * The page (channel) that needs attention, or of the latest event for a post notification.
   * @example "2f6e1a3b-8c4d-4e5f-9a6b-7c8d9e0f1a2b"
   */
  channelId!: string | null;

  /**
   * Pages (channels) this notification covers: repeated failures of one post are gathered into one notification.
   * @example 1
   */
  channelCount!: number;

  /**
   * Path in the editor to open: `/posts/<id>`, `/channels/<id>`, or `/approval/<id>` (the approval queue at the post) for a post awaiting review.
   * @example "/posts/1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
   */
  link!: string;

  /**
   * When the person marked it read (UTC); null while unread.
   * @example "2026-05-14T03:00:00.000Z"
   */
  readAt!: string | null;

  /**
   * When the first event of it happened (UTC).
   * @example "2026-05-14T02:31:07.000Z"
   */
  createdAt!: string;

  /**
   * When another event was last gathered into it (UTC).
   * @example "2026-05-14T02:46:12.000Z"
   */
  updatedAt!: string;
}

/** Answer of `GET /api/v1/notifications`: newest first, with how many of the caller's are unread in all. */
export class NotificationPage extends PageWindow implements Page<NotificationView> {
  /** The notifications of this page. */
  items!: NotificationView[];

  /**
   * The caller's unread notifications, on all pages.
   * @example 3
   */
  unread!: number;
}

/** Answer of `POST /api/v1/notifications/read-all`. */
export class NotificationsMarkedView {
  /**
   * Notifications that were unread and now are read.
   * @example 3
   */
  marked!: number;
}

const toBoolean = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);

/** Query of `GET /api/v1/notifications`. */
export class NotificationsQuery {
  /**
   * `true`: unread ones only (and `total` counts those); all when absent.
   * @example true
   */
  @IsOptional() @Transform(toBoolean) @IsBoolean()
  unread?: boolean;

  /**
   * Most notifications to answer; 50 when absent.
   * @example 50
   */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;

  /**
   * Notifications to skip, for the next pages; 0 when absent.
   * @example 0
   */
  @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  offset?: number;
}
