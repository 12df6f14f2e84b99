import type { DeepPartial, EntityManager } from 'typeorm';
import { POST_TRANSITIONS, type PostStatus, type PostTransitionName, type PublicationStatus } from '@vestnik/contracts';
import { PostEntity } from '../entities/post.entity';

/**
 * The only writer of `posts.status`: every write is one declared transition of `POST_TRANSITIONS`,
 * batch-first, in the caller's transaction, guarded by its `from` states inside the UPDATE.
 */

/** What a transition may write besides the status (the approval and review marks). */
export type PostMarks = Partial<Pick<PostEntity, 'approvedHash' | 'approvedBy' | 'approvedAt' | 'lastApprovedVersion' | 'submittedVersion' | 'submittedAt'>>;

/** Writes a new post as a draft (transition `create`). */
export async function createPost(m: EntityManager, fields: Omit<DeepPartial<PostEntity>, 'status'>): Promise<PostEntity> {
  return m.save(m.create(PostEntity, { ...fields, status: POST_TRANSITIONS.create.to }));
}

/** Applies transition `name` to the posts `ids`, with `marks`; answers the ids it changed. */
export async function movePosts(m: EntityManager, name: Exclude<PostTransitionName, 'create'>, ids: readonly string[], marks: PostMarks = {}): Promise<string[]> {
  if (ids.length === 0) return [];
  const transition = POST_TRANSITIONS[name];
  const result = await m
    .createQueryBuilder()
    .update(PostEntity)
    .set({ ...marks, status: transition.to })
    .where('id = ANY(:ids)', { ids })
    .andWhere('status = ANY(:from)', { from: transition.from })
    .returning(['id'])
    .execute();
  return (result.raw as { id: string }[]).map((r) => r.id);
}

/** True when a post in `status` may move by `name`: the same rule the UPDATE's guard holds. */
export function postMayMove(name: PostTransitionName, status: PostStatus): boolean {
  const from: readonly PostStatus[] = POST_TRANSITIONS[name].from;
  return from.includes(status);
}

/** Publication states that keep a post open: something may still go out. */
const OPEN: PublicationStatus[] = ['pending', 'scheduled', 'publishing'];

/**
 * Sums up each post whose publications are none of them open any more: all counted ones out →
 * published, some → partially_published, none → failed. Cancelled ones do not count; unconfirmed
 * ones wait for a person but do not hold the post in `publishing`. Answers the new statuses.
 */
export async function summarisePosts(m: EntityManager, postIds: readonly string[]): Promise<Map<string, PostStatus>> {
  const ids = [...new Set(postIds)].sort();
  const summed = new Map<string, PostStatus>();
  if (ids.length === 0) return summed;
  // Serialises the posts' last publications (unlocked, two finishing at once each still see the
  // other open); one order for the row locks, like every writer of many.
  await m.query('SELECT 1 FROM posts WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE', [ids]);
  const rows: { post_id: string; status: PublicationStatus; n: number }[] = await m.query(
    `SELECT post_id, status, count(*)::int AS n FROM publications WHERE post_id = ANY($1::uuid[]) GROUP BY post_id, status`,
    [ids],
  );
  const byPost = new Map<string, Map<PublicationStatus, number>>();
  for (const r of rows) byPost.set(r.post_id, (byPost.get(r.post_id) ?? new Map()).set(r.status, r.n));
  const next = new Map<'sum_published' | 'sum_partially_published' | 'sum_failed', string[]>();
  for (const id of ids) {
    const counts = byPost.get(id) ?? new Map<PublicationStatus, number>();
    const count = (s: PublicationStatus) => counts.get(s) ?? 0;
    if (OPEN.some((s) => count(s) > 0)) continue;
    const counted = [...counts.values()].reduce((a, n) => a + n, 0) - count('cancelled');
    const published = count('published');
    const name = counted > 0 && published === counted ? 'sum_published' : published > 0 ? 'sum_partially_published' : 'sum_failed';
    next.set(name, [...(next.get(name) ?? []), id]);
  }
  for (const [name, group] of next) for (const id of await movePosts(m, name, group)) summed.set(id, POST_TRANSITIONS[name].to);
  return summed;
}
