import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AnyPlatformAdapter, PLATFORM_ADAPTERS } from '@vestnik/platforms/core';
import { VESTNIK_CONFIG, VestnikConfig } from '@vestnik/server/config';
import { sameKeyRepeatIsSafe } from './retry-policy';

export interface ClaimedPublication {
  id: string;
  post_id: string;
  channel_id: string;
  platform: 'vk' | 'ok' | 'telegram';
  attempts: number;
  scheduled_at: Date;
  /** When the claim runs out (set by `claim`): after it, another worker may take the publication over. */
  lease_until?: Date;
  /** Names this claim in every write made for it; another claim of the same publication has another. */
  claim_token: number;
}

/** Where a claim stands: taken and not yet sent, or its request may be out. */
export type ClaimPhase = 'claimed' | 'sending';

interface ExpiredRow {
  id: string;
  post_id: string;
  channel_id: string;
  organization_id: string;
  platform: ClaimedPublication['platform'];
  phase: ClaimPhase | null;
  attempts: number;
  first_sent_at: Date | null;
}

/** A claim taken back after its lease ran out, and what became of its publication. */
export interface TakenBack extends Pick<ExpiredRow, 'id' | 'post_id' | 'channel_id' | 'organization_id' | 'platform'> {
  /** `due`: it never sent, due again; `resend`: sent, but a repeat with its key is safe; `unconfirmed`: sent, a person checks. */
  next: 'due' | 'resend' | 'unconfirmed';
  /** Why, for a publication that may have gone out. */
  reason: string | null;
}

const logger = new Logger('Publishing');

/** A write made for a claim that no longer holds its publication changed nothing: said, never thrown. */
export function fencedOut(claim: ClaimedPublication, phase: ClaimPhase, dropped: string): void {
  logger.warn(`publication ${claim.id}: ${dropped} dropped, its claim (${phase}, token ${claim.claim_token}) was taken back meanwhile`);
}

/** Expired claims taken back per look: a mass death is worked off over a few housekeeping rounds. */
const TAKE_BACK_BATCH = 500;
const LOST_REASON = 'Обработчик остановился во время отправки: неизвестно, вышла ли запись. Проверьте страницу.';
const RESEND_REASON = 'Обработчик остановился во время отправки: отправим ещё раз с тем же ключом, площадка не допустит второй записи.';

/**
 * Who works on which publication, kept in PostgreSQL: due publications are claimed with
 * `FOR UPDATE SKIP LOCKED` and a lease, so any number of workers share the work without doing
 * it twice, and a dead worker's claims are taken over once its lease runs out. Every claim bumps
 * `claim_token`; every write made for a claim names its token and phase, so a worker whose claim
 * was taken back (or claimed again, even by itself) can no longer change the publication.
 */
