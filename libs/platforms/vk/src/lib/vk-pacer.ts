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
 * delayed before it is sent. Calls of one token go in turn, each at least `intervalMs` after the
 * previous one actually left: a timer that fires late pushes the next call back instead of letting
 * the two leave closer together. Error 6 can still happen (other processes), and is reported as usual.
 */
export class VkRequestPacer {
  /** Per token (by hash): the last call's turn, which the next one waits for. */
  private readonly turns = new Map<string, Promise<void>>();
  /** Per token: when its last call left. */
  private readonly leftAt = new Map<string, number>();

  /** `intervalMs` 0 turns pacing off. */
  constructor(private readonly intervalMs: number) {}

  wait(accessToken: string): Promise<void> {
    if (this.intervalMs <= 0) return Promise.resolve();
    // Keyed by a hash: no token is kept in memory longer than the call that carries it.
    const key = createHash('sha256').update(accessToken).digest('base64url');
    const turn = (this.turns.get(key) ?? Promise.resolve()).then(() => this.leave(key));
    this.turns.set(key, turn);
    void turn.then(() => {
      if (this.turns.get(key) === turn) this.turns.delete(key);
    });
    return turn;
  }

  private async leave(key: string): Promise<void> {
    for (;;) {
      const waitMs = (this.leftAt.get(key) ?? -Infinity) + this.intervalMs - Date.now();
      if (waitMs <= 0) break;
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
    const now = Date.now();
    this.leftAt.set(key, now);
    for (const [other, at] of this.leftAt) if (at < now - this.intervalMs) this.leftAt.delete(other);
  }
}
