import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Pace } from '@vestnik/platforms/core';

/** A reserved moment to send at, or (when too far off) only the moment to come back at. */
export interface Slot {
  at: Date;
  reserved: boolean;
}

/** One publication's wish: a moment free under every one of `paces`, at most `maxWaitMs` from now. */
export interface SlotRequest {
  paces: Pace[];
  maxWaitMs: number;
}

/**
 * Rate limits kept in PostgreSQL so that every replica sees the same pace. Reserving a slot moves
 * the keys' next free moment forward atomically; a caller whose slot is later waits (by
 * rescheduling its publication) instead of hitting the platform's 429.
 */
@Injectable()
export class RatePacer {
  /**
   * Reserves, in `m`'s transaction and in the order given, the next slot under every pace of each
   * request; a request goes at the latest of its keys. When that is more than its `maxWaitMs` away
   * nothing is reserved for it (a slot nobody uses would push everyone behind it further out, over
   * and over) and the answer only says when to come back. One lock of the batch's keys, one write.
   */
  async reserveMany(m: EntityManager, requests: readonly SlotRequest[]): Promise<Slot[]> {
    if (requests.length === 0) return [];
    // Created and locked in one order everywhere, so replicas reserving overlapping keys cannot deadlock.
    const keys = [...new Set(requests.flatMap((r) => r.paces.map((p) => p.key)))].sort();
    await m.query(`INSERT INTO rate_buckets (key, next_at) SELECT unnest($1::text[]), '-infinity' ON CONFLICT (key) DO NOTHING`, [keys]);
    const rows: { key: string; free_ms: number; now_ms: number }[] = await m.query(
      `SELECT key, extract(epoch FROM greatest(next_at, now())) * 1000 AS free_ms, extract(epoch FROM now()) * 1000 AS now_ms
         FROM rate_buckets WHERE key = ANY($1) ORDER BY key FOR UPDATE`,
      [keys],
    );
    const now = Number(rows[0]?.now_ms ?? Date.now());
    const free = new Map(rows.map((r) => [r.key, Number(r.free_ms)]));
    const changed = new Set<string>();
    const slots = requests.map(({ paces, maxWaitMs }): Slot => {
      const at = Math.max(now, ...paces.map((p) => free.get(p.key) ?? now));
      if (at - now > maxWaitMs) return { at: new Date(at), reserved: false };
      // Each key gives its own next slot (a bot free now is not held until the chat's later slot).
      for (const p of paces) {
        free.set(p.key, Math.max(free.get(p.key) ?? now, now) + p.spacingMs);
        changed.add(p.key);
      }
      return { at: new Date(at), reserved: true };
    });
    const written = [...changed].sort();
    if (written.length) {
      await m.query(
        `UPDATE rate_buckets b SET next_at = to_timestamp(w.free_ms / 1000.0) FROM unnest($1::text[], $2::float8[]) AS w(key, free_ms) WHERE b.key = w.key`,
        [written, written.map((k) => free.get(k) ?? now)],
      );
    }
    return slots;
  }

  /** The platform asked us to wait: nobody under these keys goes before then. In `m`'s transaction, one statement for all. */
  async pushBackMany(m: EntityManager, waits: readonly { paces: Pace[]; until: Date }[]): Promise<void> {
    const until = new Map<string, number>();
    for (const w of waits) for (const p of w.paces) until.set(p.key, Math.max(until.get(p.key) ?? 0, w.until.getTime()));
    if (until.size === 0) return;
    const keys = [...until.keys()].sort();
    await m.query(
      `INSERT INTO rate_buckets (key, next_at) SELECT k, to_timestamp(t / 1000.0) FROM unnest($1::text[], $2::float8[]) AS w(k, t)
       ON CONFLICT (key) DO UPDATE SET next_at = greatest(rate_buckets.next_at, excluded.next_at)`,
      [keys, keys.map((k) => until.get(k) ?? 0)],
    );
  }
}
