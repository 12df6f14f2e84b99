import type { PostStatus, PublicationStatus } from './posts.dto';

/**
 * The publication and post lifecycles, declared once: every state, every allowed transition, who
 * causes it and what it is audited as. The server writes statuses only through the lifecycle
 * writer (libs/server/posts/src/lib/lifecycle), which guards each write with the transition's
 * `from` inside its UPDATE; the editor may take its wording from here.
 */

/** Who causes a transition: a person (by role), the publishing engine, the platform's answer, or a lease running out. */
export type LifecycleActor = 'editor' | 'supervisor' | 'engine' | 'platform' | 'lease';

/**
 * Where a publication in `publishing` stands: taken by a worker and not sent yet, its request
 * possibly out, or its answer lost and the platform being asked whether the post is there
 * (people still see it as being published).
 */
export const PUBLICATION_PHASES = ['claimed', 'sending', 'reconciling'] as const;
export type PublicationPhase = (typeof PUBLICATION_PHASES)[number];

/** A publication's state: its status, and in `publishing` its phase (`publishing` never stands alone). */
export type PublicationState = Exclude<PublicationStatus, 'publishing'> | `publishing:${PublicationPhase}`;

export const PUBLICATION_STATES = [
  'pending',
  'scheduled',
  'publishing:claimed',
  'publishing:sending',
  'publishing:reconciling',
  'published',
  'failed',
  'unconfirmed',
  'missed',
  'cancelled',
] as const satisfies readonly PublicationState[];

export const POST_STATES = ['draft', 'in_review', 'scheduled', 'publishing', 'published', 'partially_published', 'failed', 'cancelled'] as const satisfies readonly PostStatus[];

/** One allowed move: from any of `from` (empty: the row is created) to `to`. */
export interface LifecycleTransition<S extends string> {
  readonly from: readonly S[];
  readonly to: S;
  readonly by: LifecycleActor;
  /** The audit action it is recorded as, when it is recorded on its own. */
  readonly audit?: string;
}

const WAITING_FOR_A_PERSON = ['unconfirmed', 'failed', 'missed'] as const;

/**
 * The publication: created pending with its post, scheduled on approval, claimed by a worker when
 * due, sent, and settled by the platform's answer, the engine's own decision, a lease running out
 * or a person. The object's keys are the transitions' names.
 */
export const PUBLICATION_TRANSITIONS = {
  create: { from: [], to: 'pending', by: 'editor' },
  approve: { from: ['pending'], to: 'scheduled', by: 'supervisor' },
  back_to_review: { from: ['scheduled'], to: 'pending', by: 'editor' },
  cancel: { from: ['pending', 'scheduled'], to: 'cancelled', by: 'editor' },

  claim: { from: ['scheduled'], to: 'publishing:claimed', by: 'engine' },
  /** Handed back untouched: its pace slot is too far off, or the worker is stopping. */
  hand_back: { from: ['publishing:claimed'], to: 'scheduled', by: 'engine' },
  send: { from: ['publishing:claimed'], to: 'publishing:sending', by: 'engine' },
  /** Decided without calling the platform: the post or channel is gone, the platform is not configured, an image is unreadable. */
  fail_unsent: { from: ['publishing:claimed'], to: 'failed', by: 'engine', audit: 'publication.failed' },
  /** The post or the channel was cancelled before its time. */
  cancel_unsent: { from: ['publishing:claimed'], to: 'cancelled', by: 'engine', audit: 'publication.cancelled' },
  /** The post changed after its approval: it waits for a new one. */
  changed_unsent: { from: ['publishing:claimed'], to: 'pending', by: 'engine', audit: 'publication.pending' },
  miss: { from: ['publishing:claimed'], to: 'missed', by: 'engine', audit: 'publication.missed' },
  /**
   * A repeat with the same idempotency key whose call would end past the platform's window (a queue
   * or a pace delayed it): the key no longer protects it and an earlier send may be out, so a person checks.
   */
  key_lapsed: { from: ['publishing:claimed'], to: 'unconfirmed', by: 'engine', audit: 'publication.unconfirmed' },

  publish: { from: ['publishing:sending'], to: 'published', by: 'platform', audit: 'publication.published' },
  fail: { from: ['publishing:sending'], to: 'failed', by: 'platform', audit: 'publication.failed' },
  unconfirm: { from: ['publishing:sending'], to: 'unconfirmed', by: 'platform', audit: 'publication.unconfirmed' },
  /** Another attempt later: the request did not reach the platform (rate limit, transient failure, renewed token). */
  retry: { from: ['publishing:sending'], to: 'scheduled', by: 'platform' },
  /** The answer was lost, and a repeat with the same idempotency key is safe: it goes again with that key. */
  resend: { from: ['publishing:sending'], to: 'scheduled', by: 'platform' },
  /** The answer was lost and the adapter can ask the platform: ask before a person is. */
  reconcile: { from: ['publishing:sending'], to: 'publishing:reconciling', by: 'platform' },

  /** A lease ran out before the request went: simply due again. */
  lease_unsent: { from: ['publishing:claimed'], to: 'scheduled', by: 'lease' },
  /** A lease ran out while sending, and a repeat with the same key is safe. */
  lease_resend: { from: ['publishing:sending'], to: 'scheduled', by: 'lease' },
  /** A lease ran out while sending, and the platform can be asked. */
  lease_reconcile: { from: ['publishing:sending'], to: 'publishing:reconciling', by: 'lease' },
  /** A lease ran out while sending: nobody knows whether it went out. */
  lease_lost: { from: ['publishing:sending'], to: 'unconfirmed', by: 'lease', audit: 'publication.unconfirmed' },

  /** A worker takes a publication whose answer is being looked for (its claim and lease are set, the state stays). */
  claim_reconciliation: { from: ['publishing:reconciling'], to: 'publishing:reconciling', by: 'engine' },
  /** That worker's lease ran out: the look is due again. */
  lease_reconciliation: { from: ['publishing:reconciling'], to: 'publishing:reconciling', by: 'lease' },
  /** The platform has the post. */
  reconciled: { from: ['publishing:reconciling'], to: 'published', by: 'platform', audit: 'publication.reconciled' },
  /** The platform has no such post: it goes again. */
  reconcile_absent: { from: ['publishing:reconciling'], to: 'scheduled', by: 'platform' },
  /** The platform cannot tell yet: it is asked again later (the claim is released, the state stays). */
  reconcile_again: { from: ['publishing:reconciling'], to: 'publishing:reconciling', by: 'platform' },
  /** The platform cannot tell: a person checks. */
  reconcile_unknown: { from: ['publishing:reconciling'], to: 'unconfirmed', by: 'platform', audit: 'publication.unconfirmed' },

  mark_published: { from: WAITING_FOR_A_PERSON, to: 'published', by: 'supervisor', audit: 'publication.marked_published' },
  republish: { from: WAITING_FOR_A_PERSON, to: 'scheduled', by: 'supervisor', audit: 'publication.republished' },
} as const satisfies Record<string, LifecycleTransition<PublicationState>>;

