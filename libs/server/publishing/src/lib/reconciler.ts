import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PUBLICATION_TRANSITIONS } from '@vestnik/contracts';
import { VESTNIK_CONFIG, VestnikConfig } from '@vestnik/server/config';
import { adapterFor, AnyPlatformAdapter, canReconcile, ChannelDescriptor, PLATFORM_ADAPTERS, ReconcileOutcome, ReconcileQuery } from '@vestnik/platforms/core';
import { AuditLog } from '@vestnik/server/audit';
import { claimReconciliations, contentFor, movePublications, postForPublishing, summarisePosts, type ClaimedPublication } from '@vestnik/server/posts';
import { PublishingChannels } from './publishing-channels';
import { PublishingEvents } from './publishing-events';

/** Lost answers looked up per sweep; the rest wait for the next one (another replica may take them meanwhile). */
const SWEEP_BATCH = 20;
/**
 * The first look waits this long after the answer was lost: a request that timed out may still be
 * worked on by the platform, and a look before it lands would call its post absent.
 */
export const RECONCILE_FIRST_LOOK_MS = 5_000;
/** How long the platform is asked again while it cannot tell, counted from the first send; then a person decides. */
export const RECONCILE_FOR_MS = 5 * 60_000;
/**
 * «Not there» is believed only this long after the latest attempt went out. Until then a request the
 * platform is still working on (our side gave up, the platform did not) may yet land, and sending
 * again would put the post there twice: an early «absent» is looked at again instead.
 */
export const RECONCILE_ABSENT_AFTER_MS = 60_000;
const SYSTEM = { user: null, ip: null };

/** The wait before the next look while the platform cannot tell: as long as it has been since the send, 5 s to a minute. */
export function nextLookInMs(sinceSentMs: number): number {
  return Math.min(60_000, Math.max(5_000, sinceSentMs));
}

/** What becomes of a lost answer after one look. */
export type ReconcileStep =
  | { next: 'reconciled'; remoteId: string; url: string | null }
  | { next: 'reconcile_absent' }
  | { next: 'reconcile_again'; at: Date; reason: string }
  | { next: 'reconcile_unknown'; reason: string };

/**
 * Pure: the look's outcome, how long the platform has been asked (since the first send) and how long
 * ago the latest attempt went out decide the next step.
 */
export function stepAfter(outcome: ReconcileOutcome, sinceSentMs: number, now = Date.now(), sinceLastSendMs = sinceSentMs): ReconcileStep {
  if (outcome.status === 'found') return { next: 'reconciled', remoteId: outcome.remoteId, url: outcome.url };
  if (outcome.status === 'absent') {
    if (sinceLastSendMs >= RECONCILE_ABSENT_AFTER_MS) return { next: 'reconcile_absent' };
    return { next: 'reconcile_again', at: new Date(now + RECONCILE_ABSENT_AFTER_MS - sinceLastSendMs), reason: 'Записи пока нет, но запрос ещё мог дойти: посмотрим снова' };
  }
  if (sinceSentMs + nextLookInMs(sinceSentMs) <= RECONCILE_FOR_MS) return { next: 'reconcile_again', at: new Date(now + nextLookInMs(sinceSentMs)), reason: outcome.reason };
  return { next: 'reconcile_unknown', reason: `${outcome.reason}. Проверьте страницу: запись могла выйти` };
}

/**
 * Looks up lost answers before anyone is asked. A publication whose answer was lost on a platform
 * that can read its posts back waits in `publishing:reconciling`; the worker's housekeeping sweeps
 * those due, claimed like a send (`FOR UPDATE SKIP LOCKED`, a lease, a token), so replicas share
 * them and a dead worker's are taken over. The adapter's answer settles it through the lifecycle:
 * found → published (its remote id and URL, audited `publication.reconciled`); absent, a minute or
 * more after the latest attempt went out → due again (the post is not there and the lost request can
 * no longer land, so sending is safe; earlier it is looked at again); unknown → asked again later, and after
 * `RECONCILE_FOR_MS` unconfirmed, for a person.
 */
