import type { EntityManager } from 'typeorm';
import {
  PUBLICATION_TRANSITIONS,
  publicationPhaseOf,
  publicationStatusOf,
  type Platform,
  type PublicationPhase,
  type PublicationState,
  type PublicationStatus,
  type PublicationTransitionName,
} from '@vestnik/contracts';

/**
 * The only writer of `publications.status` (and of its phase): every write is one declared
 * transition of `PUBLICATION_TRANSITIONS`, batch-first, in the caller's transaction (`m`), and
 * guarded inside its UPDATE by the transition's `from` states, plus the claim (token, phase, worker)
 * for writes made by a claim holder, or an expired lease for take-backs. It answers the rows it
 * changed; a row not answered was not in a `from` state (or its claim was taken back meanwhile).
 */

/** The claim a write is made for; once the claim was taken back (or claimed again) the write changes nothing. */
export interface ClaimFence {
  token: number;
  worker: string;
}

/** One publication (or, for transitions applied to a post's publications, one post) to move, and what its transition writes. */
export interface PublicationMove {
  id: string;
  /** The claim of an engine or platform write on a claimed publication. */
  claim?: ClaimFence;
  /** When it is due next (approve, hand back, retry, reconcile). */
  nextAttemptAt?: Date;
  /** Why, for people (Russian), and the machine code of it. */
  reason?: string | null;
  code?: string | null;
  /** What went out, as the platform names it. */
  remoteId?: string | null;
  url?: string | null;
  /** The new lease from now (sending: the adapter's longest publish plus room to record). */
  leaseMs?: number;
}

/** A publication as a transition left it. */
export interface MovedPublication {
  id: string;
  post_id: string;
  channel_id: string;
  platform: Platform;
  status: PublicationStatus;
  phase: PublicationPhase | null;
  attempts: number;
  claim_token: number;
  first_sent_at: Date | null;
}

/** A publication claimed by a worker (for sending, or for looking up a lost answer). */
export interface ClaimedPublication {
  id: string;
  post_id: string;
  channel_id: string;
  platform: Platform;
  attempts: number;
  /** When it was meant to go out: the post's time, or a person's "publish again" if later. Lateness counts from here. */
  planned_at: Date;
  /** When the claim runs out: after it, another worker may take the publication over. */
  lease_until: Date;
  /** Names this claim in every write made for it; another claim of the same publication has another. */
  claim_token: number;
  /** The worker holding the claim; every write made for it names the worker too. */
  claimed_by: string;
  /** When its earliest send that may have reached the platform went out, if one did (the key's window counts from here). */
  first_sent_at: Date | null;
  /** When its latest attempt went out, if one did. */
  sent_at: Date | null;
}

/** How a write is fenced beyond its `from` states. */
type Guard = 'none' | 'claim' | 'lease' | 'unclaimed';

interface Effect {
  /** `p.post_id` for transitions a post applies to all its publications; `p.id` otherwise. */
  key: 'id' | 'post_id';
  guard: Guard;
  /** What else the transition writes; `v` is the move's values. */
  set: string[];
}

/** Releases the claim: no worker, no lease. */
const FREE = ['claimed_by = NULL', 'lease_until = NULL'];
/** Taking a claim back also bumps its token: the old worker's writes match nothing. */
const TAKE_BACK = [...FREE, 'claim_token = p.claim_token + 1'];
const ERROR = ['last_error = v.reason', 'last_error_code = v.code'];
/**
 * The attempt did not reach the platform: when it was the key's first send (`first_sent_at` set by
 * this very `send`), the key has still not gone out. So `first_sent_at` is when the earliest send that
 * may have reached the platform went out: an idempotency window and a look-up count from it.
 */
const NOT_OUT = 'first_sent_at = CASE WHEN p.first_sent_at = p.sent_at THEN NULL ELSE p.first_sent_at END';
/** An attempt counted: the request may have reached the platform. */
const ATTEMPTED = 'attempts = p.attempts + 1';
const REMOTE = ['remote_id = coalesce(v.remote_id, p.remote_id)', 'url = coalesce(v.url, p.url)'];
const LEASE = `lease_until = now() + make_interval(secs => v.lease_ms / 1000)`;
const CLAIM = ['claimed_by = v.worker', 'claim_token = p.claim_token + 1', LEASE];

