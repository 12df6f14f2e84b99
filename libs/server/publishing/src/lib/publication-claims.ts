import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AnyPlatformAdapter, canReconcile, PLATFORM_ADAPTERS } from '@vestnik/platforms/core';
import type { Platform } from '@vestnik/contracts';
import { claimPublications, expiredClaims, movePublications, nextDueAt, type ClaimedPublication, type ExpiredClaim, type MovableBy, type PublicationMove } from '@vestnik/server/posts';
import { VESTNIK_CONFIG, VestnikConfig } from '@vestnik/server/config';
import { DroppedOutcomeEvent, HeldEvents, PublishingEvents } from './publishing-events';
import { sameKeyRepeatIsSafe } from './retry-policy';

/** Where a claim stands: taken and not yet sent, or its request may be out. */
export type ClaimPhase = DroppedOutcomeEvent['phase'];

export type { ClaimedPublication };

/** A claim taken back after its lease ran out, and what became of its publication. */
export interface TakenBack extends Pick<ExpiredClaim, 'id' | 'post_id' | 'channel_id' | 'organization_id' | 'platform'> {
  /**
   * `due`: it never sent, due again; `resend`: sent, but a repeat with its key is safe; `unconfirmed`:
   * sent, a person checks; `reconcile`: sent, and the platform is asked first whether the post is
   * there; `look_again`: its lost answer is still to be looked up, by any worker.
   */
  next: 'due' | 'resend' | 'unconfirmed' | 'reconcile' | 'look_again';
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

/** The lifecycle transition that takes a claim back, by what becomes of its publication. */
const TAKEN_BACK_BY: Record<TakenBack['next'], MovableBy> = { due: 'lease_unsent', resend: 'lease_resend', unconfirmed: 'lease_lost', reconcile: 'lease_reconcile', look_again: 'lease_reconciliation' };

/** Expired claims taken back per look: a mass death is worked off over a few housekeeping rounds. */
const TAKE_BACK_BATCH = 500;
const LOST_REASON = 'Обработчик остановился во время отправки: неизвестно, вышла ли запись. Проверьте страницу.';
const RESEND_REASON = 'Обработчик остановился во время отправки: отправим ещё раз с тем же ключом, площадка не допустит второй записи.';
const RECONCILE_REASON = 'Обработчик остановился во время отправки: спрашиваем площадку, вышла ли запись.';

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
  /** Each configured platform's adapter. */
  private readonly adapters: Map<Platform, AnyPlatformAdapter>;
  /** The configured platforms that can be asked for a post whose answer was lost. */
  private readonly lookUps: Set<Platform>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(VESTNIK_CONFIG) private readonly config: VestnikConfig,
    @Inject(PLATFORM_ADAPTERS) adapters: AnyPlatformAdapter[],
    private readonly events: PublishingEvents,
  ) {
    this.adapters = new Map(adapters.map((a) => [a.platform, a]));
    this.lookUps = new Set(adapters.filter((a) => canReconcile(a)).map((a) => a.platform));
  }

  /** Claims up to `limit` due publications of active channels for this worker. */
  async claim(workerId: string, limit: number): Promise<ClaimedPublication[]> {
    return claimPublications(this.dataSource.manager, { worker: workerId, limit, leaseMs: this.config.publishing.leaseSeconds * 1000 });
  }

  /** Claims one scheduled publication to decide about it without sending (e.g. missed); null when someone else has it. */
  async claimForDecision(id: string, workerId: string): Promise<ClaimedPublication | null> {
    const [claimed] = await claimPublications(this.dataSource.manager, { worker: workerId, limit: 1, ids: [id], leaseMs: this.config.publishing.leaseSeconds * 1000 });
    return claimed ?? null;
  }

  /**
   * Takes back claims whose lease ran out (their worker died or hung), in `m`'s transaction. A claim
   * that never sent is simply due again. One that may have reached the platform counts as an
   * attempt; it goes again only where its adapter says a repeat with the same key is safe and the
   * key's first send is still inside that window; otherwise, where its adapter can look the post up,
   * the platform is asked first (reconciling, looked at at once), and only else it is unconfirmed and
   * waits for a person.
   * Taking back clears the phase and worker and bumps the token: the old worker's late writes match
   * nothing. The announcements are held in `held` until `m` commits.
   */
  async recoverExpired(m: EntityManager, held: HeldEvents): Promise<TakenBack[]> {
    const expired = await expiredClaims(m, TAKE_BACK_BATCH);
    const now = Date.now();
    const lookNow = new Date(now);
    const takenBack: TakenBack[] = expired.map(({ phase, attempts, first_sent_at, ...row }) => {
      if (phase === 'reconciling') return { ...row, next: 'look_again', reason: null };
      if (phase !== 'sending') return { ...row, next: 'due', reason: null };
      const resend = this.sameKeyRepeatIsSafe(row.platform, first_sent_at, attempts + 1, lookNow);
      if (resend) return { ...row, next: 'resend', reason: RESEND_REASON };
      return this.canLookUp(row.platform) ? { ...row, next: 'reconcile', reason: RECONCILE_REASON } : { ...row, next: 'unconfirmed', reason: LOST_REASON };
    });
    const changed = new Set<string>();
    for (const next of ['due', 'resend', 'unconfirmed', 'reconcile', 'look_again'] as const) {
      const moves: PublicationMove[] = takenBack
        .filter((t) => t.next === next)
        .map((t) => ({ id: t.id, reason: t.reason, code: t.reason ? 'worker_lost' : null, ...(next === 'reconcile' ? { nextAttemptAt: lookNow } : {}) }));
      // Under the rows' locks taken above; the lifecycle's guard (state, lease run out) says what they assume.
      for (const r of await movePublications(m, TAKEN_BACK_BY[next], moves)) changed.add(r.id);
    }
    const taken = takenBack.filter((t) => changed.has(t.id));
    for (const r of taken.filter((t) => t.next === 'resend')) {
      held.publication({ publicationId: r.id, postId: r.post_id, channelId: r.channel_id, organizationId: r.organization_id, platform: r.platform, status: 'scheduled', outcome: 'worker_lost', reason: r.reason ?? undefined });
    }
    return taken;
  }

  /** Hands claims back untouched, due at once (the worker is stopping); nothing for those no longer held by their claim. */
  async release(claims: readonly ClaimedPublication[]): Promise<void> {
    const at = new Date();
    const moved = new Set(
      (await movePublications(this.dataSource.manager, 'hand_back', claims.map((c) => ({ id: c.id, claim: { token: c.claim_token, worker: c.claimed_by }, nextAttemptAt: at })))).map((r) => r.id),
    );
    for (const c of claims) if (!moved.has(c.id)) await this.events.outcomeDropped(droppedWrite(c, 'claimed', 'hand-back'));
  }

  /** When the next publication not yet due falls due (null: none); an idle worker sleeps until then. */
  async nextDueAt(): Promise<Date | null> {
    return nextDueAt(this.dataSource.manager);
  }

  /** Whether the platform of `platform` can be asked for a post whose answer was lost, as its adapter declares. */
  canLookUp(platform: Platform): boolean {
    return this.lookUps.has(platform);
  }

  /**
   * Whether a publication of `platform` whose key first went out at `firstSentAt`, after `attempts`
   * attempts the last of which has an unknown outcome, may go again with the same key at `at`: its
   * adapter's window (`idempotentRetryWindowMs`) must still cover the repeat's answer, and attempts
   * remain (`PUBLISH_MAX_ATTEMPTS`). The repeat is checked against the window again at its send.
   */
  sameKeyRepeatIsSafe(platform: Platform, firstSentAt: Date | null, attempts: number, at: Date): boolean {
    const adapter = this.adapters.get(platform);
    if (!adapter) return false;
    const doneBy = new Date(at.getTime() + adapter.longestPublishMs(0));
    return sameKeyRepeatIsSafe({ windowMs: adapter.idempotentRetryWindowMs, firstSentAt, attempts, maxAttempts: this.config.publishing.maxAttempts, doneBy });
  }
}
