import type { EntityManager } from 'typeorm';
import { PostEntity } from './entities/post.entity';

/**
 * A post as another context (the publishing engine) reads it, in `m`; with `lock`, its row is held
 * until `m` commits, which orders the read against edits, cancels and approvals. Null when gone.
 */
export function postForPublishing(m: EntityManager, id: string, lock = false): Promise<PostEntity | null> {
  return lock ? m.findOne(PostEntity, { where: { id }, lock: { mode: 'pessimistic_write' } }) : m.findOneBy(PostEntity, { id });
}

/** The organization a post belongs to; null when the post is gone. */
export async function organizationOfPost(m: EntityManager, postId: string): Promise<string | null> {
  const rows: { organization_id: string }[] = await m.query('SELECT organization_id FROM posts WHERE id = $1', [postId]);
  return rows[0]?.organization_id ?? null;
}
