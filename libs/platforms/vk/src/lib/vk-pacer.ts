import { createHash } from 'node:crypto';

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
