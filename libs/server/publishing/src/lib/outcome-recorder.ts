import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PUBLICATION_TRANSITIONS } from '@vestnik/contracts';
import { VESTNIK_CONFIG, VestnikConfig } from '@vestnik/server/config';
import type { Pace, PublishOutcome } from '@vestnik/platforms/core';
import { AuditLog } from '@vestnik/server/audit';
import { movePublications, organizationOfPost, summarisePosts, type PostEntity, type PublicationMove } from '@vestnik/server/posts';
import { ChannelToSend, PublishingChannels } from './publishing-channels';
import { ClaimedPublication, droppedWrite, PublicationClaims, TakenBack } from './publication-claims';
import { EventfulTransaction, PublicationEvent, PublishingEvents } from './publishing-events';
import { RatePacer } from './rate-pacer';
import { RECONCILE_FIRST_LOOK_MS } from './reconciler';
import { backoffSeconds, sameKeyRepeatIsSafe } from './retry-policy';

const SYSTEM = { user: null, ip: null };

/** A claim in `sending`: its request may be out. */
export interface SendingClaim extends ClaimedPublication {
  /** When the publication's idempotency key first went out (its first send ever). */
  first_sent_at: Date;
}

/** What the engine decides without calling the platform: lifecycle transitions from a claim not sent yet. */
export type EngineDecision = 'fail_unsent' | 'cancel_unsent' | 'changed_unsent' | 'miss';

/** How an attempt's answer settles a publication. */
type Settling = 'publish' | 'fail' | 'unconfirm';

/** A publication settled: its event, announced once its transaction commits, and its audit row. */
interface Settled {
  event: PublicationEvent;
  audit: string;
  after: Record<string, unknown>;
}

