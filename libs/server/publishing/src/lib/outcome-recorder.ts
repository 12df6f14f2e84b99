import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PublicationStatus } from '@vestnik/contracts';
import { VESTNIK_CONFIG, VestnikConfig } from '@vestnik/server/config';
import type { Pace, PublishOutcome } from '@vestnik/platforms/core';
import { AuditLog } from '@vestnik/server/audit';
import type { ChannelEntity } from '@vestnik/server/channels';
import type { PostEntity } from '@vestnik/server/posts';
import { CredentialsRefresh } from './credentials-refresh';
import { ClaimedPublication, ClaimPhase, droppedWrite, HELD_BY_CLAIM, PublicationClaims, TakenBack } from './publication-claims';
import { EventfulTransaction, PublishingEvents } from './publishing-events';
import { summarisePost } from './post-status';
import { RatePacer } from './rate-pacer';
import { backoffSeconds, sameKeyRepeatIsSafe } from './retry-policy';

const SYSTEM = { user: null, ip: null };

/** A claim in `sending`: its request may be out. */
export interface SendingClaim extends ClaimedPublication {
  /** When the publication's idempotency key first went out (its first send ever). */
  first_sent_at: Date;
}

/** What the engine decides without calling the platform. */
type EngineDecision = Extract<PublicationStatus, 'failed' | 'cancelled' | 'pending' | 'missed'>;

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
    private readonly refresher: CredentialsRefresh,
    private readonly claims: PublicationClaims,
  ) {}

  async record(claim: SendingClaim, post: PostEntity, channel: ChannelEntity, outcome: PublishOutcome, paces: Pace[]): Promise<void> {
    const attempts = claim.attempts + 1;
    switch (outcome.status) {
      case 'published': {
        const plannedAt = claim.planned_at.getTime();
        await this.finish(claim, post, 'published', 'published', { remoteId: outcome.remoteId, url: outcome.url, reason: outcome.note }, (Date.now() - plannedAt) / 1000);
        return;
      }
      case 'rate_limited': {
        const until = new Date(Date.now() + Math.max(1, outcome.retryAfterSeconds) * 1000);
        await this.pacer.pushBack(paces, until);
        await this.again(claim, post, until, outcome.status, outcome.platformCode, outcome.reason, attempts);
        return;
      }
      case 'transient': {
        if (attempts >= this.config.publishing.maxAttempts) {
          await this.finish(claim, post, 'failed', 'transient', { reason: `Площадка недоступна после ${attempts} попыток: ${outcome.reason}` });
        } else {
          await this.again(claim, post, new Date(Date.now() + backoffSeconds(attempts) * 1000), outcome.status, undefined, outcome.reason, attempts);
        }
        return;
      }
      case 'auth_expired': {
        if (outcome.refreshable) {
          // `channel` is the row the call was made with: its sealed credentials tell a stale token from a renewed one.
          const refreshed = await this.refresher.refresh(channel.id, channel.credentials);
          if (refreshed.ok) {
            await this.again(claim, post, new Date(), 'auth_refreshed', outcome.platformCode, 'Токен обновлён, повторяем', attempts);
            return;
          }
          await this.needsAttention(channel, refreshed.reason);
        } else {
          await this.needsAttention(channel, outcome.reason);
        }
        // Held until someone reconnects the page; past the missed window it becomes missed.
        await this.again(claim, post, new Date(), outcome.status, outcome.platformCode, outcome.reason, attempts);
        return;
      }
      case 'rejected':
        await this.finish(claim, post, 'failed', 'rejected', { reason: outcome.reason, code: outcome.code });
        return;
      case 'unconfirmed':
        if (outcome.retrySafe && sameKeyRepeatIsSafe({ windowMs: this.claims.repeatWindowMs(claim.platform), firstSentAt: claim.first_sent_at, attempts })) {
          await this.again(claim, post, new Date(Date.now() + backoffSeconds(attempts) * 1000), outcome.status, undefined, outcome.reason, attempts);
        } else {
          await this.finish(claim, post, 'unconfirmed', 'unconfirmed', { reason: `${outcome.reason}. Проверьте страницу: запись могла выйти` });
        }
        return;
    }
  }

  /**
   * A decision the engine takes for a claim in `phase` without calling the platform (cancelled, missed,
   * changed). Inside the caller's transaction `tx` when given: its event is then held until that commits.
   */
  async engineDecision(claim: ClaimedPublication, phase: ClaimPhase, status: EngineDecision, code: string, reason: string, tx?: EventfulTransaction): Promise<void> {
    const run = async ({ m, held }: EventfulTransaction): Promise<void> => {
      const [rows] = await m.query(
        `UPDATE publications SET status = $2, last_error = $3, last_error_code = $4, phase = NULL, claimed_by = NULL, lease_until = NULL, updated_at = now()
          WHERE id = $1 AND ${HELD_BY_CLAIM(5, 6, 7)} RETURNING id`,
        [claim.id, status, reason, code, claim.claim_token, phase, claim.claimed_by],
      );
      if ((rows as unknown[]).length === 0) return held.outcomeDropped(droppedWrite(claim, phase, 'decision', { status, outcome: code }));
      const post = await m.query('SELECT organization_id FROM posts WHERE id = $1', [claim.post_id]);
      const organizationId: string = post[0]?.organization_id ?? '';
      await this.audit.record({ actor: SYSTEM, organizationId: organizationId || null, action: `publication.${status}`, targetType: 'publication', targetId: claim.id, after: { code, reason } }, m);
      if (status !== 'pending') await summarisePost(m, claim.post_id);
      held.publication({ publicationId: claim.id, postId: claim.post_id, channelId: claim.channel_id, organizationId, platform: claim.platform, status, outcome: code, reason });
    };
    if (tx) return run(tx);
    await this.events.afterCommit(this.dataSource, run);
  }

  /**
   * Takes back claims whose lease ran out (see `PublicationClaims.recoverExpired`). One lost while
   * sending that may not go again is settled like an unconfirmed outcome: audited, its post summed
   * up, announced; one that goes again is announced as rescheduled. Announced once committed.
   */
  async recoverExpired(): Promise<TakenBack[]> {
    return this.events.afterCommit(this.dataSource, async ({ m, held }) => {
      const rows = await this.claims.recoverExpired(m, held);
      const lost = rows.filter((r) => r.next === 'unconfirmed');
      for (const r of lost) {
        await this.audit.record({ actor: SYSTEM, organizationId: r.organization_id, action: 'publication.unconfirmed', targetType: 'publication', targetId: r.id, after: { code: 'worker_lost', reason: r.reason } }, m);
      }
      // One order for the posts' row locks, like every other writer of many.
      for (const postId of [...new Set(lost.map((r) => r.post_id))].sort()) await summarisePost(m, postId);
      return rows;
    });
  }

  private async finish(claim: ClaimedPublication, post: PostEntity, status: 'published' | 'failed' | 'unconfirmed', outcome: string, detail: { remoteId?: string; url?: string; reason?: string; code?: string }, latenessSeconds?: number): Promise<void> {
    await this.events.afterCommit(this.dataSource, async ({ m, held }) => {
      // The remote id and URL commit in the same statement that marks it published.
      const [rows] = await m.query(
        `UPDATE publications SET status = $2, remote_id = coalesce($3, remote_id), url = coalesce($4, url), last_error = $5, last_error_code = $6,
                attempts = attempts + 1, published_at = CASE WHEN $2 = 'published' THEN now() ELSE published_at END,
                phase = NULL, claimed_by = NULL, lease_until = NULL, updated_at = now()
          WHERE id = $1 AND ${HELD_BY_CLAIM(7, 8, 9)} RETURNING id`,
        [claim.id, status, detail.remoteId ?? null, detail.url ?? null, detail.reason ?? null, detail.code ?? (status === 'published' ? null : outcome), claim.claim_token, 'sending', claim.claimed_by],
      );
      // A late "published" names what went out, so a person checking the page can find it.
      if ((rows as unknown[]).length === 0) return held.outcomeDropped(droppedWrite(claim, 'sending', 'outcome', { status, outcome, url: detail.url }));
      await this.audit.record(
        { actor: SYSTEM, organizationId: post.organizationId, action: `publication.${status}`, targetType: 'publication', targetId: claim.id, after: { channelId: claim.channel_id, platform: claim.platform, remoteId: detail.remoteId, url: detail.url, reason: detail.reason, code: detail.code } },
        m,
      );
      await summarisePost(m, claim.post_id);
      held.publication({ publicationId: claim.id, postId: claim.post_id, channelId: claim.channel_id, organizationId: post.organizationId, platform: claim.platform, status, outcome, errorCode: detail.code, reason: detail.reason, latenessSeconds });
    });
  }

  /** Back to the queue for another attempt at `at`. */
  private async again(claim: ClaimedPublication, post: PostEntity, at: Date, outcome: string, code: string | undefined, reason: string, attempts: number): Promise<void> {
    const [rows] = await this.dataSource.query(
      `UPDATE publications SET status = 'scheduled', next_attempt_at = $2, last_error = $3, last_error_code = $4, attempts = $5,
              phase = NULL, claimed_by = NULL, lease_until = NULL, updated_at = now()
        WHERE id = $1 AND ${HELD_BY_CLAIM(6, 7, 8)} RETURNING id`,
      [claim.id, at, reason, code ?? outcome, attempts, claim.claim_token, 'sending', claim.claimed_by],
    );
    if ((rows as unknown[]).length === 0) return this.events.outcomeDropped(droppedWrite(claim, 'sending', 'retry', { status: 'scheduled', outcome }));
    await this.events.publication({ publicationId: claim.id, postId: claim.post_id, channelId: claim.channel_id, organizationId: post.organizationId, platform: claim.platform, status: 'scheduled', outcome, errorCode: code, reason });
  }

  /** The page's state and its audit row commit together; the alert goes out after. */
  private async needsAttention(channel: ChannelEntity, reason: string): Promise<void> {
    await this.events.afterCommit(this.dataSource, async ({ m, held }) => {
      const [rows] = await m.query(
        `UPDATE channels SET state = 'needs_attention', can_post = false, last_error = $2, updated_at = now() WHERE id = $1 AND state = 'active' RETURNING id`,
        [channel.id, reason],
      );
      if ((rows as unknown[]).length === 0) return;
      this.logger.warn(`channel ${channel.id} needs attention: ${reason}`);
      await this.audit.record({ actor: SYSTEM, organizationId: channel.organizationId, action: 'channel.needs_attention', targetType: 'channel', targetId: channel.id, after: { reason } }, m);
      held.channelNeedsAttention({ channelId: channel.id, organizationId: channel.organizationId, reason });
    });
  }
}