@Injectable()
export class PublicationClaims {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(VESTNIK_CONFIG) private readonly config: VestnikConfig,
    @Inject(PLATFORM_ADAPTERS) private readonly adapters: AnyPlatformAdapter[],
  ) {}

  /** Claims up to `limit` due publications of active channels for this worker. */
  async claim(workerId: string, limit: number): Promise<ClaimedPublication[]> {
    // TypeORM answers an UPDATE with [rows, count].
    const [rows] = await this.dataSource.query(
      `WITH due AS (
         SELECT pub.id FROM publications pub
           JOIN channels c ON c.id = pub.channel_id
          WHERE pub.status = 'scheduled' AND pub.next_attempt_at <= now()
            AND c.state <> 'needs_attention'
          ORDER BY pub.next_attempt_at
          LIMIT $2
          FOR UPDATE OF pub SKIP LOCKED)
       UPDATE publications p SET status = 'publishing', phase = 'claimed', claimed_by = $1, claim_token = p.claim_token + 1,
              lease_until = now() + make_interval(secs => $3), updated_at = now()
         FROM due, posts post
        WHERE p.id = due.id AND post.id = p.post_id
       RETURNING p.id, p.post_id, p.channel_id, p.platform, p.attempts, post.scheduled_at, p.lease_until, p.claim_token`,
      [workerId, limit, this.config.publishing.leaseSeconds],
    );
    return rows as ClaimedPublication[];
  }

  /** Claims one scheduled publication to decide about it without sending (e.g. missed); null when someone else has it. */
  async claimForDecision(id: string, workerId: string): Promise<ClaimedPublication | null> {
    const [rows] = await this.dataSource.query(
      `UPDATE publications p SET status = 'publishing', phase = 'claimed', claimed_by = $2, claim_token = p.claim_token + 1,
              lease_until = now() + make_interval(secs => $3), updated_at = now()
         FROM posts post
        WHERE p.id = $1 AND p.status = 'scheduled' AND post.id = p.post_id
       RETURNING p.id, p.post_id, p.channel_id, p.platform, p.attempts, post.scheduled_at, p.lease_until, p.claim_token`,
      [id, workerId, this.config.publishing.leaseSeconds],
    );
    return (rows as ClaimedPublication[])[0] ?? null;
  }

  /**
   * Takes back claims whose lease ran out (their worker died or hung), in `m`'s transaction. A claim
   * that never sent is simply due again. One that may have reached the platform counts as an
   * attempt; it goes again only where its adapter says a repeat with the same key is safe and the
   * key's first send is still inside that window; otherwise it is unconfirmed and waits for a person.
   */
  async recoverExpired(m: EntityManager): Promise<TakenBack[]> {
    const expired: ExpiredRow[] = await m.query(
      `SELECT pub.id, pub.post_id, pub.channel_id, p.organization_id, pub.platform, pub.phase, pub.attempts, pub.first_sent_at
         FROM publications pub JOIN posts p ON p.id = pub.post_id
        WHERE pub.status = 'publishing' AND pub.lease_until < now()
        ORDER BY pub.lease_until LIMIT $1 FOR UPDATE OF pub SKIP LOCKED`,
      [TAKE_BACK_BATCH],
    );
    const now = Date.now();
    const takenBack: TakenBack[] = expired.map(({ phase, attempts, first_sent_at, ...row }) => {
      if (phase !== 'sending') return { ...row, next: 'due', reason: null };
      const resend = sameKeyRepeatIsSafe({ windowMs: this.repeatWindowMs(row.platform), firstSentAt: first_sent_at, attempts: attempts + 1 }, now);
      return resend ? { ...row, next: 'resend', reason: RESEND_REASON } : { ...row, next: 'unconfirmed', reason: LOST_REASON };
    });
    const ids = (next: TakenBack['next']) => takenBack.filter((t) => t.next === next).map((t) => t.id);
    const free = `phase = NULL, claimed_by = NULL, lease_until = NULL, updated_at = now()`;
    if (ids('due').length) await m.query(`UPDATE publications SET status = 'scheduled', next_attempt_at = now(), ${free} WHERE id = ANY($1)`, [ids('due')]);
    if (ids('resend').length) {
      await m.query(`UPDATE publications SET status = 'scheduled', next_attempt_at = now(), attempts = attempts + 1, last_error = $2, last_error_code = 'worker_lost', ${free} WHERE id = ANY($1)`, [
        ids('resend'),
        RESEND_REASON,
      ]);
    }
    if (ids('unconfirmed').length) {
      await m.query(`UPDATE publications SET status = 'unconfirmed', attempts = attempts + 1, last_error = $2, last_error_code = 'worker_lost', ${free} WHERE id = ANY($1)`, [
        ids('unconfirmed'),
        LOST_REASON,
      ]);
    }
    return takenBack;
  }

  /** Hands a claim back untouched (e.g. waiting for a rate-limit slot); nothing when it is no longer this claim. */
  async release(claim: ClaimedPublication, at: Date): Promise<void> {
    const [rows] = await this.dataSource.query(
      `UPDATE publications SET status = 'scheduled', phase = NULL, claimed_by = NULL, lease_until = NULL, next_attempt_at = $3, updated_at = now()
        WHERE id = $1 AND claim_token = $2 AND phase = 'claimed' RETURNING id`,
      [claim.id, claim.claim_token, at],
    );
    if ((rows as unknown[]).length === 0) fencedOut(claim, 'claimed', 'hand-back');
  }

  /** How long the platform of `platform` deduplicates a repeat with the same key, as its adapter declares. */
  repeatWindowMs(platform: string): number | null {
    return this.adapters.find((a) => a.platform === platform)?.idempotentRetryWindowMs ?? null;
  }
}