const EFFECTS: Record<PublicationTransitionName, Effect> = {
  create: { key: 'post_id', guard: 'none', set: [] },
  approve: { key: 'post_id', guard: 'none', set: ['next_attempt_at = v.next_at', 'attempts = 0', 'last_error = NULL', 'last_error_code = NULL'] },
  back_to_review: { key: 'post_id', guard: 'none', set: [] },
  cancel: { key: 'post_id', guard: 'none', set: [] },

  claim: { key: 'id', guard: 'unclaimed', set: CLAIM },
  hand_back: { key: 'id', guard: 'claim', set: [...FREE, 'next_attempt_at = v.next_at'] },
  send: { key: 'id', guard: 'claim', set: ['sent_at = now()', 'first_sent_at = coalesce(p.first_sent_at, now())', LEASE] },
  fail_unsent: { key: 'id', guard: 'claim', set: [...FREE, ...ERROR] },
  cancel_unsent: { key: 'id', guard: 'claim', set: [...FREE, ...ERROR] },
  changed_unsent: { key: 'id', guard: 'claim', set: [...FREE, ...ERROR] },
  miss: { key: 'id', guard: 'claim', set: [...FREE, ...ERROR] },
  key_lapsed: { key: 'id', guard: 'claim', set: [...FREE, ...ERROR] },

  publish: { key: 'id', guard: 'claim', set: [...FREE, ATTEMPTED, ...REMOTE, 'published_at = now()', ...ERROR] },
  fail: { key: 'id', guard: 'claim', set: [...FREE, ATTEMPTED, ...REMOTE, ...ERROR] },
  unconfirm: { key: 'id', guard: 'claim', set: [...FREE, ATTEMPTED, ...ERROR] },
  retry: { key: 'id', guard: 'claim', set: [...FREE, ATTEMPTED, 'next_attempt_at = v.next_at', ...ERROR, NOT_OUT] },
  resend: { key: 'id', guard: 'claim', set: [...FREE, ATTEMPTED, 'next_attempt_at = v.next_at', ...ERROR] },
  reconcile: { key: 'id', guard: 'claim', set: [...FREE, ATTEMPTED, 'next_attempt_at = v.next_at', ...ERROR] },

  lease_unsent: { key: 'id', guard: 'lease', set: [...TAKE_BACK, 'next_attempt_at = now()'] },
  lease_resend: { key: 'id', guard: 'lease', set: [...TAKE_BACK, ATTEMPTED, 'next_attempt_at = now()', ...ERROR] },
  lease_reconcile: { key: 'id', guard: 'lease', set: [...TAKE_BACK, ATTEMPTED, 'next_attempt_at = v.next_at', ...ERROR] },
  lease_lost: { key: 'id', guard: 'lease', set: [...TAKE_BACK, ATTEMPTED, ...ERROR] },

  claim_reconciliation: { key: 'id', guard: 'unclaimed', set: CLAIM },
  lease_reconciliation: { key: 'id', guard: 'lease', set: [...TAKE_BACK, 'next_attempt_at = now()'] },
  reconciled: { key: 'id', guard: 'claim', set: [...FREE, ...REMOTE, 'published_at = now()', ...ERROR] },
  reconcile_absent: { key: 'id', guard: 'claim', set: [...FREE, 'next_attempt_at = v.next_at', ...ERROR] },
  reconcile_again: { key: 'id', guard: 'claim', set: [...FREE, 'next_attempt_at = v.next_at', ...ERROR] },
  reconcile_unknown: { key: 'id', guard: 'claim', set: [...FREE, ...ERROR] },

  mark_published: { key: 'id', guard: 'none', set: ['url = coalesce(v.url, p.url)', 'published_at = coalesce(p.published_at, now())', 'last_error = NULL'] },
  // The person found nothing out: the idempotency key's window starts again with the next send.
  republish: { key: 'id', guard: 'none', set: ['next_attempt_at = now()', 'requeued_at = now()', 'attempts = 0', 'first_sent_at = NULL', 'last_error = NULL', 'last_error_code = NULL'] },
};

/** The SQL of a publication's state, as `PublicationState` spells it (`p` the publication). */
const STATE_OF = (p: string) => `(${p}.status || coalesce(':' || ${p}.phase, ''))`;

/** When a publication (`p`) of a post (`post`) was meant to go out: the later of the post's time and a republish. */
export const PLANNED_AT = (p: string, post: string) => `greatest(${post}.scheduled_at, coalesce(${p}.requeued_at, ${post}.scheduled_at))`;

/**
 * The one "missed" rule: a publication not out `$minutes` after it was meant to go out is missed,
 * not sent late. `minutes` is the SQL of the window (a parameter).
 */
export const IS_MISSED = (p: string, post: string, minutes: string) => `${PLANNED_AT(p, post)} < now() - make_interval(mins => ${minutes})`;

const RETURNING = 'p.id, p.post_id, p.channel_id, p.platform, p.status, p.phase, p.attempts, p.claim_token, p.first_sent_at';
const CLAIMED = `p.id, p.post_id, p.channel_id, p.platform, p.attempts, ${PLANNED_AT('p', 'post')} AS planned_at, p.lease_until, p.claim_token, p.claimed_by, p.first_sent_at, p.sent_at`;

