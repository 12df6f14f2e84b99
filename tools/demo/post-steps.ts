import type { PostStatus } from '@vestnik/contracts';
import type { DemoState } from './demo-posts';

/** One call of the posts API (`revise`: the author's correction; `await`: the worker publishes it). */
export type PostStep = 'submit' | 'approve' | 'reject' | 'revise' | 'cancel' | 'await';

/**
 * What is left to do to bring a post that exists (in `current`) to the demo's `wanted` state, so a
 * second run, or a run after an interrupted one, finishes the work instead of repeating it. `null`
 * when the post has moved where that path cannot reach (e.g. it was cancelled by hand): left alone.
 */
export function stepsToState(wanted: DemoState, current: PostStatus, rejectedBefore: boolean): PostStep[] | null {
  const path = PATHS[wanted];
  const done = doneSteps(wanted, current, rejectedBefore);
  return done === null ? null : path.slice(done);
}

/** The whole path from a new draft. */
const PATHS: Record<DemoState, PostStep[]> = {
  draft: [],
  in_review: ['submit'],
  scheduled: ['submit', 'approve'],
  published: ['submit', 'approve', 'await'],
  failed: ['submit', 'approve', 'await'],
  rejected: ['submit', 'reject'],
  resubmitted: ['submit', 'reject', 'revise', 'submit'],
  cancelled: ['cancel'],
};

/** How many steps of the path the post's status shows done; null when off the path. */
function doneSteps(wanted: DemoState, current: PostStatus, rejectedBefore: boolean): number | null {
  switch (wanted) {
    case 'draft':
      return current === 'draft' ? 0 : null;
    case 'in_review':
      return ({ draft: 0, in_review: 1 } as Partial<Record<PostStatus, number>>)[current] ?? null;
    case 'scheduled':
      // Once approved, its time may come and it goes out: that is where it was headed.
      return ({ draft: 0, in_review: 1, scheduled: 2, publishing: 2, published: 2, partially_published: 2, failed: 2 } as Partial<Record<PostStatus, number>>)[current] ?? null;
    case 'published':
      return ({ draft: 0, in_review: 1, scheduled: 2, publishing: 2, published: 3, partially_published: 3 } as Partial<Record<PostStatus, number>>)[current] ?? null;
    case 'failed':
      return ({ draft: 0, in_review: 1, scheduled: 2, publishing: 2, failed: 3 } as Partial<Record<PostStatus, number>>)[current] ?? null;
    case 'rejected':
      if (current === 'draft') return rejectedBefore ? 2 : 0;
      return current === 'in_review' ? 1 : null;
    case 'resubmitted':
      if (current === 'draft') return rejectedBefore ? 2 : 0;
      if (current === 'in_review') return rejectedBefore ? 4 : 1;
      return null;
    case 'cancelled':
      return current === 'cancelled' ? 1 : current === 'draft' || current === 'in_review' || current === 'scheduled' ? 0 : null;
  }
}
