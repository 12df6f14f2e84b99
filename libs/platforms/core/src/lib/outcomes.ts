/**
 * Typed outcomes of talking to a platform. Every adapter call ends in exactly one of them;
 * adapters never throw for platform or network failures. Reasons are plain Russian words for
 * people; `platformMessage` keeps the platform's own text (with secrets redacted).
 */

export interface PublishedOutcome {
  status: 'published';
  /** Adapter-specific id, enough for edit and remove (format documented by each adapter). */
  remoteId: string;
  url: string;
  /** Set when the post is out but something secondary was not (e.g. Telegram's follow-up text). */
  note?: string;
}

/** The platform said "too fast": try again after this many seconds. */
export interface RateLimitedOutcome {
  status: 'rate_limited';
  retryAfterSeconds: number;
  reason: string;
  platformCode?: string;
  platformMessage?: string;
}

/** The credentials no longer work: refresh them (`refreshable`) or ask a person to reconnect. */
export interface AuthExpiredOutcome {
  status: 'auth_expired';
  refreshable: boolean;
  reason: string;
  platformCode?: string;
  platformMessage?: string;
}

/** The platform refused for good: retrying the same request will not help. */
export interface RejectedOutcome {
  status: 'rejected';
  /** Stable code: `vk:214`, `ok:454`, `telegram:400`, `content:text_too_long`, ... */
  code: string;
  reason: string;
  platformMessage?: string;
}

/** Failed before the request reached the platform (or a read-only call failed): safe to retry. */
export interface TransientOutcome {
  status: 'transient';
  reason: string;
}

/**
 * Sent, outcome unknown (timeout or dropped connection after the body went out, 5xx on a write).
 * Never retry blindly; `retrySafe` is true only where the platform deduplicates (VK's `guid`).
 */
export interface UnconfirmedOutcome {
  status: 'unconfirmed';
  reason: string;
  retrySafe: boolean;
}

export type FailureOutcome =
  | RateLimitedOutcome
  | AuthExpiredOutcome
  | RejectedOutcome
  | TransientOutcome
  | UnconfirmedOutcome;

export type PublishOutcome = PublishedOutcome | FailureOutcome;

/** Edits are safe to repeat, so `unconfirmed` here may simply be retried. */
export type EditOutcome = { status: 'edited'; remoteId: string; url: string } | FailureOutcome;

/** Removes are safe to repeat; a post that is already gone counts as removed. */
export type RemoveOutcome = { status: 'removed'; alreadyGone: boolean } | FailureOutcome;

export interface VerifyResult {
  /** The channel answered and we know who we are (even if we may not post). */
  ok: boolean;
  canPost: boolean;
  /** Community, group or channel name as the platform shows it. */
  displayName?: string;
  /** Canonical target id to store (VK group id, OK gid, Telegram numeric chat id). */
  resolvedTargetId?: string;
  /** Who the credentials belong to: VK user id, OK uid, Telegram bot @username. */
  actor?: string;
  tokenExpiresAt?: string;
  /** Why not ok / why posting is not possible, in Russian. */
  reason?: string;
  /** Set when verification itself failed (network, rate limit, expired token). */
  failure?: FailureOutcome;
}

/** New VK ID tokens: persist all fields atomically before using the access token. */
export interface RefreshedCredentials {
  accessToken: string;
  refreshToken: string;
  expiresAt: string;
  deviceId: string;
  userId?: string;
}

export type RefreshOutcome = { status: 'refreshed'; credentials: RefreshedCredentials } | FailureOutcome;

export function isFailure<T extends { status: string }>(outcome: T | FailureOutcome): outcome is FailureOutcome {
  return ['rate_limited', 'auth_expired', 'rejected', 'transient', 'unconfirmed'].includes(outcome.status);
}
