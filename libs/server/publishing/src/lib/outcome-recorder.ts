import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { VESTNIK_CONFIG, VestnikConfig } from '@vestnik/server/config';
import type { PublishOutcome } from '@vestnik/platforms/core';
import { AuditLog } from '@vestnik/server/audit';
import { SECRET_BOX, SecretBox } from '@vestnik/server/persistence';
import { channelCredentialsAt, type ChannelEntity } from '@vestnik/server/channels';
import type { PostEntity } from '@vestnik/server/posts';
import { CredentialsRefresh } from './credentials-refresh';
import { ClaimedPublication, ClaimPhase, fencedOut, PublicationClaims, TakenBack } from './publication-claims';
import { PublishingEvents } from './publishing-events';
import { summarisePost } from './post-status';
import { Pace, RatePacer } from './rate-pacer';
import { backoffSeconds, sameKeyRepeatIsSafe } from './retry-policy';

const SYSTEM = { user: null, ip: null };

/** A claim in `sending`: its request may be out. */
export interface SendingClaim extends ClaimedPublication {
  /** When the publication's idempotency key first went out (its first send ever). */
  first_sent_at: Date;
}

/**
 * Turns one attempt's outcome into the publication's next state, in one transaction with its audit
 * row. Every write names the claim's token and phase: when the claim was taken back meanwhile, the
 * outcome is dropped with a warning (no audit row, no post summary, no event), never thrown.
 */
