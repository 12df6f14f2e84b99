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
  // Only posts with nothing open are counted (a post of 1,000 pages still going out stops at its
  // first open publication); a post without publications answers one row with no status.
  const rows: { post_id: string; status: PublicationStatus | null; n: number }[] = await m.query(
    `WITH closed AS (
       SELECT q.id FROM unnest($1::uuid[]) AS q(id)
        WHERE NOT EXISTS (SELECT 1 FROM publications o WHERE o.post_id = q.id AND o.status = ANY($2::text[])))
     SELECT c.id AS post_id, p.status, count(p.id)::int AS n FROM closed c LEFT JOIN publications p ON p.post_id = c.id GROUP BY c.id, p.status`,
    [ids, OPEN],
  );
  const byPost = new Map<string, Map<PublicationStatus, number>>();
  for (const r of rows) {
    const counts = byPost.get(r.post_id) ?? new Map<PublicationStatus, number>();
    if (r.status) counts.set(r.status, r.n);
    byPost.set(r.post_id, counts);
  }
  const next = new Map<'sum_published' | 'sum_partially_published' | 'sum_failed', string[]>();
  for (const id of ids) {
    const counts = byPost.get(id);
    // Not answered: something of it is still open.
    if (!counts) continue;
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
