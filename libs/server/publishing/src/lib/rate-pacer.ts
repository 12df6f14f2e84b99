import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { ChannelDescriptor } from '@vestnik/platforms/core';

/** One pacing rule: requests under `key` go out at least `spacingMs` apart. */
export interface Pace {
  key: string;
  spacingMs: number;
}

/**
 * The platforms' documented pace per token, bot and chat, with margin. VK: ~3 requests/s per user
 * token; Telegram: ~30 messages/s per bot and ~20/min per channel; OK documents no number, so one
 * request per 200 ms per token is our own cautious choice.
 */
export function pacesFor(channel: ChannelDescriptor, remoteTargetId: string, calls: number): Pace[] {
  const h = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 24);
  switch (channel.platform) {
    case 'vk':
      return [{ key: `vk:token:${h(channel.credentials.accessToken)}`, spacingMs: 350 * calls }];
    case 'ok':
      return [{ key: `ok:token:${h(channel.credentials.accessToken)}`, spacingMs: 200 * calls }];
    case 'telegram':
      return [
        { key: `telegram:bot:${h(channel.credentials.botToken)}`, spacingMs: 40 * calls },
        { key: `telegram:chat:${remoteTargetId}`, spacingMs: 3100 * calls },
      ];
  }
}

/**
 * Rate limits kept in PostgreSQL so that every replica sees the same pace. Reserving a slot moves
 * the key's next free moment forward atomically; a caller whose slot is later waits (by
 * rescheduling its publication) instead of hitting the platform's 429.
 */
@Injectable()
export class RatePacer {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Reserves one slot under every pace; answers when the request may go (now, or later). */
  async reserve(paces: Pace[]): Promise<Date> {
    let at = new Date(0);
    for (const pace of paces) {
      const rows: { slot: Date }[] = await this.dataSource.query(
        `INSERT INTO rate_buckets (key, next_at) VALUES ($1, now() + make_interval(secs => $2 / 1000.0))
         ON CONFLICT (key) DO UPDATE SET next_at = greatest(rate_buckets.next_at, now()) + make_interval(secs => $2 / 1000.0)
         RETURNING next_at - make_interval(secs => $2 / 1000.0) AS slot`,
        [pace.key, pace.spacingMs],
      );
      if (rows[0].slot > at) at = rows[0].slot;
    }
    return at;
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
