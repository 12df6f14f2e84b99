import { formatZoned, PostApprovalView, PostProblem, PostView, PublicationView } from '@vestnik/contracts';
import type { PostEntity } from './entities/post.entity';

export interface PublicationRow {
  id: string;
  post_id: string;
  channel_id: string;
  channel_name: string;
  channel_state: string;
  platform: PublicationView['platform'];
  status: PublicationView['status'];
  remote_id: string | null;
  url: string | null;
  attempts: number;
  last_error: string | null;
  published_at: Date | null;
}

export function toPublicationView(r: Omit<PublicationRow, 'post_id' | 'channel_state'>): PublicationView {
  return {
    id: r.id,
    channelId: r.channel_id,
    channelName: r.channel_name,
    platform: r.platform,
    status: r.status,
    remoteId: r.remote_id,
    url: r.url,
    attempts: r.attempts,
    lastError: r.last_error,
    publishedAt: r.published_at?.toISOString() ?? null,
  };
}

export function toPostView(
  post: PostEntity,
  extra: { authorName: string; timezone: string; publications: PublicationRow[]; problems: PostProblem[]; approval: PostApprovalView },
): PostView {
  return {
    id: post.id,
    organizationId: post.organizationId,
    authorId: post.authorId,
    authorName: extra.authorName,
    rubric: post.rubric,
    title: post.title,
    text: post.text,
    link: post.link,
    mediaIds: post.mediaIds,
    variants: post.variants,
    scheduledAt: post.scheduledAt.toISOString(),
    scheduledAtLocal: formatZoned(post.scheduledAt, extra.timezone),
    timezone: extra.timezone,
    status: post.status,
    version: post.version,
    approvedBy: post.approvedBy,
    approvedAt: post.approvedAt?.toISOString() ?? null,
    submittedAt: post.submittedAt?.toISOString() ?? null,
    approval: extra.approval,
    problems: extra.problems,
    publications: extra.publications.map(toPublicationView),
    createdAt: post.createdAt.toISOString(),
    updatedAt: post.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of a post. */
export function postSummary(post: PostEntity, channelIds: string[]): Record<string, unknown> {
  return {
    rubric: post.rubric,
    title: post.title,
    text: post.text.length > 500 ? `${post.text.slice(0, 500)}…` : post.text,
    link: post.link,
    mediaIds: post.mediaIds,
    variants: Object.keys(post.variants),
    channelIds,
    scheduledAt: post.scheduledAt.toISOString(),
    status: post.status,
    contentHash: post.contentHash,
  };
}