/** The transitions `movePublications` applies: creating and claiming have their own functions. */
export type MovableBy = Exclude<PublicationTransitionName, 'create' | 'claim' | 'claim_reconciliation'>;

/** True for the transitions a post applies to all its publications: `movePublications` then takes post ids. */
export function movesByPost(name: MovableBy): boolean {
  return EFFECTS[name].key === 'post_id';
}

/** True when `state` may move by `name`: the same rule the UPDATE's guard holds. */
export function publicationMayMove(name: PublicationTransitionName, state: PublicationState): boolean {
  const from: readonly PublicationState[] = PUBLICATION_TRANSITIONS[name].from;
  return from.includes(state);
}

/**
 * Applies transition `name` to `moves` (publication ids, or post ids for the transitions a post
 * applies to all its publications) in `m`'s transaction; answers the rows it changed.
 */
export async function movePublications(m: EntityManager, name: MovableBy, moves: readonly PublicationMove[]): Promise<MovedPublication[]> {
  if (moves.length === 0) return [];
  const transition = PUBLICATION_TRANSITIONS[name];
  const effect = EFFECTS[name];
  const guard = {
    none: '',
    claim: 'AND p.claim_token = v.token AND p.claimed_by = v.worker',
    lease: 'AND p.lease_until < now()',
    unclaimed: 'AND p.claimed_by IS NULL',
  }[effect.guard];
  const from: readonly PublicationState[] = transition.from;
  const sql = `UPDATE publications p
      SET status = $1, phase = $2, ${[...effect.set, 'updated_at = now()'].join(', ')}
     FROM unnest($3::uuid[], $4::int[], $5::text[], $6::timestamptz[], $7::text[], $8::text[], $9::text[], $10::text[], $11::float8[])
          AS v(key, token, worker, next_at, reason, code, remote_id, url, lease_ms)
    WHERE p.${effect.key} = v.key AND p.status = ANY($12::text[]) AND ${STATE_OF('p')} = ANY($13::text[]) ${guard}
   RETURNING ${RETURNING}`;
  const column = <T>(pick: (move: PublicationMove) => T | undefined): (T | null)[] => moves.map((mv) => pick(mv) ?? null);
  const [rows] = await m.query(sql, [
    publicationStatusOf(transition.to),
    publicationPhaseOf(transition.to),
    column((mv) => mv.id),
    column((mv) => mv.claim?.token),
    column((mv) => mv.claim?.worker),
    column((mv) => mv.nextAttemptAt),
    column((mv) => mv.reason),
    column((mv) => mv.code),
    column((mv) => mv.remoteId),
    column((mv) => mv.url),
    column((mv) => mv.leaseMs),
    [...new Set(from.map(publicationStatusOf))],
    [...from],
  ]);
  return rows as MovedPublication[];
}

/** The post's publications, one per target channel: creates those not there yet (pending). */
export async function createPublications(m: EntityManager, postId: string, targets: readonly { id: string; platform: Platform }[]): Promise<void> {
  if (targets.length === 0) return;
  await m.query(
    `INSERT INTO publications (post_id, channel_id, platform, status)
     SELECT $1, t.channel_id, t.platform, $4 FROM unnest($2::uuid[], $3::text[]) AS t(channel_id, platform)
     ON CONFLICT (post_id, channel_id) DO NOTHING`,
    [postId, targets.map((t) => t.id), targets.map((t) => t.platform), publicationStatusOf(PUBLICATION_TRANSITIONS.create.to)],
  );
}

/** Publications a post no longer targets go, unless they are on their way or out already (only before approval's effect: pending or scheduled). */
export async function removePublications(m: EntityManager, postId: string, keepChannelIds: readonly string[]): Promise<void> {
  await m.query(`DELETE FROM publications WHERE post_id = $1 AND NOT (channel_id = ANY($2::uuid[])) AND status = ANY($3::text[])`, [postId, keepChannelIds, REMOVABLE]);
}

/** States a publication may be dropped from its post in: nothing was attempted yet. */
const REMOVABLE: PublicationStatus[] = ['pending', 'scheduled'];

interface ClaimOptions {
  worker: string;
  leaseMs: number;
  limit: number;
  /** Only these publications (a decision on known ones); otherwise the due ones, earliest first. */
  ids?: readonly string[];
}

/**
 * Claims (transition `claim`) up to `limit` due publications of channels not waiting for a person,
 * or the scheduled ones among `ids`, for `worker`, skipping those another worker is claiming.
 */
export async function claimPublications(m: EntityManager, o: ClaimOptions): Promise<ClaimedPublication[]> {
  // The channel's state is read in the claim itself: a join is one round trip per batch, where
  // asking the channels context first would be one more per batch and race with the claim.
  const due = o.ids
    ? `pub.id = ANY($7::uuid[])`
    : `pub.next_attempt_at <= now() AND NOT EXISTS (SELECT 1 FROM channels c WHERE c.id = pub.channel_id AND c.state = 'needs_attention')`;
  return claimWhere(m, 'claim', `pub.status = 'scheduled' AND ${due}`, o);
}

