import type { SandboxClock } from './clock';

/**
 * The platforms' published limits (PLATFORMS.md), as the sandbox enforces them. OK documents no
 * number, so no OK rate is enforced: its errors 8 and 11 come only from injected faults. The
 * adapters pace themselves a few per cent under these (`VK_CALL_SPACING_MS`, `TELEGRAM_*_SPACING_MS`).
 */
export const RATE_LIMITS = {
  /** VK: about 3 requests a second per user token → error 6. */
  vkRequestsPerSecond: 3,
  /** VK: about 50 wall posts a day per community → error 214. */
  vkPostsPerDay: 50,
  /** Telegram: about 20 messages a minute into one channel → 429 with retry_after. */
  telegramMessagesPerMinute: 20,
  /** Telegram: about 30 messages a second per bot. */
  telegramMessagesPerSecond: 30,
  /** MAX: 2 messages a second into one chat or channel (official) → 429 too.many.requests. */
  maxMessagesPerSecondPerChat: 2,
  /** MAX: about 30 requests a second per bot (the upload docs' "30 rps") → 429. */
  maxRequestsPerSecond: 30,
};

/**
 * Sliding-window counters keyed by token, community or channel. `hit` either records the events
 * and returns 0, or records nothing and returns how many ms to wait until they would fit.
 */
export class RateLimiter {
  enabled = true;
  private readonly windows = new Map<string, number[]>();
  /** Requests refused for a rate, by what answered them (`vk:6`, `telegram:429`, `max:429`): tests assert none. */
  private readonly refusals = new Map<string, number>();

  constructor(private readonly clock: SandboxClock) {}

  /** `now`: when the request arrived (default: the clock's now). */
  hit(key: string, limit: number, windowMs: number, count = 1, now = this.clock.now()): number {
    if (!this.enabled) return 0;
    const events = (this.windows.get(key) ?? []).filter((t) => t > now - windowMs);
    if (events.length + count > limit) {
      this.windows.set(key, events);
      // The wait until enough old events leave the window for `count` new ones to fit.
      const oldestToLeave = events[events.length + count - limit - 1] ?? now;
      return Math.max(1, oldestToLeave + windowMs - now);
    }
    for (let i = 0; i < count; i++) events.push(now);
    // A request that arrived earlier may be counted after a later one: keep the window in order.
    events.sort((a, b) => a - b);
    this.windows.set(key, events);
    return 0;
  }

  /** Checks without recording: would `count` more events fit at `now`? Returns the wait in ms. */
  peek(key: string, limit: number, windowMs: number, count = 1, now = this.clock.now()): number {
    if (!this.enabled) return 0;
    const events = (this.windows.get(key) ?? []).filter((t) => t > now - windowMs);
    if (events.length + count <= limit) return 0;
    const oldestToLeave = events[events.length + count - limit - 1] ?? now;
    return Math.max(1, oldestToLeave + windowMs - now);
  }

  refused(answer: string): void {
    this.refusals.set(answer, (this.refusals.get(answer) ?? 0) + 1);
  }

  refusalCounts(): Record<string, number> {
    return Object.fromEntries(this.refusals);
  }

  reset(): void {
    this.windows.clear();
    this.refusals.clear();
    this.enabled = true;
  }
}
