import type { AttentionPublicationView, PublicationStatus } from '@vestnik/contracts';

/** One post with its publications that need a person, in the order the list answered them. */
export interface AttentionGroup {
  postId: string;
  postTitle: string | null;
  postText: string;
  scheduledAt: string;
  organizationId: string;
  publications: AttentionPublicationView[];
}

export type AttentionFilter = 'all' | Extract<PublicationStatus, 'failed' | 'unconfirmed' | 'missed'>;

/**
 * Gathers publications by post: a post that failed on three hundred school pages is one item with
 * three hundred lines, not three hundred items. Groups keep the order of their latest change.
 */
export function groupByPost(items: readonly AttentionPublicationView[], filter: AttentionFilter = 'all'): AttentionGroup[] {
  const groups = new Map<string, AttentionGroup>();
  for (const item of items) {
    if (filter !== 'all' && item.status !== filter) continue;
    let group = groups.get(item.postId);
    if (!group) {
      group = { postId: item.postId, postTitle: item.postTitle, postText: item.postText, scheduledAt: item.scheduledAt, organizationId: item.organizationId, publications: [] };
      groups.set(item.postId, group);
    }
    group.publications.push(item);
  }
  return [...groups.values()];
}

export function countByStatus(items: readonly AttentionPublicationView[]): Record<AttentionFilter, number> {
  const counts: Record<AttentionFilter, number> = { all: items.length, failed: 0, unconfirmed: 0, missed: 0 };
  for (const item of items) if (item.status === 'failed' || item.status === 'unconfirmed' || item.status === 'missed') counts[item.status]++;
  return counts;
}
