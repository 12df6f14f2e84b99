/** Exponential backoff with jitter for failures before the request reached the platform. */
export function backoffSeconds(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(15 * 2 ** Math.max(0, attempt - 1), 30 * 60);
  // Full jitter between half and the whole delay keeps replicas from retrying in lockstep.
  return Math.round(base * (0.5 + random() * 0.5));
}

export interface SameKeyRepeat {
  /** The adapter's `idempotentRetryWindowMs`: null when the platform has no idempotency key. */
  windowMs: number | null;
  /** When the key first went out (`publications.first_sent_at`). */
  firstSentAt: Date | null;
  /** Attempts made so far, the one whose outcome is unknown included. */
  attempts: number;
  /** The attempts a publication has in all (`PUBLISH_MAX_ATTEMPTS`), failures that never reached the platform included. */
  maxAttempts: number;
  /** When the repeat's request will have been answered at the latest: its planned time plus the adapter's longest publish. */
  doneBy: Date;
}

/**
 * Whether a publication whose last send has an unknown outcome may go again with the same key: only
 * while the platform still deduplicates it — the repeat answered before the window, counted from the
 * key's first send (any earlier send may be the one that created the post), runs out — and within the
 * attempts every publication has. Such an unknown outcome is then no more than a transient failure.
 */
export function sameKeyRepeatIsSafe(repeat: SameKeyRepeat): boolean {
  if (repeat.attempts >= repeat.maxAttempts) return false;
  return keyStillHonoured(repeat.windowMs, repeat.firstSentAt, repeat.doneBy);
}

/**
 * Whether a request with the key first sent at `firstSentAt` and answered by `doneBy` is still inside
 * the platform's window: checked when a repeat is decided, and again just before it goes out (a queue
 * or a pace can delay it past the window).
 */
export function keyStillHonoured(windowMs: number | null, firstSentAt: Date | null, doneBy: Date): boolean {
  if (windowMs === null || firstSentAt === null) return false;
  return doneBy.getTime() < firstSentAt.getTime() + windowMs;
}
