import type { NotificationKind, NotificationView } from '@vestnik/contracts';

/** A row of `notifications` as PostgreSQL returns it. */
export interface NotificationRow {
  id: string;
  user_id: string;
  organization_id: string | null;
  kind: NotificationKind;
  title: string;
  body: string;
  post_id: string | null;
  publication_id: string | null;
  channel_id: string | null;
  channel_ids: string[];
  read_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** Where in the editor a notification leads: the approval queue at the post, the post, or the page that needs attention. */
export function notificationPath(postId: string | null, channelId: string | null, kind?: NotificationKind): string {
  if (postId && kind === 'post_awaiting_review') return `/approval/${postId}`;
  if (postId) return `/posts/${postId}`;
  if (channelId) return `/channels/${channelId}`;
  return '/';
}

export function toNotificationView(r: NotificationRow): NotificationView {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    organizationId: r.organization_id,
    postId: r.post_id,
    publicationId: r.publication_id,
    channelId: r.channel_id,
    channelCount: Math.max(1, r.channel_ids.length),
    link: notificationPath(r.post_id, r.channel_id, r.kind),
    readAt: r.read_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}