export type PublicationTransitionName = keyof typeof PUBLICATION_TRANSITIONS;

/** States in which a post may still be summed up, or sent again: approved, and not cancelled or sent back to review. */
const SENT_OR_SENDING = ['scheduled', 'publishing', 'published', 'partially_published', 'failed'] as const;

/**
 * The post: written as a draft, reviewed, approved (four eyes) or sent back, cancelled before it
 * goes, and summed up from its publications once none is open.
 */
export const POST_TRANSITIONS = {
  create: { from: [], to: 'draft', by: 'editor', audit: 'post.created' },
  submit: { from: ['draft'], to: 'in_review', by: 'editor', audit: 'post.submitted' },
  approve: { from: ['in_review'], to: 'scheduled', by: 'supervisor', audit: 'post.approved' },
  reject: { from: ['in_review'], to: 'draft', by: 'supervisor', audit: 'post.rejected' },
  cancel: { from: ['draft', 'in_review', 'scheduled'], to: 'cancelled', by: 'editor', audit: 'post.cancelled' },
  /** An approved post was edited: its approval no longer holds. */
  back_to_review: { from: ['scheduled'], to: 'in_review', by: 'editor', audit: 'post.updated_back_to_review' },
  /** Its first publication goes out. */
  start_publishing: { from: ['scheduled'], to: 'publishing', by: 'engine' },
  /** A person sends one of its publications again. */
  republish: { from: SENT_OR_SENDING, to: 'publishing', by: 'supervisor' },
  /** None of its publications is open any more: all counted ones out… */
  sum_published: { from: SENT_OR_SENDING, to: 'published', by: 'engine' },
  /** …some of them… */
  sum_partially_published: { from: SENT_OR_SENDING, to: 'partially_published', by: 'engine' },
  /** …or none (also when every one was cancelled). */
  sum_failed: { from: SENT_OR_SENDING, to: 'failed', by: 'engine' },
} as const satisfies Record<string, LifecycleTransition<PostStatus>>;

export type PostTransitionName = keyof typeof POST_TRANSITIONS;

/** True for the states of a publication in `publishing`. */
export function isPublishingState(state: PublicationState): state is `publishing:${PublicationPhase}` {
  return state.startsWith('publishing:');
}

/** The status column of a publication state. */
export function publicationStatusOf(state: PublicationState): PublicationStatus {
  return isPublishingState(state) ? 'publishing' : state;
}

/** The phase column of a publication state (null outside `publishing`). */
export function publicationPhaseOf(state: PublicationState): PublicationPhase | null {
  if (!isPublishingState(state)) return null;
  const phase = PUBLICATION_PHASES.find((p) => state === `publishing:${p}`);
  return phase ?? null;
}