@Injectable()
export class Reconciler {
  private readonly logger = new Logger('Reconciler');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(VESTNIK_CONFIG) private readonly config: VestnikConfig,
    @Inject(PLATFORM_ADAPTERS) private readonly adapters: AnyPlatformAdapter[],
    private readonly channels: PublishingChannels,
    private readonly audit: AuditLog,
    private readonly events: PublishingEvents,
  ) {}

  /** One sweep for `worker`: answers how many lost answers it looked up. */
  async sweep(worker: string): Promise<number> {
    const leaseMs = this.config.publishing.leaseSeconds * 1000 + this.config.platforms.requestTimeoutMs * 4;
    const claims = await claimReconciliations(this.dataSource.manager, { worker, leaseMs, limit: SWEEP_BATCH });
    for (const claim of claims) {
      try {
        await this.lookUp(claim);
      } catch (e) {
        // The claim's lease runs out and another look takes it over.
        this.logger.error(`reconciling ${claim.id} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      }
    }
    return claims.length;
  }

  private async lookUp(claim: ClaimedPublication): Promise<void> {
    const sentAt = claim.first_sent_at ?? claim.planned_at;
    const sinceSentMs = Date.now() - sentAt.getTime();
    const sinceLastSendMs = Date.now() - (claim.sent_at ?? sentAt).getTime();
    // Through the channels port and the posts reads, like the Publisher: no table or secret box here.
    const channel = await this.channels.open(claim.channel_id);
    const post = await postForPublishing(this.dataSource.manager, claim.post_id);
    if (!channel || !post) return this.settle(claim, { next: 'reconcile_unknown', reason: 'Материал или канал удалён: проверьте страницу' }, post?.organizationId ?? '');
    const target = channel.target;
    const adapter = adapterFor(this.adapters, target);
    if (!adapter || !canReconcile(adapter)) {
      return this.settle(claim, { next: 'reconcile_unknown', reason: 'Площадка не умеет проверить запись: проверьте страницу' }, post.organizationId);
    }
    const query: ReconcileQuery = { publicationId: claim.id, content: contentFor(post, channel.platform, new Map()), sentAfter: sentAt, timeoutMs: this.config.platforms.requestTimeoutMs };
    let outcome: ReconcileOutcome;
    try {
      outcome = await (adapter.reconcile as (c: ChannelDescriptor, q: ReconcileQuery) => Promise<ReconcileOutcome>)(target, query);
    } catch (e) {
      outcome = { status: 'unknown', reason: `Внутренняя ошибка при проверке: ${e instanceof Error ? e.message : String(e)}` };
    }
    await this.settle(claim, stepAfter(outcome, sinceSentMs, Date.now(), sinceLastSendMs), post.organizationId);
  }

  private async settle(claim: ClaimedPublication, step: ReconcileStep, organizationId: string): Promise<void> {
    const fence = { token: claim.claim_token, worker: claim.claimed_by };
    const base = { publicationId: claim.id, postId: claim.post_id, channelId: claim.channel_id, organizationId, platform: claim.platform };
    await this.events.afterCommit(this.dataSource, async ({ m, held }) => {
      switch (step.next) {
        case 'reconciled': {
          const moved = await movePublications(m, 'reconciled', [{ id: claim.id, claim: fence, remoteId: step.remoteId, url: step.url, reason: null, code: null }]);
          if (moved.length === 0) return this.dropped(claim, `found at ${step.url ?? step.remoteId}`);
          await this.audit.record({ actor: SYSTEM, organizationId: organizationId || null, action: PUBLICATION_TRANSITIONS.reconciled.audit, targetType: 'publication', targetId: claim.id, after: { channelId: claim.channel_id, platform: claim.platform, remoteId: step.remoteId, url: step.url } }, m);
          await summarisePosts(m, [claim.post_id]);
          held.publication({ ...base, status: 'published', outcome: 'reconciled', latenessSeconds: (Date.now() - claim.planned_at.getTime()) / 1000 });
          return;
        }
        case 'reconcile_absent': {
          const reason = 'Площадка ответила, что записи нет: отправим ещё раз';
          const moved = await movePublications(m, 'reconcile_absent', [{ id: claim.id, claim: fence, nextAttemptAt: new Date(), reason, code: 'reconciled_absent' }]);
          if (moved.length === 0) return this.dropped(claim, 'absent');
          held.publication({ ...base, status: 'scheduled', outcome: 'reconciled_absent', reason });
          return;
        }
        case 'reconcile_again': {
          const moved = await movePublications(m, 'reconcile_again', [{ id: claim.id, claim: fence, nextAttemptAt: step.at, reason: step.reason, code: 'reconcile_unknown' }]);
          if (moved.length === 0) this.dropped(claim, 'unknown, to look again');
          return;
        }
        case 'reconcile_unknown': {
          const moved = await movePublications(m, 'reconcile_unknown', [{ id: claim.id, claim: fence, reason: step.reason, code: 'unconfirmed' }]);
          if (moved.length === 0) return this.dropped(claim, 'unknown, for a person');
          await this.audit.record({ actor: SYSTEM, organizationId: organizationId || null, action: PUBLICATION_TRANSITIONS.reconcile_unknown.audit, targetType: 'publication', targetId: claim.id, after: { channelId: claim.channel_id, platform: claim.platform, reason: step.reason, code: 'unconfirmed' } }, m);
          await summarisePosts(m, [claim.post_id]);
          held.publication({ ...base, status: 'unconfirmed', outcome: 'unconfirmed', reason: step.reason });
          return;
        }
      }
    });
  }

  /** The look took longer than its lease and another worker holds the publication now: its answer counts, not ours. */
  private dropped(claim: ClaimedPublication, what: string): void {
    this.logger.warn(`publication ${claim.id}: look-up (${what}) dropped, its claim ${claim.claim_token} was taken back`);
  }
}