@Injectable()
export class OutcomeRecorder {
  private readonly logger = new Logger('Publishing');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(VESTNIK_CONFIG) private readonly config: VestnikConfig,
    @Inject(SECRET_BOX) private readonly box: SecretBox,
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
        const plannedAt = claim.scheduled_at.getTime();
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
        if (outcome.refreshable && channel.platform === 'vk') {
          const creds = JSON.parse(await this.openCredentials(channel)) as Record<string, string>;
          const refreshed = await this.refresher.refresh(channel.id, creds['accessToken']);
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

  /** A decision the engine takes for a claim in `phase` without calling the platform (cancelled, missed, changed). */
  async engineDecision(claim: ClaimedPublication, phase: ClaimPhase, status: string, code: string, reason: string, manager?: EntityManager): Promise<void> {
    const run = async (m: EntityManager): Promise<{ organizationId: string | null } | null> => {
      const [rows] = await m.query(
        `UPDATE publications SET status = $2, last_error = $3, last_error_code = $4, phase = NULL, claimed_by = NULL, lease_until = NULL, updated_at = now()
          WHERE id = $1 AND claim_token = $5 AND phase = $6 RETURNING id`,
        [claim.id, status, reason, code, claim.claim_token, phase],
      );
      if ((rows as unknown[]).length === 0) return null;
      const post = await m.query('SELECT organization_id FROM posts WHERE id = $1', [claim.post_id]);
      const organizationId: string | null = post[0]?.organization_id ?? null;
      await this.audit.record({ actor: SYSTEM, organizationId, action: `publication.${status}`, targetType: 'publication', targetId: claim.id, after: { code, reason } }, m);
      if (status !== 'pending') await summarisePost(m, claim.post_id);
      return { organizationId };
    };
    const held = manager ? await run(manager) : await this.dataSource.transaction(run);
    if (!held) return fencedOut(claim, phase, `decision "${status}"`);
    await this.events.publication({ publicationId: claim.id, postId: claim.post_id, channelId: claim.channel_id, organizationId: held.organizationId ?? '', platform: claim.platform, status: status as never, outcome: code, reason });
  }

  /**
   * Takes back claims whose lease ran out (see `PublicationClaims.recoverExpired`). One lost while
   * sending that may not go again is settled like an unconfirmed outcome: audited, its post summed
   * up, announced; one that goes again is announced as rescheduled.
   */
  async recoverExpired(): Promise<TakenBack[]> {
    const takenBack = await this.dataSource.transaction(async (m) => {
      const rows = await this.claims.recoverExpired(m);
      const lost = rows.filter((r) => r.next === 'unconfirmed');
      for (const r of lost) {
        await this.audit.record({ actor: SYSTEM, organizationId: r.organization_id, action: 'publication.unconfirmed', targetType: 'publication', targetId: r.id, after: { code: 'worker_lost', reason: r.reason } }, m);
      }
      // One order for the posts' row locks, like every other writer of many.
      for (const postId of [...new Set(lost.map((r) => r.post_id))].sort()) await summarisePost(m, postId);
      return rows;
    });
    for (const r of takenBack.filter((t) => t.next !== 'due')) {
      const status = r.next === 'unconfirmed' ? 'unconfirmed' : 'scheduled';
      await this.events.publication({ publicationId: r.id, postId: r.post_id, channelId: r.channel_id, organizationId: r.organization_id, platform: r.platform, status, outcome: 'worker_lost', reason: r.reason ?? undefined });
    }
    return takenBack;
  }

  private async finish(claim: ClaimedPublication, post: PostEntity, status: 'published' | 'failed' | 'unconfirmed', outcome: string, detail: { remoteId?: string; url?: string; reason?: string; code?: string }, latenessSeconds?: number): Promise<void> {
    const held = await this.dataSource.transaction(async (m) => {
      // The remote id and URL commit in the same statement that marks it published.
      const [rows] = await m.query(
        `UPDATE publications SET status = $2, remote_id = coalesce($3, remote_id), url = coalesce($4, url), last_error = $5, last_error_code = $6,
                attempts = attempts + 1, published_at = CASE WHEN $2 = 'published' THEN now() ELSE published_at END,
                phase = NULL, claimed_by = NULL, lease_until = NULL, updated_at = now()
          WHERE id = $1 AND claim_token = $7 AND phase = 'sending' RETURNING id`,
        [claim.id, status, detail.remoteId ?? null, detail.url ?? null, detail.reason ?? null, detail.code ?? (status === 'published' ? null : outcome), claim.claim_token],
      );
      if ((rows as unknown[]).length === 0) return false;
      await this.audit.record(
        { actor: SYSTEM, organizationId: post.organizationId, action: `publication.${status}`, targetType: 'publication', targetId: claim.id, after: { channelId: claim.channel_id, platform: claim.platform, remoteId: detail.remoteId, url: detail.url, reason: detail.reason, code: detail.code } },
        m,
      );
      await summarisePost(m, claim.post_id);
      return true;
    });
    // A late "published" names what went out, so a person checking the page can find it.
    if (!held) return fencedOut(claim, 'sending', `outcome "${outcome}"${detail.url ? ` (${detail.url})` : ''}`);
    await this.events.publication({ publicationId: claim.id, postId: claim.post_id, channelId: claim.channel_id, organizationId: post.organizationId, platform: claim.platform, status, outcome, errorCode: detail.code, reason: detail.reason, latenessSeconds });
  }

  /** Back to the queue for another attempt at `at`. */
  private async again(claim: ClaimedPublication, post: PostEntity, at: Date, outcome: string, code: string | undefined, reason: string, attempts: number): Promise<void> {
    const [rows] = await this.dataSource.query(
      `UPDATE publications SET status = 'scheduled', next_attempt_at = $2, last_error = $3, last_error_code = $4, attempts = $5,
              phase = NULL, claimed_by = NULL, lease_until = NULL, updated_at = now()
        WHERE id = $1 AND claim_token = $6 AND phase = 'sending' RETURNING id`,
      [claim.id, at, reason, code ?? outcome, attempts, claim.claim_token],
    );
    if ((rows as unknown[]).length === 0) return fencedOut(claim, 'sending', `retry after "${outcome}"`);
    await this.events.publication({ publicationId: claim.id, postId: claim.post_id, channelId: claim.channel_id, organizationId: post.organizationId, platform: claim.platform, status: 'scheduled', outcome, errorCode: code, reason });
  }

  private async needsAttention(channel: ChannelEntity, reason: string): Promise<void> {
    const [rows] = await this.dataSource.query(
      `UPDATE channels SET state = 'needs_attention', can_post = false, last_error = $2, updated_at = now() WHERE id = $1 AND state = 'active' RETURNING id`,
      [channel.id, reason],
    );
    if ((rows as unknown[]).length === 0) return;
    this.logger.warn(`channel ${channel.id} needs attention: ${reason}`);
    await this.audit.record({ actor: SYSTEM, organizationId: channel.organizationId, action: 'channel.needs_attention', targetType: 'channel', targetId: channel.id, after: { reason } });
    await this.events.channelNeedsAttention({ channelId: channel.id, organizationId: channel.organizationId, reason });
  }

  private async openCredentials(channel: ChannelEntity): Promise<string> {
    const [row] = await this.dataSource.query('SELECT credentials FROM channels WHERE id = $1', [channel.id]);
    return this.box.open(row.credentials, channelCredentialsAt(channel.id));
  }
}
