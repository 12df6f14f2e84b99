import type { Platform } from '@vestnik/contracts';
import type { DataSource } from 'typeorm';
import { parseTelegramRemoteId } from '@vestnik/platforms/telegram';
import { parseVkRemoteId } from '@vestnik/platforms/vk';
import type { ApprovedPost } from './chaos-world';

interface PublicationRow {
  id: string;
  post_id: string;
  status: string;
  remote_id: string | null;
  last_error: string | null;
  platform: Platform;
  remote_target_id: string;
}

interface StoredPost {
  id: string;
  text: string;
}

export interface Settlement {
  byStatus: Record<string, number>;
  /** Every broken promise, one line each, naming the publication and what the page holds. */
  violations: string[];
}

/** The platform's own id of the stored post a remote id points at (VK post id, OK topic id, Telegram first message id, MAX mid). */
function storedIdOf(platform: PublicationRow['platform'], remoteId: string): string | undefined {
  if (platform === 'vk') return parseVkRemoteId(remoteId)?.postId.toString();
  if (platform === 'telegram') return parseTelegramRemoteId(remoteId)?.messages[0]?.messageId.toString();
  return remoteId;
}

/**
 * Compares the database with what the sandbox stored: each publication is published exactly once
 * (its remote id names the one stored post with its text), failed with a reason and nothing out,
 * or unconfirmed with at most one post out; and no page holds a text twice.
 */
export async function settle(db: DataSource, sandboxUrl: string, posts: ApprovedPost[]): Promise<Settlement> {
  const rows: PublicationRow[] = await db.query(
    `SELECT pub.id, pub.post_id, pub.status, pub.remote_id, pub.last_error, c.platform, c.remote_target_id
       FROM publications pub JOIN channels c ON c.id = pub.channel_id WHERE pub.post_id = ANY($1)`,
    [posts.map((p) => p.id)],
  );
  const markerOf = new Map(posts.map((p) => [p.id, p.marker]));
  const violations: string[] = [];
  const byStatus: Record<string, number> = {};
  const feeds = new Map<string, StoredPost[]>();

  for (const row of rows) {
    byStatus[row.status] = (byStatus[row.status] ?? 0) + 1;
    const feedKey = `${row.platform}/${row.remote_target_id}`;
    if (!feeds.has(feedKey)) feeds.set(feedKey, await storedPosts(sandboxUrl, row.platform, row.remote_target_id));
    const marker = markerOf.get(row.post_id) ?? '';
    const out = (feeds.get(feedKey) ?? []).filter((p) => p.text.includes(marker));
    const where = `${row.platform} ${row.remote_target_id}, publication ${row.id}`;
    switch (row.status) {
      case 'published': {
        const storedId = row.remote_id ? storedIdOf(row.platform, row.remote_id) : undefined;
        if (out.length !== 1) violations.push(`${where}: published, but the page holds ${out.length} posts with its text`);
        else if (out[0].id !== storedId) violations.push(`${where}: published as ${row.remote_id}, but the page holds post ${out[0].id}`);
        break;
      }
      case 'failed':
        if (!row.last_error?.trim()) violations.push(`${where}: failed without a reason`);
        if (out.length > 0) violations.push(`${where}: failed ("${row.last_error}"), but the page holds ${out.length} posts with its text`);
        break;
      case 'unconfirmed':
        if (!row.last_error?.trim()) violations.push(`${where}: unconfirmed without a reason`);
        if (out.length > 1) violations.push(`${where}: unconfirmed, and the page holds ${out.length} posts with its text`);
        break;
      default:
        violations.push(`${where}: left ${row.status} (last error: ${row.last_error ?? 'none'})`);
    }
  }

  const markers = [...markerOf.values()];
  for (const [feedKey, stored] of feeds) {
    const seen = new Set<string>();
    for (const post of stored) {
      const marker = markers.find((m) => post.text.includes(m));
      if (!marker) violations.push(`${feedKey}: post ${post.id} is not one of ours: "${post.text.slice(0, 80)}"`);
      else if (seen.has(marker)) violations.push(`${feedKey}: the text with ${marker} appears twice`);
      else seen.add(marker);
    }
  }
  return { byStatus, violations };
}

async function storedPosts(sandboxUrl: string, platform: string, target: string): Promise<StoredPost[]> {
  const res = await fetch(`${sandboxUrl}/control/posts/${platform}/${encodeURIComponent(target)}`);
  if (!res.ok) throw new Error(`sandbox has no ${platform} ${target}: ${res.status}`);
  return ((await res.json()) as { posts: StoredPost[] }).posts;
}
