import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Pace } from '@vestnik/platforms/core';

/** A reserved moment to send at, or (when too far off) only the moment to come back at. */
export interface Slot {
  at: Date;
  reserved: boolean;
}

/**
 * Rate limits kept in PostgreSQL so that every replica sees the same pace. Reserving a slot moves
 * the keys' next free moment forward atomically; a caller whose slot is later waits (by
 * rescheduling its publication) instead of hitting the platform's 429.
 */
@Injectable()
export class RatePacer {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Reserves the next slot under every pace; the request goes at the latest of them. When that is
   * more than `maxWaitMs` away nothing is reserved (a slot nobody uses would push everyone behind
   * it further out, over and over) and the answer only says when to come back.
   */
  async reserve(paces: Pace[], maxWaitMs: number): Promise<Slot> {
    // Created and locked in one order everywhere, so replicas reserving overlapping keys cannot deadlock.
    const sorted = [...paces].sort((a, b) => (a.key < b.key ? -1 : 1));
    const keys = sorted.map((p) => p.key);
    return this.dataSource.transaction(async (m) => {
      await m.query(`INSERT INTO rate_buckets (key, next_at) SELECT unnest($1::text[]), '-infinity' ON CONFLICT (key) DO NOTHING`, [keys]);
      const rows: { free: Date; wait_ms: number }[] = await m.query(
        `SELECT greatest(next_at, now()) AS free, extract(epoch FROM greatest(next_at, now()) - now()) * 1000 AS wait_ms
           FROM rate_buckets WHERE key = ANY($1) ORDER BY key FOR UPDATE`,
        [keys],
      );
      const latest = rows.reduce((a, r) => (Number(r.wait_ms) > Number(a.wait_ms) ? r : a));
      if (Number(latest.wait_ms) > maxWaitMs) return { at: latest.free, reserved: false };
      // Each key gives its own next slot (a bot free now is not held until the chat's later slot).
      await m.query(
        `UPDATE rate_buckets b SET next_at = greatest(b.next_at, now()) + make_interval(secs => w.spacing / 1000.0)
           FROM unnest($1::text[], $2::float8[]) AS w(key, spacing) WHERE b.key = w.key`,
        [keys, sorted.map((p) => p.spacingMs)],
      );
      return { at: latest.free, reserved: true };
    });
  }

  /** The platform asked us to wait: nobody under these keys goes before then. */
  async pushBack(paces: Pace[], until: Date): Promise<void> {
    for (const pace of paces) {
      await this.dataSource.query(
        `INSERT INTO rate_buckets (key, next_at) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET next_at = greatest(rate_buckets.next_at, $2)`,
        [pace.key, until],
      );
    }
  }
}
