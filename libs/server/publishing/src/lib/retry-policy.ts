/** Exponential backoff with jitter for failures before the request reached the platform. */
export function backoffSeconds(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(15 * 2 ** Math.max(0, attempt - 1), 30 * 60);
  // Full jitter between half and the whole delay keeps replicas from retrying in lockstep.
  return Math.round(base * (0.5 + random() * 0.5));
}

/** Repeats with the same idempotency key after an unknown outcome, before a person must check. */
export const MAX_GUID_RETRIES = 3;

export interface SameKeyRepeat {
  /** The adapter's `idempotentRetryWindowMs`: null when the platform has no idempotency key. */
  windowMs: number | null;
  /** When the key first went out (`publications.first_sent_at`). */
  firstSentAt: Date | null;
  /** Attempts made so far, the one whose outcome is unknown included. */
  attempts: number;
}

/**
 * Whether a publication whose last send has an unknown outcome may go again with the same key:
 * only while the platform still deduplicates it, counted from the key's first send (any earlier
 * send may be the one that created the post), and only a few times.
 */
export function sameKeyRepeatIsSafe(repeat: SameKeyRepeat, now: number = Date.now()): boolean {
  if (repeat.windowMs === null || repeat.firstSentAt === null) return false;
  return now - repeat.firstSentAt.getTime() < repeat.windowMs && repeat.attempts < MAX_GUID_RETRIES;
}
