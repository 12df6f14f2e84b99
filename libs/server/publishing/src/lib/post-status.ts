import type { EntityManager } from 'typeorm';

/**
 * Sums up a post's publications once none is waiting any more: all out → published, some →
 * partially_published, none → failed. Cancelled ones do not count; unconfirmed ones wait for a
 * person but do not hold the post in `publishing`.
 */
export async function summarisePost(m: EntityManager, postId: string): Promise<string | null> {
  // Serialises the post's last publications: unlocked, two finishing at once each still see the other open.
  await m.query('SELECT 1 FROM posts WHERE id = $1 FOR UPDATE', [postId]);
  const rows: { status: string; n: number }[] = await m.query(`SELECT status, count(*)::int AS n FROM publications WHERE post_id = $1 GROUP BY status`, [postId]);
  const count = (s: string) => rows.find((r) => r.status === s)?.n ?? 0;
  const open = count('pending') + count('scheduled') + count('publishing');
  if (open > 0) return null;
  const counted = rows.reduce((a, r) => a + r.n, 0) - count('cancelled');
  const published = count('published');
  const status = counted > 0 && published === counted ? 'published' : published > 0 ? 'partially_published' : 'failed';
  await m.query(`UPDATE posts SET status = $2, updated_at = now() WHERE id = $1 AND status IN ('scheduled', 'publishing', 'published', 'partially_published', 'failed')`, [postId, status]);
  return status;
}
