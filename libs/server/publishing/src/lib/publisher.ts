import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { VESTNIK_CONFIG, VestnikConfig } from '@vestnik/server/config';
import { adapterFor, AnyPlatformAdapter, ChannelDescriptor, LoadedImage, PLATFORM_ADAPTERS, PublishContext, PublishOutcome } from '@vestnik/platforms/core';
import type { PostContent } from '@vestnik/platforms/rules';
import { contentFor, IS_MISSED, movePosts, movePublications, PostEntity, postForPublishing } from '@vestnik/server/posts';
import type { PostStatus } from '@vestnik/contracts';
import { EngineDecision, OutcomeRecorder } from './outcome-recorder';
import { ClaimedPublication, droppedWrite, HELD_BY_CLAIM, PublicationClaims } from './publication-claims';
import { ChannelToSend, PublishingChannels } from './publishing-channels';
import { PublishingEvents } from './publishing-events';
import { PublishingMedia } from './publishing-media';
import { RatePacer } from './rate-pacer';

/** Post states in which a claimed publication may still go: approved, and not cancelled or sent back to review. */
const SENDABLE: readonly PostStatus[] = ['scheduled', 'publishing'];

/** Waiting for a rate-limit slot in process beats handing the claim back, up to this long. */
const MAX_INLINE_WAIT_MS = 10_000;
/** Time kept in hand between the end of a pace wait and the claim's lease running out. */
const LEASE_MARGIN_MS = 2_000;

type Prepared =
  | { go: true; post: PostEntity; channel: ChannelToSend; firstSentAt: Date }
  | { go: false };

/**
 * The lease of one attempt in `sending`: the adapter's longest publish for these images (every
 * request at its timeout, plus its own pacing), plus the claim lease as room to record the outcome.
 */
export function sendingLeaseMs(adapter: Pick<AnyPlatformAdapter, 'longestPublishMs'>, imageCount: number, leaseSeconds: number): number {
  return adapter.longestPublishMs(imageCount) + leaseSeconds * 1000;
}

/**
 * One publication, one attempt: check that it may still go, wait for the platform's pace, mark it
 * as sending, call the adapter, record the outcome. The checks and the `sending` mark commit
 * together under the post's row lock, so a cancel or an edit either wins before or finds it going;
 * a decision taken there is announced only once that transaction has committed.
 */
