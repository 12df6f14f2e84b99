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
import type { ClaimedPublication } from './publication-claims';
import { PublishingEvents } from './publishing-events';
import { summarisePost } from './post-status';
import { Pace, RatePacer } from './rate-pacer';
import { backoffSeconds, MAX_GUID_RETRIES } from './retry-policy';

const SYSTEM = { user: null, ip: null };

/** Turns one attempt's outcome into the publication's next state, in one transaction with its audit row. */
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
  ) {}

  async record(claim: ClaimedPublication, post: PostEntity, channel: ChannelEntity, outcome: PublishOutcome, paces: Pace[]): Promise<void> {
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
        if (outcome.retrySafe && attempts < MAX_GUID_RETRIES) {
          await this.again(claim, post, new Date(Date.now() + backoffSeconds(attempts) * 1000), outcome.status, undefined, outcome.reason, attempts);
        } else {
          await this.finish(claim, post, 'unconfirmed', 'unconfirmed', { reason: `${outcome.reason}. Проверьте страницу: запись могла выйти` });
        }
        return;
    }
  }

  /** A decision the engine takes without calling the platform (cancelled, missed, changed). */
  async engineDecision(claim: ClaimedPublication, status: string, code: string, reason: string, manager?: EntityManager): Promise<void> {
    const run = async (m: EntityManager) => {
      await m.query(
        `UPDATE publications SET status = $2, last_error = $3, last_error_code = $4, phase = NULL, claimed_by = NULL, lease_until = NULL, updated_at = now() WHERE id = $1`,
        [claim.id, status, reason, code],
      );
      const post = await m.query('SELECT organization_id FROM posts WHERE id = $1', [claim.post_id]);
      await this.audit.record({ actor: SYSTEM, organizationId: post[0]?.organization_id ?? null, action: `publication.${status}`, targetType: 'publication', targetId: claim.id, after: { code, reason } }, m);
      if (status !== 'pending') await summarisePost(m, claim.post_id);
      return post[0]?.organization_id as string | undefined;
    };
    const organizationId = manager ? await run(manager) : await this.dataSource.transaction(run);
    await this.events.publication({ publicationId: claim.id, postId: claim.post_id, channelId: claim.channel_id, organizationId: organizationId ?? '', platform: claim.platform, status: status as never, outcome: code, reason });
  }

  private async finish(claim: ClaimedPublication, post: PostEntity, status: 'published' | 'failed' | 'unconfirmed', outcome: string, detail: { remoteId?: string; url?: string; reason?: string; code?: string }, latenessSeconds?: number): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      // The remote id and URL commit in the same statement that marks it published.
      await m.query(
        `UPDATE publications SET status = $2, remote_id = coalesce($3, remote_id), url = coalesce($4, url), last_error = $5, last_error_code = $6,
                attempts = attempts + 1, published_at = CASE WHEN $2 = 'published' THEN now() ELSE published_at END,
                phase = NULL, claimed_by = NULL, lease_until = NULL, updated_at = now()
          WHERE id = $1 AND status IN ('publishing', 'scheduled', 'unconfirmed')`,
        [claim.id, status, detail.remoteId ?? null, detail.url ?? null, detail.reason ?? null, detail.code ?? (status === 'published' ? null : outcome)],
      );
      await this.audit.record(
        { actor: SYSTEM, organizationId: post.organizationId, action: `publication.${status}`, targetType: 'publication', targetId: claim.id, after: { channelId: claim.channel_id, platform: claim.platform, remoteId: detail.remoteId, url: detail.url, reason: detail.reason, code: detail.code } },
        m,
      );
      await summarisePost(m, claim.post_id);
    });
    await this.events.publication({ publicationId: claim.id, postId: claim.post_id, channelId: claim.channel_id, organizationId: post.organizationId, platform: claim.platform, status, outcome, errorCode: detail.code, reason: detail.reason, latenessSeconds });
  }

  /** Back to the queue for another attempt at `at`. */
  private async again(claim: ClaimedPublication, post: PostEntity, at: Date, outcome: string, code: string | undefined, reason: string, attempts: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE publications SET status = 'scheduled', next_attempt_at = $2, last_error = $3, last_error_code = $4, attempts = $5,
              phase = NULL, claimed_by = NULL, lease_until = NULL, updated_at = now()
        WHERE id = $1 AND status = 'publishing'`,
      [claim.id, at, reason, code ?? outcome, attempts],
    );
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
