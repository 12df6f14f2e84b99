import { createHash } from 'node:crypto';

/** A platform's rate as it counts it: at most `limit` (calls, messages) in any `windowMs`. */
export interface RateWindow {
  limit: number;
  windowMs: number;
}

/**
 * This process's last gate before the socket, per secret (a token, a bot): a call leaves only when
 * the calls that left in the last `windowMs` leave room for its weight (what the platform counts,
 * e.g. a media group's messages), the platform's own sliding-window rule with the window a little
 * longer. Pacing, not retrying: a call is only delayed before it is sent; calls of one secret go in
 * turn. A call that left late does not push the others back (no drift) and cannot make the window
 * hold more than `limit`; what the window's extra length buys is room for jitter after the gate.
 */
export class RequestPacer {
  /** Per secret (by hash): the last call's turn, which the next one waits for. */
  private readonly turns = new Map<string, Promise<void>>();
  /** Per secret: when the calls of the last window left, with their weights. */
  private readonly sent = new Map<string, Array<{ at: number; weight: number }>>();

  /** `null` turns pacing off. */
  constructor(private readonly rate: RateWindow | null) {}

  wait(secret: string, weight = 1): Promise<void> {
    if (!this.rate) return Promise.resolve();
    const rate = this.rate;
    // Keyed by a hash: no secret is kept in memory longer than the call that carries it.
    const key = createHash('sha256').update(secret).digest('base64url');
    const turn = (this.turns.get(key) ?? Promise.resolve()).then(() => this.leave(key, Math.min(Math.max(1, weight), rate.limit), rate));
    this.turns.set(key, turn);
    void turn.then(() => {
      if (this.turns.get(key) === turn) this.turns.delete(key);
    });
    return turn;
  }

  private async leave(key: string, weight: number, rate: RateWindow): Promise<void> {
    for (;;) {
      const now = Date.now();
      const recent = (this.sent.get(key) ?? []).filter((s) => s.at > now - rate.windowMs);
      let room = rate.limit - recent.reduce((sum, s) => sum + s.weight, 0);
      if (room >= weight) {
        recent.push({ at: now, weight });
        this.sent.set(key, recent);
        this.forgetIdle(now, rate.windowMs);
        return;
      }
      // The moment enough of the oldest calls leave the window for this one to fit.
      let freeAt = now;
      for (const s of recent) {
        room += s.weight;
        freeAt = s.at + rate.windowMs;
        if (room >= weight) break;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.max(1, freeAt - now)));
    }
  }

  private forgetIdle(now: number, windowMs: number): void {
    for (const [key, calls] of this.sent) if (calls.every((s) => s.at <= now - windowMs)) this.sent.delete(key);
  }
}
