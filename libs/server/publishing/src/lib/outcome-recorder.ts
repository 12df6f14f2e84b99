import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PUBLICATION_TRANSITIONS } from '@vestnik/contracts';
import { VESTNIK_CONFIG, VestnikConfig } from '@vestnik/server/config';
import type { Pace, PublishOutcome } from '@vestnik/platforms/core';
import { AuditLog } from '@vestnik/server/audit';
import { movePublications, organizationOfPost, summarisePosts, type PublicationMove } from '@vestnik/server/posts';
import { ChannelToSend, PublishingChannels } from './publishing-channels';
import { ClaimedPublication, droppedWrite, PublicationClaims, TakenBack } from './publication-claims';
import { DroppedOutcomeEvent, EventfulTransaction, PublicationEvent, PublishingEvents } from './publishing-events';
import { RatePacer } from './rate-pacer';
import { RECONCILE_FIRST_LOOK_MS } from './reconciler';
import { backoffSeconds } from './retry-policy';

const SYSTEM = { user: null, ip: null };

/** A claim in `sending`: its request may be out. */
export interface SendingClaim extends ClaimedPublication {
  /** When its earliest send that may have reached the platform went out: this one, or an earlier one. */
  first_sent_at: Date;
}

/** One attempt's answer, as the worker hands it over to be recorded. */
export interface Answer {
  claim: SendingClaim;
  /** The post's organization, for the audit row and the event. */
  organizationId: string;
  /** The channel the call was made with (its credentials' version tells a stale token from a renewed one). */
  channel: ChannelToSend;
  outcome: PublishOutcome;
  /** The paces the call was made under: a rate limit pushes them back. */
  paces: Pace[];
}

/** What the engine decides without calling the platform: lifecycle transitions from a claim not sent yet. */
export const ENGINE_DECISIONS = ['fail_unsent', 'cancel_unsent', 'changed_unsent', 'miss', 'key_lapsed'] as const;
export type EngineDecision = (typeof ENGINE_DECISIONS)[number];

/** A decision about one claim not sent yet, with the organization of its post ('' when the post is gone). */
export interface Decided {
  claim: ClaimedPublication;
  decision: EngineDecision;
  code: string;
  reason: string;
  organizationId: string;
}

/** The transitions an answer may take, in the order a group writes them. */
const ANSWERED_BY = ['publish', 'fail', 'unconfirm', 'retry', 'resend', 'reconcile'] as const;
type AnsweredBy = (typeof ANSWERED_BY)[number];

/** An answer turned into its transition, and what follows when the transition applies (or not). */
interface Planned {
  name: AnsweredBy;
  move: PublicationMove;
  /** Announced once committed (settled, or due again); none for a lost answer to be looked up. */
  event: PublicationEvent | null;
  /** Its audit row, for an answer that settles the publication. */
  audit: { action: string; after: Record<string, unknown> } | null;
  /** Said and counted when the claim no longer held the publication. */
  dropped: DroppedOutcomeEvent;
  /** The platform asked us to wait until then, under the call's paces. */
  pushBack: { paces: Pace[]; until: Date } | null;
}

/** A publication settled: its event, announced once its transaction commits, and its audit row. */
interface Settled {
  event: PublicationEvent;
  audit: string;
  after: Record<string, unknown>;
}

/**
 * Turns attempts' outcomes into the publications' next states, a group of answers in one
 * transaction with their audit rows (one insert) and their posts summed up once; the events go out
 * only once that transaction has committed. Every write names the claim's token, phase and worker
 * inside its UPDATE: a row the UPDATE does not answer was taken back meanwhile, and its outcome is
 * dropped, said and counted (`PublishingEvents.outcomeDropped`), with no audit row, no post summary
 * and no event; the others in the group are recorded as if alone. Never thrown for a late write.
 *
 * A late "published" after the claim was taken back as unconfirmed is dropped too, though the post is
 * out: the row then waits for a person, who may be deciding on it already, and only the claim that
 * holds a publication writes to it. The warning names the URL, for whoever checks the page.
 */