@Injectable()
export class Publisher {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(VESTNIK_CONFIG) private readonly config: VestnikConfig,
    @Inject(PLATFORM_ADAPTERS) private readonly adapters: AnyPlatformAdapter[],
    private readonly claims: PublicationClaims,
    private readonly pacer: RatePacer,
    private readonly media: PublishingMedia,
    private readonly channels: PublishingChannels,
    private readonly recorder: OutcomeRecorder,
    private readonly events: PublishingEvents,
  ) {}

  /** `pause` waits for the pace slot; the worker passes one that frees the lane meanwhile. */
  async process(claim: ClaimedPublication, pause: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms))): Promise<void> {
    const channel = await this.channels.open(claim.channel_id);
    const post = await postForPublishing(this.dataSource.manager, claim.post_id);
    if (!channel || !post) return this.recorder.engineDecision(claim, 'fail_unsent', 'gone', 'Материал или канал удалён');
    const target = channel.target;
    const adapter = adapterFor(this.adapters, target);
    if (!adapter) return this.recorder.engineDecision(claim, 'fail_unsent', 'platform_unavailable', `Площадка ${channel.platform} не настроена на этом сервере`);

    let images: LoadedImage[];
    try {
      images = await this.media.load(post.mediaIds, channel.platform);
    } catch (e) {
      return this.recorder.engineDecision(claim, 'fail_unsent', 'media_missing', `Не удалось прочитать изображения: ${e instanceof Error ? e.message : String(e)}`);
    }

    const paces = adapter.paces(target, { remoteTargetId: channel.remoteTargetId, imageCount: images.length });
    // Never wait past the claim's lease: by then another worker may own it, and the slot would be lost.
    const leaseLeftMs = claim.lease_until ? claim.lease_until.getTime() - Date.now() - LEASE_MARGIN_MS : MAX_INLINE_WAIT_MS;
    if (leaseLeftMs < 0) return this.claims.release(claim, new Date());
    const slot = await this.pacer.reserve(paces, Math.min(MAX_INLINE_WAIT_MS, leaseLeftMs));
    if (!slot.reserved) return this.claims.release(claim, slot.at);
    const wait = slot.at.getTime() - Date.now();
    if (wait > 0) await pause(wait);

    const prepared = await this.prepare(claim, sendingLeaseMs(adapter, images.length, this.config.publishing.leaseSeconds));
    if (!prepared.go) return;

    // The images are already loaded (and converted) for this platform; the text is its variant or the common one.
    const content: PostContent = { ...contentFor(prepared.post, channel.platform, new Map()), images };
    let outcome: PublishOutcome;
    try {
      outcome = await (adapter.publish as (c: ChannelDescriptor, body: PostContent, ctx: PublishContext) => Promise<PublishOutcome>)(
        prepared.channel.target,
        content,
        { publicationId: claim.id, images },
      );
    } catch (e) {
      // Adapters promise typed outcomes; a throw here is our bug, and the request may have gone out.
      outcome = { status: 'unconfirmed', reason: `Внутренняя ошибка при отправке: ${e instanceof Error ? e.message : String(e)}`, retrySafe: adapter.idempotentRetryWindowMs !== null };
    }
    await this.recorder.record({ ...claim, first_sent_at: prepared.firstSentAt }, prepared.post, prepared.channel, outcome, paces);
  }

  /** The last checks before the platform call, committed with the `sending` mark and its lease. */
  private async prepare(claim: ClaimedPublication, sendingLeaseMs: number): Promise<Prepared> {
    return this.events.afterCommit(this.dataSource, async (tx) => {
      const { m } = tx;
      const post = await postForPublishing(m, claim.post_id, true);
      // Whether it is missed is the lifecycle's one rule, read under the publication's lock.
      const [pub]: { missed: boolean }[] = await m.query(
        `SELECT ${IS_MISSED('p', 'post', '$5')} AS missed FROM publications p JOIN posts post ON post.id = p.post_id
          WHERE p.id = $1 AND ${HELD_BY_CLAIM(2, 3, 4)} FOR UPDATE OF p`,
        [claim.id, claim.claim_token, 'claimed', claim.claimed_by, this.config.publishing.missedAfterMinutes],
      );
      if (!pub) {
        tx.held.outcomeDropped(droppedWrite(claim, 'claimed', 'send'));
        return { go: false as const };
      }
      if (!post) return { go: false as const };
      // Read again under the transaction: a page disabled (or its credentials renewed) meanwhile is seen here.
      const channel = await this.channels.open(claim.channel_id, m);
      if (!channel) return { go: false as const };
      const decide = async (decision: EngineDecision, code: string, reason: string) => {
        await this.recorder.engineDecision(claim, decision, code, reason, tx);
        return { go: false as const };
      };
      if (post.status === 'cancelled') return decide('cancel_unsent', 'post_cancelled', 'Материал отменён');
      if (!SENDABLE.includes(post.status) || post.approvedHash !== post.contentHash) {
        return decide('changed_unsent', 'content_changed', 'Материал изменён после согласования: нужна новая проверка');
      }
      if (channel.closed) return decide('cancel_unsent', 'channel_disabled', 'Канал отключён: запись не отправлена');
      if (pub.missed) {
        return decide('miss', 'missed', `Не опубликовано вовремя: прошло больше ${this.config.publishing.missedAfterMinutes} мин. после назначенного времени`);
      }
      const [sending] = await movePublications(m, 'send', [{ id: claim.id, claim: { token: claim.claim_token, worker: claim.claimed_by }, leaseMs: sendingLeaseMs }]);
      if (!sending?.first_sent_at) {
        tx.held.outcomeDropped(droppedWrite(claim, 'claimed', 'send'));
        return { go: false as const };
      }
      // The post's first publication to go out moves it to publishing (a later one finds it there).
      await movePosts(m, 'start_publishing', [post.id]);
      return { go: true as const, post, channel, firstSentAt: new Date(sending.first_sent_at) };
    });
  }
}