/**
 * Claims (transition `claim_reconciliation`) up to `limit` publications whose lost answer is due to
 * be looked up, or those among `ids`, for `worker`.
 */
export async function claimReconciliations(m: EntityManager, o: ClaimOptions): Promise<ClaimedPublication[]> {
  const due = o.ids ? `pub.id = ANY($7::uuid[])` : `pub.next_attempt_at <= now()`;
  return claimWhere(m, 'claim_reconciliation', `pub.status = 'publishing' AND pub.phase = 'reconciling' AND pub.claimed_by IS NULL AND ${due}`, o);
}

async function claimWhere(m: EntityManager, name: 'claim' | 'claim_reconciliation', due: string, o: ClaimOptions): Promise<ClaimedPublication[]> {
  const transition = PUBLICATION_TRANSITIONS[name];
  const from: readonly PublicationState[] = transition.from;
  const [rows] = await m.query(
    `WITH due AS (
       SELECT pub.id FROM publications pub WHERE ${due}
        ORDER BY pub.next_attempt_at LIMIT $3
          FOR UPDATE OF pub SKIP LOCKED)
     UPDATE publications p
        SET status = $4, phase = $5, ${[...EFFECTS[name].set, 'updated_at = now()'].join(', ')}
       FROM due, posts post, (SELECT $1::text AS worker, $2::float8 AS lease_ms) v
      WHERE p.id = due.id AND post.id = p.post_id AND ${STATE_OF('p')} = ANY($6::text[]) AND p.claimed_by IS NULL
     RETURNING ${CLAIMED}`,
    [o.worker, o.leaseMs, o.limit, publicationStatusOf(transition.to), publicationPhaseOf(transition.to), [...from], ...(o.ids ? [o.ids] : [])],
  );
  return rows as ClaimedPublication[];
}

/** Which of the publications `ids` are missed by the one rule (`IS_MISSED`), read in `m`: a batch's check before sending. */
export async function missedAmong(m: EntityManager, ids: readonly string[], missedAfterMinutes: number): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows: { id: string }[] = await m.query(
    `SELECT pub.id FROM publications pub JOIN posts p ON p.id = pub.post_id WHERE pub.id = ANY($1::uuid[]) AND ${IS_MISSED('pub', 'p', '$2')}`,
    [ids, missedAfterMinutes],
  );
  return new Set(rows.map((r) => r.id));
}

/** When the next scheduled publication not due yet falls due (the `publications_due` index); null when none is waiting. */
export async function nextDueAt(m: EntityManager): Promise<Date | null> {
  const [row]: { at: Date | null }[] = await m.query(`SELECT min(next_attempt_at) AS at FROM publications WHERE status = 'scheduled' AND next_attempt_at > now()`);
  return row?.at ? new Date(row.at) : null;
}

/** A claim whose lease ran out, locked in the caller's transaction until it is taken back. */
export interface ExpiredClaim {
  id: string;
  post_id: string;
  channel_id: string;
  organization_id: string;
  platform: Platform;
  phase: PublicationPhase | null;
  attempts: number;
  first_sent_at: Date | null;
}

/** Up to `limit` claims whose lease ran out, oldest first, locked (skipping those another worker is taking back). */
export async function expiredClaims(m: EntityManager, limit: number): Promise<ExpiredClaim[]> {
  return m.query(
    `SELECT pub.id, pub.post_id, pub.channel_id, p.organization_id, pub.platform, pub.phase, pub.attempts, pub.first_sent_at
       FROM publications pub JOIN posts p ON p.id = pub.post_id
      WHERE pub.status = 'publishing' AND pub.lease_until < now()
      ORDER BY pub.lease_until LIMIT $1 FOR UPDATE OF pub SKIP LOCKED`,
    [limit],
  );
}

/**
 * Up to `limit` due publications already missed (the one rule, `IS_MISSED`): only those already due
 * (the `publications_due` index), so one due later is judged when it comes due instead of every
 * scheduled publication being read on every look.
 */
export async function overduePublications(m: EntityManager, missedAfterMinutes: number, limit: number): Promise<string[]> {
  const rows: { id: string }[] = await m.query(
    `SELECT pub.id FROM publications pub JOIN posts p ON p.id = pub.post_id
      WHERE pub.status = 'scheduled' AND pub.next_attempt_at <= now() AND ${IS_MISSED('pub', 'p', '$1')}
      LIMIT $2`,
    [missedAfterMinutes, limit],
  );
  return rows.map((r) => r.id);
}