/**
 * Turns one attempt's outcome into the publication's next state, in one transaction with its audit
 * row; its event goes out only once that transaction has committed. Every write names the claim's
 * token, phase and worker: when the claim was taken back meanwhile, the outcome is dropped, said and
 * counted (`PublishingEvents.outcomeDropped`), with no audit row, no post summary and no event; never thrown.
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

  async record(claim: SendingClaim, post: PostEntity, channel: ChannelToSend, outcome: PublishOutcome, paces: Pace[]): Promise<void> {
    const attempts = claim.attempts + 1;
    switch (outcome.status) {
      case 'published': {
        const plannedAt = claim.planned_at.getTime();
        await this.finish(claim, post, 'publish', 'published', { remoteId: outcome.remoteId, url: outcome.url, reason: outcome.note }, (Date.now() - plannedAt) / 1000);
        return;
      }
      case 'rate_limited': {
        const until = new Date(Date.now() + Math.max(1, outcome.retryAfterSeconds) * 1000);
        await this.pacer.pushBack(paces, until);
        await this.again(claim, post, until, outcome.status, outcome.platformCode, outcome.reason);
        return;
      }
      case 'transient': {
        if (attempts >= this.config.publishing.maxAttempts) {
          await this.finish(claim, post, 'fail', 'transient', { reason: `Площадка недоступна после ${attempts} попыток: ${outcome.reason}` });
        } else {
          await this.again(claim, post, new Date(Date.now() + backoffSeconds(attempts) * 1000), outcome.status, undefined, outcome.reason);
        }
        return;
      }
      case 'auth_expired': {
        if (outcome.refreshable) {
          // `channel` is what the call was made with: its credentials' version tells a stale token from a renewed one.
          const refreshed = await this.channels.refreshCredentials(channel.id, channel.credentialsVersion);
          if (refreshed.ok) {
            await this.again(claim, post, new Date(), 'auth_refreshed', outcome.platformCode, 'Токен обновлён, повторяем');
            return;
          }
          await this.needsAttention(channel, refreshed.reason);
        } else {
          await this.needsAttention(channel, outcome.reason);
        }
        // Held until someone reconnects the page; past the missed window it becomes missed.
        await this.again(claim, post, new Date(), outcome.status, outcome.platformCode, outcome.reason);
        return;
      }
      case 'rejected':
        await this.finish(claim, post, 'fail', 'rejected', { reason: outcome.reason, code: outcome.code });
        return;
      case 'unconfirmed':
        if (outcome.retrySafe && sameKeyRepeatIsSafe({ windowMs: this.claims.repeatWindowMs(claim.platform), firstSentAt: claim.first_sent_at, attempts })) {
          await this.again(claim, post, new Date(Date.now() + backoffSeconds(attempts) * 1000), outcome.status, undefined, outcome.reason);
        } else if (this.claims.canLookUp(claim.platform)) {
          await this.lookUpLater(claim, outcome.reason);
        } else {
          await this.finish(claim, post, 'unconfirm', 'unconfirmed', { reason: `${outcome.reason}. Проверьте страницу: запись могла выйти` });
        }
        return;
    }
  }

  /**
   * A decision the engine takes for a claim not sent yet, without calling the platform (cancelled,
   * missed, changed). Inside the caller's transaction `tx` when given: its event is then held until that commits.
   */
  async engineDecision(claim: ClaimedPublication, decision: EngineDecision, code: string, reason: string, tx?: EventfulTransaction): Promise<void> {
    const status = PUBLICATION_TRANSITIONS[decision].to;
    const run = async ({ m, held }: EventfulTransaction): Promise<void> => {
      const moved = await movePublications(m, decision, [{ id: claim.id, claim: fence(claim), reason, code }]);
      if (moved.length === 0) return held.outcomeDropped(droppedWrite(claim, 'claimed', 'decision', { status, outcome: code }));
      const organizationId = (await organizationOfPost(m, claim.post_id)) ?? '';
      await this.settled({ m, held }, [
        { event: { ...event(claim, organizationId), status, outcome: code, reason }, audit: PUBLICATION_TRANSITIONS[decision].audit, after: { code, reason } },
      ]);
    };
    if (tx) return run(tx);
    await this.events.afterCommit(this.dataSource, run);
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

  private async finish(claim: SendingClaim, post: PostEntity, settling: Settling, outcome: string, detail: { remoteId?: string; url?: string; reason?: string; code?: string }, latenessSeconds?: number): Promise<void> {
    const status = PUBLICATION_TRANSITIONS[settling].to;
    const code = detail.code ?? (settling === 'publish' ? null : outcome);
    await this.events.afterCommit(this.dataSource, async (tx) => {
      // The remote id and URL commit in the same statement that marks it published.
      const move: PublicationMove = { id: claim.id, claim: fence(claim), remoteId: detail.remoteId, url: detail.url, reason: detail.reason ?? null, code };
      const moved = await movePublications(tx.m, settling, [move]);
      // A late "published" names what went out, so a person checking the page can find it.
      if (moved.length === 0) return tx.held.outcomeDropped(droppedWrite(claim, 'sending', 'outcome', { status, outcome, url: detail.url }));
      await this.settled(tx, [
        {
          event: { ...event(claim, post.organizationId), status, outcome, errorCode: detail.code, reason: detail.reason, latenessSeconds },
          audit: PUBLICATION_TRANSITIONS[settling].audit,
          after: { channelId: claim.channel_id, platform: claim.platform, remoteId: detail.remoteId, url: detail.url, reason: detail.reason, code: detail.code },
        },
      ]);
    });
  }

  /** The answer was lost on a platform that can be asked: the Reconciler looks the post up, after the request had time to land. */
  private async lookUpLater(claim: SendingClaim, reason: string): Promise<void> {
    const at = new Date(Date.now() + RECONCILE_FIRST_LOOK_MS);
    const moved = await movePublications(this.dataSource.manager, 'reconcile', [{ id: claim.id, claim: fence(claim), nextAttemptAt: at, reason, code: 'unconfirmed' }]);
    // Dropped like the "unconfirmed" it stands for: the claim was taken back meanwhile.
    if (moved.length === 0) await this.events.outcomeDropped(droppedWrite(claim, 'sending', 'outcome', { status: 'unconfirmed', outcome: 'unconfirmed' }));
  }

  /** Back to the queue for another attempt at `at`. */
  private async again(claim: SendingClaim, post: PostEntity, at: Date, outcome: string, code: string | undefined, reason: string): Promise<void> {
    const moved = await movePublications(this.dataSource.manager, 'retry', [{ id: claim.id, claim: fence(claim), nextAttemptAt: at, reason, code: code ?? outcome }]);
    if (moved.length === 0) return this.events.outcomeDropped(droppedWrite(claim, 'sending', 'retry', { status: 'scheduled', outcome }));
    await this.events.publication({ ...event(claim, post.organizationId), status: 'scheduled', outcome, errorCode: code, reason });
  }

  /**
   * Settled publications, in their transaction: one audit row each, their posts summed up, their
   * events held until it commits. Every way a publication settles (an answer, a decision, a lost
   * lease) ends here.
   */
  private async settled({ m, held }: EventfulTransaction, rows: Settled[]): Promise<void> {
    for (const { event: e, audit, after } of rows) {
      await this.audit.record({ actor: SYSTEM, organizationId: e.organizationId || null, action: audit, targetType: 'publication', targetId: e.publicationId, after }, m);
    }
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
