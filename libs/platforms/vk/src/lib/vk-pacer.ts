import { createHash } from 'node:crypto';

/**
 * The one spacing of VK API calls per user token, for this process's pacer and for the engine's
 * shared pace alike (`VkAdapter.paces`), so the two never disagree. PLATFORMS.md: about 3 requests
 * a second per user token (333 ms); 350 ms is 5 % over that bound, room for a late timer.
 */
export const VK_CALL_SPACING_MS = 350;

/**
 * Spaces this process's calls per VK token so that one publication (upload server, a save per
 * photo, the post) stays under VK's ~3 requests a second. Pacing, not retrying: a call is only
 * delayed before it is sent. Error 6 can still happen (other processes), and is reported as usual.
 */
export class VkRequestPacer {
  private readonly nextSlot = new Map<string, number>();

  /** `intervalMs` 0 turns pacing off. */
  constructor(private readonly intervalMs: number) {}

  async wait(accessToken: string): Promise<void> {
    if (this.intervalMs <= 0) return;
    const now = Date.now();
    this.forgetIdle(now);
    // Keyed by a hash: no token is kept in memory longer than the call that carries it.
    const key = createHash('sha256').update(accessToken).digest('base64url');
    const slot = Math.max(now, this.nextSlot.get(key) ?? 0);
    this.nextSlot.set(key, slot + this.intervalMs);
    if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
  }

  private forgetIdle(now: number): void {
    for (const [key, slot] of this.nextSlot) if (slot < now) this.nextSlot.delete(key);
  }
}
