import { In, type EntityManager } from 'typeorm';
import { PostEntity } from './entities/post.entity';

/**
 * A post as another context (the publishing engine) reads it, in `m`; with `lock`, its row is held
 * until `m` commits, which orders the read against edits, cancels and approvals. Null when gone.
 */
export function postForPublishing(m: EntityManager, id: string, lock = false): Promise<PostEntity | null> {
  return lock ? m.findOne(PostEntity, { where: { id }, lock: { mode: 'pessimistic_write' } }) : m.findOneBy(PostEntity, { id });
}

/**
 * The batch form of `postForPublishing`: the posts of `ids` that still exist, by id. With `lock`
 * their rows are held `FOR NO KEY UPDATE` until `m` commits, taken in id order (the order every
 * writer of many posts uses), so two batches sharing posts wait instead of deadlocking; never
 * `FOR SHARE`, which two lockers would both try to upgrade.
 */
export async function postsForPublishing(m: EntityManager, ids: readonly string[], lock = false): Promise<Map<string, PostEntity>> {
  const unique = [...new Set(ids)].sort();
  if (unique.length === 0) return new Map();
  const posts = await m.find(PostEntity, { where: { id: In(unique) }, order: { id: 'ASC' }, ...(lock ? { lock: { mode: 'for_no_key_update' as const } } : {}) });
  return new Map(posts.map((p) => [p.id, p]));
}

/** The organization a post belongs to; null when the post is gone. */
export async function organizationOfPost(m: EntityManager, postId: string): Promise<string | null> {
  const rows: { organization_id: string }[] = await m.query('SELECT organization_id FROM posts WHERE id = $1', [postId]);
  return rows[0]?.organization_id ?? null;
}
