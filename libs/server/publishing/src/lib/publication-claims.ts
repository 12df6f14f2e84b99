import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AnyPlatformAdapter, PLATFORM_ADAPTERS } from '@vestnik/platforms/core';
import type { Platform } from '@vestnik/contracts';
import { VESTNIK_CONFIG, VestnikConfig } from '@vestnik/server/config';
import { DroppedOutcomeEvent, HeldEvents, PublishingEvents } from './publishing-events';
import { sameKeyRepeatIsSafe } from './retry-policy';

export interface ClaimedPublication {
  id: string;
  post_id: string;
  channel_id: string;
  platform: Platform;
  attempts: number;
  /** When it was meant to go out: the post's time, or a person's "publish again" if later. Lateness counts from here. */
  planned_at: Date;
  /** When the claim runs out (set by `claim`): after it, another worker may take the publication over. */
  lease_until?: Date;
  /** Names this claim in every write made for it; another claim of the same publication has another. */
  claim_token: number;
  /** The worker holding the claim; every write made for it names the worker too. */
  claimed_by: string;
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

/**
 * The WHERE of every write made for a claim, with the claim's token, phase and worker as parameters
 * `$t`, `$p`, `$w`: after the claim was taken back (which clears the phase and worker and bumps the
 * token) or claimed again, none of the three matches.
 */
export const HELD_BY_CLAIM = (t: number, p: number, w: number) => `claim_token = $${t} AND phase = $${p} AND claimed_by = $${w}`;

/** What a write made for a claim that no longer holds its publication reports: it changed nothing. */
export function droppedWrite(claim: ClaimedPublication, phase: ClaimPhase, write: DroppedOutcomeEvent['write'], detail: Pick<DroppedOutcomeEvent, 'status' | 'outcome' | 'url'> = {}): DroppedOutcomeEvent {
  return { publicationId: claim.id, postId: claim.post_id, channelId: claim.channel_id, platform: claim.platform, phase, claimToken: claim.claim_token, write, ...detail };
}

/** When a publication was meant to go out (`p` the publication, `post` its post): the later of the post's time and a republish. */
const PLANNED_AT = `greatest(post.scheduled_at, coalesce(p.requeued_at, post.scheduled_at))`;
const CLAIM_COLUMNS = `p.id, p.post_id, p.channel_id, p.platform, p.attempts, ${PLANNED_AT} AS planned_at, p.lease_until, p.claim_token, p.claimed_by`;

/** Expired claims taken back per look: a mass death is worked off over a few housekeeping rounds. */
const TAKE_BACK_BATCH = 500;
const LOST_REASON = 'Обработчик остановился во время отправки: неизвестно, вышла ли запись. Проверьте страницу.';
const RESEND_REASON = 'Обработчик остановился во время отправки: отправим ещё раз с тем же ключом, площадка не допустит второй записи.';

/**
 * Who works on which publication, kept in PostgreSQL: due publications are claimed with
 * `FOR UPDATE SKIP LOCKED` and a lease, so any number of workers share the work without doing
 * it twice, and a dead worker's claims are taken over once its lease runs out. Every claim bumps
 * `claim_token`; every write made for a claim names its token, phase and worker, and taking a claim
 * back bumps the token as well, so a worker whose claim was taken back (or claimed again, even by
 * itself) can no longer change the publication.
 */
@Injectable()
export class PublicationClaims {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(VESTNIK_CONFIG) private readonly config: VestnikConfig,
    @Inject(PLATFORM_ADAPTERS) private readonly adapters: AnyPlatformAdapter[],
    private readonly events: PublishingEvents,
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
       RETURNING ${CLAIM_COLUMNS}`,
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
       RETURNING ${CLAIM_COLUMNS}`,
      [id, workerId, this.config.publishing.leaseSeconds],
    );
    return (rows as ClaimedPublication[])[0] ?? null;
  }

  /**
   * Takes back claims whose lease ran out (their worker died or hung), in `m`'s transaction. A claim
   * that never sent is simply due again. One that may have reached the platform counts as an
   * attempt; it goes again only where its adapter says a repeat with the same key is safe and the
   * key's first send is still inside that window; otherwise it is unconfirmed and waits for a person.
   * Taking back clears the phase and worker and bumps the token: the old worker's late writes match
   * nothing. The announcements are held in `held` until `m` commits.
   */
  async recoverExpired(m: EntityManager, held: HeldEvents): Promise<TakenBack[]> {
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
    // Under the rows' locks taken above; the guard only makes the statements say what they assume.
    const free = `phase = NULL, claimed_by = NULL, lease_until = NULL, claim_token = claim_token + 1, updated_at = now()`;
    const expiredOnly = `id = ANY($1) AND status = 'publishing' AND lease_until < now()`;
    const changed = new Set<string>();
    const take = async (sql: string, params: unknown[]) => {
      const [rows] = await m.query(sql, params);
      for (const r of rows as { id: string }[]) changed.add(r.id);
    };
    if (ids('due').length) await take(`UPDATE publications SET status = 'scheduled', next_attempt_at = now(), ${free} WHERE ${expiredOnly} RETURNING id`, [ids('due')]);
    if (ids('resend').length) {
      await take(`UPDATE publications SET status = 'scheduled', next_attempt_at = now(), attempts = attempts + 1, last_error = $2, last_error_code = 'worker_lost', ${free} WHERE ${expiredOnly} RETURNING id`, [
        ids('resend'),
        RESEND_REASON,
      ]);
    }
    if (ids('unconfirmed').length) {
      await take(`UPDATE publications SET status = 'unconfirmed', attempts = attempts + 1, last_error = $2, last_error_code = 'worker_lost', ${free} WHERE ${expiredOnly} RETURNING id`, [
        ids('unconfirmed'),
        LOST_REASON,
      ]);
    }
    const taken = takenBack.filter((t) => changed.has(t.id));
    for (const r of taken.filter((t) => t.next !== 'due')) {
      const status = r.next === 'unconfirmed' ? 'unconfirmed' : 'scheduled';
      held.publication({ publicationId: r.id, postId: r.post_id, channelId: r.channel_id, organizationId: r.organization_id, platform: r.platform, status, outcome: 'worker_lost', reason: r.reason ?? undefined });
    }
    return taken;
  }

  /** Hands a claim back untouched (e.g. waiting for a rate-limit slot); nothing when it is no longer this claim. */
  async release(claim: ClaimedPublication, at: Date): Promise<void> {
    const [rows] = await this.dataSource.query(
      `UPDATE publications SET status = 'scheduled', phase = NULL, claimed_by = NULL, lease_until = NULL, next_attempt_at = $2, updated_at = now()
        WHERE id = $1 AND ${HELD_BY_CLAIM(3, 4, 5)} RETURNING id`,
      [claim.id, at, claim.claim_token, 'claimed', claim.claimed_by],
    );
    if ((rows as unknown[]).length === 0) await this.events.outcomeDropped(droppedWrite(claim, 'claimed', 'hand-back'));
  }

  /** How long the platform of `platform` deduplicates a repeat with the same key, as its adapter declares. */
  repeatWindowMs(platform: string): number | null {
    return this.adapters.find((a) => a.platform === platform)?.idempotentRetryWindowMs ?? null;
  }
}
