/** Exponential backoff with jitter for failures before the request reached the platform. */
export function backoffSeconds(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(15 * 2 ** Math.max(0, attempt - 1), 30 * 60);
  // Full jitter between half and the whole delay keeps replicas from retrying in lockstep.
  return Math.round(base * (0.5 + random() * 0.5));
}

/** Retries of VK with the same `guid` after an unconfirmed attempt, before a person must check. */
export const MAX_GUID_RETRIES = 3;