@Injectable()
export class OutcomeRecorder {
  private readonly logger = new Logger('Publishing');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(VESTNIK_CONFIG) private readonly config: VestnikConfig,
    private readonly audit: AuditLog,
    private readonly events: PublishingEvents,
    private readonly pacer: RatePacer,
    private readonly channels: PublishingChannels,
    private readonly claims: PublicationClaims,
  ) {}

  /**
   * Records a group of answers in one transaction. An expired credential (rare: a renewal or a page
   * for a person) is recorded on its own first, outside the group.
   */
  async recordMany(answers: readonly Answer[]): Promise<void> {
    for (const a of answers.filter((x) => x.outcome.status === 'auth_expired')) await this.authExpired(a);
    const planned = answers.filter((x) => x.outcome.status !== 'auth_expired').map((a) => this.plan(a));
    if (planned.length === 0) return;
    try {
      await this.recordPlanned(planned);
    } catch (e) {
      // The group's transaction rolled back whole (a deadlock, a lost connection): every write is fenced, so once more is safe.
      this.logger.warn(`recording ${planned.length} answers failed, once more: ${e instanceof Error ? e.message : String(e)}`);
      await this.recordPlanned(planned);
    }
  }

  private async recordPlanned(planned: readonly Planned[]): Promise<void> {
    await this.events.afterCommit(this.dataSource, async (tx) => {
      const moved = new Set<string>();
      for (const name of ANSWERED_BY) {
        const moves = planned.filter((p) => p.name === name).map((p) => p.move);
        for (const r of await movePublications(tx.m, name, moves)) moved.add(r.id);
      }
      const kept = planned.filter((p) => moved.has(p.move.id));
      for (const p of planned) if (!moved.has(p.move.id)) tx.held.outcomeDropped(p.dropped);
      // Rows locked in one order by every writer: publications (above), posts (the summary), then the paces.
      await this.settled(
        tx,
        kept.flatMap((p) => (p.audit && p.event ? [{ event: p.event, audit: p.audit.action, after: p.audit.after }] : [])),
      );
      for (const p of kept) if (p.event && !p.audit) tx.held.publication(p.event);
      await this.pacer.pushBackMany(tx.m, planned.flatMap((p) => (p.pushBack ? [p.pushBack] : [])));
    });
  }

  /** One answer: the group of one. */
  async record(answer: Answer): Promise<void> {
    await this.recordMany([answer]);
  }

  /**
   * Decisions the engine takes for claims not sent yet, without calling the platform (cancelled,
   * missed, changed, gone, a lapsed key), in the caller's transaction: their events are held until it commits.
   */
  async engineDecisions(tx: EventfulTransaction, decided: readonly Decided[]): Promise<void> {
    if (decided.length === 0) return;
    const moved = new Set<string>();
    for (const name of ENGINE_DECISIONS) {
      const moves = decided.filter((d) => d.decision === name).map((d) => ({ id: d.claim.id, claim: fence(d.claim), reason: d.reason, code: d.code }));
      for (const r of await movePublications(tx.m, name, moves)) moved.add(r.id);
    }
    const settled: Settled[] = [];
    for (const d of decided) {
      const status = PUBLICATION_TRANSITIONS[d.decision].to;
      if (!moved.has(d.claim.id)) {
        tx.held.outcomeDropped(droppedWrite(d.claim, 'claimed', 'decision', { status, outcome: d.code }));
        continue;
      }
      settled.push({
        event: { ...event(d.claim, d.organizationId), status, outcome: d.code, reason: d.reason },
        audit: PUBLICATION_TRANSITIONS[d.decision].audit,
        after: { code: d.code, reason: d.reason },
      });
    }
    await this.settled(tx, settled);
  }

  /** One decision for a claim not sent yet (the missed sweep), in its own transaction. */
  async engineDecision(claim: ClaimedPublication, decision: EngineDecision, code: string, reason: string): Promise<void> {
    await this.events.afterCommit(this.dataSource, async (tx) => {
      const organizationId = (await organizationOfPost(tx.m, claim.post_id)) ?? '';
      await this.engineDecisions(tx, [{ claim, decision, code, reason, organizationId }]);
    });
  }

  /**
   * Takes back claims whose lease ran out (see `PublicationClaims.recoverExpired`). One lost while
   * sending that may not go again is settled like an unconfirmed answer: audited, its post summed
   * up, announced; one that goes again is announced as rescheduled. Announced once committed.
   */
  async recoverExpired(): Promise<TakenBack[]> {
    return this.events.afterCommit(this.dataSource, async (tx) => {
      const rows = await this.claims.recoverExpired(tx.m, tx.held);
      const lost = rows.filter((r) => r.next === 'unconfirmed');
      const code = 'worker_lost';
      await this.settled(
        tx,
        lost.map((r) => ({
          event: { publicationId: r.id, postId: r.post_id, channelId: r.channel_id, organizationId: r.organization_id, platform: r.platform, status: 'unconfirmed', outcome: code, reason: r.reason ?? undefined },
          audit: PUBLICATION_TRANSITIONS.lease_lost.audit,
          after: { channelId: r.channel_id, platform: r.platform, reason: r.reason, code },
        })),
      );
      return rows;
    });
  }

  /** Pure but for the clock: which transition an answer takes, with what, and what it announces. */
  private plan({ claim, organizationId, outcome, paces }: Answer): Planned {
    const attempts = claim.attempts + 1;
    const base = event(claim, organizationId);
    const settle = (name: 'publish' | 'fail' | 'unconfirm', result: string, detail: { remoteId?: string; url?: string; reason?: string; code?: string }, latenessSeconds?: number): Planned => {
      const status = PUBLICATION_TRANSITIONS[name].to;
      return {
        name,
        // The remote id and URL commit in the same statement that marks it published.
        move: { id: claim.id, claim: fence(claim), remoteId: detail.remoteId, url: detail.url, reason: detail.reason ?? null, code: detail.code ?? (name === 'publish' ? null : result) },
        event: { ...base, status, outcome: result, errorCode: detail.code, reason: detail.reason, latenessSeconds },
        audit: { action: PUBLICATION_TRANSITIONS[name].audit, after: { channelId: claim.channel_id, platform: claim.platform, remoteId: detail.remoteId, url: detail.url, reason: detail.reason, code: detail.code } },
        // A late "published" names what went out, so a person checking the page can find it.
        dropped: droppedWrite(claim, 'sending', 'outcome', { status, outcome: result, url: detail.url }),
        pushBack: null,
      };
    };
    const again = (at: Date, result: string, code: string | undefined, reason: string, pushBack: Planned['pushBack'] = null, name: 'retry' | 'resend' = 'retry'): Planned => ({
      name,
      move: { id: claim.id, claim: fence(claim), nextAttemptAt: at, reason, code: code ?? result },
      event: { ...base, status: 'scheduled', outcome: result, errorCode: code, reason },
      audit: null,
      dropped: droppedWrite(claim, 'sending', 'retry', { status: 'scheduled', outcome: result }),
      pushBack,
    });
    switch (outcome.status) {
      case 'published':
        return settle('publish', 'published', { remoteId: outcome.remoteId, url: outcome.url, reason: outcome.note }, (Date.now() - claim.planned_at.getTime()) / 1000);
      case 'rate_limited': {
        const until = new Date(Date.now() + Math.max(1, outcome.retryAfterSeconds) * 1000);
        return again(until, outcome.status, outcome.platformCode, outcome.reason, { paces, until });
      }
      case 'transient':
        if (attempts >= this.config.publishing.maxAttempts) return settle('fail', 'transient', { reason: `Площадка недоступна после ${attempts} попыток: ${outcome.reason}` });
        return again(new Date(Date.now() + backoffSeconds(attempts) * 1000), outcome.status, undefined, outcome.reason);
      case 'rejected':
        return settle('fail', 'rejected', { reason: outcome.reason, code: outcome.code });
      case 'unconfirmed': {
        const at = new Date(Date.now() + backoffSeconds(attempts) * 1000);
        if (outcome.retrySafe && this.claims.sameKeyRepeatIsSafe(claim.platform, claim.first_sent_at, attempts, at)) return again(at, outcome.status, undefined, outcome.reason, null, 'resend');
        if (this.claims.canLookUp(claim.platform)) {
          // The Reconciler looks the post up, after the request had time to land; dropped like the "unconfirmed" it stands for.
          return {
            name: 'reconcile',
            move: { id: claim.id, claim: fence(claim), nextAttemptAt: new Date(Date.now() + RECONCILE_FIRST_LOOK_MS), reason: outcome.reason, code: 'unconfirmed' },
            event: null,
            audit: null,
            dropped: droppedWrite(claim, 'sending', 'outcome', { status: 'unconfirmed', outcome: 'unconfirmed' }),
            pushBack: null,
          };
        }
        return settle('unconfirm', 'unconfirmed', { reason: `${outcome.reason}. Проверьте страницу: запись могла выйти` });
      }
      case 'auth_expired':
        throw new Error('an expired credential is recorded on its own');
    }
  }

  /** The credential expired: renewed where the platform allows (and tried again at once), else the page waits for a person. */
  private async authExpired(answer: Answer): Promise<void> {
    const { claim, channel, outcome, organizationId } = answer;
    if (outcome.status !== 'auth_expired') return;
    if (outcome.refreshable) {
      // `channel` is what the call was made with: its credentials' version tells a stale token from a renewed one.
      const refreshed = await this.channels.refreshCredentials(channel.id, channel.credentialsVersion);
      if (refreshed.ok) return this.again(claim, organizationId, new Date(), 'auth_refreshed', outcome.platformCode, 'Токен обновлён, повторяем');
      await this.needsAttention(channel, refreshed.reason);
    } else {
      await this.needsAttention(channel, outcome.reason);
    }
    // Held until someone reconnects the page; past the missed window it becomes missed.
    await this.again(claim, organizationId, new Date(), outcome.status, outcome.platformCode, outcome.reason);
  }

  /** Back to the queue for another attempt at `at` (one row, its own statement). */
  private async again(claim: SendingClaim, organizationId: string, at: Date, outcome: string, code: string | undefined, reason: string): Promise<void> {
    const moved = await movePublications(this.dataSource.manager, 'retry', [{ id: claim.id, claim: fence(claim), nextAttemptAt: at, reason, code: code ?? outcome }]);
    if (moved.length === 0) return this.events.outcomeDropped(droppedWrite(claim, 'sending', 'retry', { status: 'scheduled', outcome }));
    await this.events.publication({ ...event(claim, organizationId), status: 'scheduled', outcome, errorCode: code, reason });
  }

  /**
   * Settled publications, in their transaction: their audit rows in one insert, their posts summed up
   * once, their events held until it commits. Every way a publication settles (an answer, a
   * decision, a lost lease) ends here.
   */
  private async settled({ m, held }: EventfulTransaction, rows: Settled[]): Promise<void> {
    if (rows.length === 0) return;
    await this.audit.recordMany(
      rows.map(({ event: e, audit, after }) => ({ actor: SYSTEM, organizationId: e.organizationId || null, action: audit, targetType: 'publication', targetId: e.publicationId, after })),
      m,
    );
    await summarisePosts(m, rows.map((r) => r.event.postId));
    for (const r of rows) held.publication(r.event);
  }

  /** The page's state and its audit row commit together; the alert goes out after. */
  private async needsAttention(channel: ChannelToSend, reason: string): Promise<void> {
    await this.events.afterCommit(this.dataSource, async ({ m, held }) => {
      if (!(await this.channels.markNeedsAttention(m, channel.id, reason))) return;
      this.logger.warn(`channel ${channel.id} needs attention: ${reason}`);
      await this.audit.record({ actor: SYSTEM, organizationId: channel.organizationId, action: 'channel.needs_attention', targetType: 'channel', targetId: channel.id, after: { reason } }, m);
      held.channelNeedsAttention({ channelId: channel.id, organizationId: channel.organizationId, reason });
    });
  }
}

/** The claim a write is made for, as the lifecycle fences it. */
function fence(claim: ClaimedPublication): { token: number; worker: string } {
  return { token: claim.claim_token, worker: claim.claimed_by };
}

/** What every event of a claimed publication names. */
function event(claim: ClaimedPublication, organizationId: string): Pick<PublicationEvent, 'publicationId' | 'postId' | 'channelId' | 'organizationId' | 'platform'> {
  return { publicationId: claim.id, postId: claim.post_id, channelId: claim.channel_id, organizationId, platform: claim.platform };
}

