import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { VESTNIK_CONFIG, VestnikConfig } from '@vestnik/server/config';
import { adapterFor, AnyPlatformAdapter, ChannelDescriptor, LoadedImage, Pace, PLATFORM_ADAPTERS, PublishContext, PublishOutcome } from '@vestnik/platforms/core';
import type { PostContent } from '@vestnik/platforms/rules';
import { contentFor, missedAmong, movePosts, movePublications, PostEntity, postsForPublishing, type PublicationMove } from '@vestnik/server/posts';
import type { PostStatus } from '@vestnik/contracts';
import { Answer, Decided, OutcomeRecorder } from './outcome-recorder';
import { ClaimedPublication, droppedWrite } from './publication-claims';
import { ChannelToSend, PublishingChannels } from './publishing-channels';
import { EventfulTransaction, PublishingEvents } from './publishing-events';
import { PublishingMedia } from './publishing-media';
import { RatePacer } from './rate-pacer';
import { keyStillHonoured } from './retry-policy';

/** Post states in which a claimed publication may still go: approved, and not cancelled or sent back to review. */
const SENDABLE: readonly PostStatus[] = ['scheduled', 'publishing'];

/** Waiting for a rate-limit slot in process beats handing the claim back, up to this long. */
export const MAX_INLINE_WAIT_MS = 10_000;
/** Time kept in hand between the end of a pace wait and the claim's lease running out. */
const LEASE_MARGIN_MS = 2_000;
/**
 * A publication is marked `sending` at most this long before its pace slot. The mark is what makes
 * a dead worker's claim "may have gone out" (unconfirmed, reconciled or resent with its key) instead
 * of simply due again, so it is made only just before the call: a claim whose slot is further off
 * keeps its slot, stays `claimed`, and is checked and marked with the others due about then.
 */
export const SEND_AHEAD_MS = 500;

/**
 * The lease of one attempt in `sending`: the adapter's longest publish for these images (every
 * request at its timeout, plus its own pacing), plus the claim lease as room to record the outcome.
 */
export function sendingLeaseMs(adapter: Pick<AnyPlatformAdapter, 'longestPublishMs'>, imageCount: number, leaseSeconds: number): number {
  return adapter.longestPublishMs(imageCount) + leaseSeconds * 1000;
}

/** A claimed publication that passed the checks, with everything its call needs. */
export interface ReadyToSend {
  claim: ClaimedPublication;
  post: PostEntity;
  channel: ChannelToSend;
  adapter: AnyPlatformAdapter;
  images: LoadedImage[];
  paces: Pace[];
  /** Its reserved pace slot: the call goes no earlier. */
  slotAt: Date;
  /** When its key first went out, once it is marked `sending`; null while it waits `claimed` for its slot. */
  firstSentAt: Date | null;
}

/** A claimed batch after its checks: marked `sending` (slot within `SEND_AHEAD_MS`), or waiting `claimed` for a later slot. */
export interface PreparedBatch {
  sending: ReadyToSend[];
  waiting: ReadyToSend[];
  /** The earliest moment a claim handed back for a far slot is due again (null: none handed back). */
  handedBackUntil: Date | null;
}

const KEY_LAPSED_REASON = 'Повтор опоздал: площадка больше не защищает от второй записи с тем же ключом, а прежняя отправка могла выйти. Проверьте страницу.';

/**
 * A repeat whose earlier send may be out, on a platform that deduplicates by key, and whose call would
 * be answered only after the key's window (a queue or a pace delayed it since the repeat was decided):
 * sending it could post twice. Its slot, or the longest it may wait for one, plus the adapter's longest publish.
 */
function keyLapsed(adapter: AnyPlatformAdapter, { claim, images, slotAt }: Candidate): boolean {
  if (adapter.idempotentRetryWindowMs === null || claim.first_sent_at === null) return false;
  const doneBy = new Date((slotAt?.getTime() ?? Date.now() + MAX_INLINE_WAIT_MS) + adapter.longestPublishMs(images.length));
  return !keyStillHonoured(adapter.idempotentRetryWindowMs, claim.first_sent_at, doneBy);
}

/** A claim about to be checked, with its images (loaded before the transaction: a file read holds no lock). */
interface Candidate {
  claim: ClaimedPublication;
  images: LoadedImage[];
  /** Its slot, when reserved already (a waiting claim checked again before its call). */
  slotAt?: Date;
}

/**
 * Publications, a batch at a time: check that each may still go, reserve the platform's pace, mark
 * as sending, call the adapter. The checks, the pace and the `sending` marks of a batch commit in
 * one transaction under its posts' row locks (taken in id order), so a cancel or an edit either wins
 * before or finds them going; decisions taken there are announced only once it has committed. A
 * claim whose slot is further than `SEND_AHEAD_MS` keeps its slot and waits `claimed`; it is checked
 * again and marked, with the others due about then, just before its call (`markWaiting`).
 */
@Injectable()
export class Publisher {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(VESTNIK_CONFIG) private readonly config: VestnikConfig,
    @Inject(PLATFORM_ADAPTERS) private readonly adapters: AnyPlatformAdapter[],
    private readonly pacer: RatePacer,
    private readonly media: PublishingMedia,
    private readonly channels: PublishingChannels,
    private readonly recorder: OutcomeRecorder,
    private readonly events: PublishingEvents,
  ) {}

  /**
   * Checks a freshly claimed batch, reserves its pace slots and marks those due now `sending`, at most
   * `room` of them (the calls the worker can start about now): one transaction. The others wait `claimed`.
   */
  async prepare(claims: readonly ClaimedPublication[], room = Infinity): Promise<PreparedBatch> {
    if (claims.length === 0) return { sending: [], waiting: [], handedBackUntil: null };
    // Unlocked, for the images only: the checks read the posts again under their locks.
    const posts = await postsForPublishing(this.dataSource.manager, claims.map((c) => c.post_id));
    const candidates: Candidate[] = [];
    const unreadable: { claim: ClaimedPublication; reason: string; organizationId: string }[] = [];
    for (const claim of claims) {
      const post = posts.get(claim.post_id);
      if (!post || post.mediaIds.length === 0) {
        candidates.push({ claim, images: [] });
        continue;
      }
      try {
        candidates.push({ claim, images: await this.media.load(post.mediaIds, claim.platform) });
      } catch (e) {
        unreadable.push({ claim, organizationId: post.organizationId, reason: `Не удалось прочитать изображения: ${e instanceof Error ? e.message : String(e)}` });
      }
    }
    return this.events.afterCommit(this.dataSource, async (tx) => {
      const decided: Decided[] = unreadable.map((u) => ({ ...u, decision: 'fail_unsent', code: 'media_missing' }));
      return this.checkAndMark(tx, candidates, decided, room);
    });
  }

  /** Checks the waiting claims again (their slots are near) and marks those that may still go `sending`: one transaction. */
  async markWaiting(waiting: readonly ReadyToSend[]): Promise<ReadyToSend[]> {
    if (waiting.length === 0) return [];
    const batch = await this.events.afterCommit(this.dataSource, (tx) =>
      this.checkAndMark(
        tx,
        waiting.map((w) => ({ claim: w.claim, images: w.images, slotAt: w.slotAt })),
        [],
      ),
    );
    return batch.sending;
  }

  /** The platform call for one marked publication, at its slot; an adapter that throws is our bug, and the request may have gone out. */
  async call(ready: ReadyToSend): Promise<Answer> {
    const { claim, post, channel, adapter, images, paces, firstSentAt } = ready;
    // The images are already loaded (and converted) for this platform; the text is its variant or the common one.
    const content: PostContent = { ...contentFor(post, channel.platform, new Map()), images };
    let outcome: PublishOutcome;
    try {
      outcome = await (adapter.publish as (c: ChannelDescriptor, body: PostContent, ctx: PublishContext) => Promise<PublishOutcome>)(channel.target, content, { publicationId: claim.id, images });
    } catch (e) {
      outcome = { status: 'unconfirmed', reason: `Внутренняя ошибка при отправке: ${e instanceof Error ? e.message : String(e)}`, retrySafe: adapter.idempotentRetryWindowMs !== null };
    }
    return { claim: { ...claim, first_sent_at: firstSentAt ?? new Date() }, organizationId: post.organizationId, channel, outcome, paces };
  }

  /**
   * The last checks before the platform call, in `tx`: the posts locked in id order, the channels
   * read again (a page disabled, or its credentials renewed, meanwhile is seen here), the one
   * "missed" rule, and a repeat's key still honoured. Claims without a slot get one (or, when it is too far, are handed back until
   * then); those whose slot is near are marked `sending` with a lease from their slot, and their
   * posts move to publishing. Decisions (gone, cancelled, changed, disabled, missed, key lapsed) settle here.
   */
  private async checkAndMark(tx: EventfulTransaction, candidates: readonly Candidate[], decided: Decided[], room = Infinity): Promise<PreparedBatch> {
    const { m } = tx;
    const minutes = this.config.publishing.missedAfterMinutes;
    const posts = await postsForPublishing(m, candidates.map((c) => c.claim.post_id), true);
    const channels = await this.channels.openMany(candidates.map((c) => c.claim.channel_id), m);
    const missed = await missedAmong(m, candidates.map((c) => c.claim.id), minutes);
    const go: { candidate: Candidate; post: PostEntity; channel: ChannelToSend; adapter: AnyPlatformAdapter; paces: Pace[] }[] = [];
    for (const candidate of candidates) {
      const { claim } = candidate;
      const post = posts.get(claim.post_id);
      const channel = channels.get(claim.channel_id);
      const decide = (decision: Decided['decision'], code: string, reason: string) => decided.push({ claim, decision, code, reason, organizationId: post?.organizationId ?? '' });
      if (!post || !channel) {
        decide('fail_unsent', 'gone', 'Материал или канал удалён');
        continue;
      }
      const adapter = adapterFor(this.adapters, channel.target);
      if (!adapter) decide('fail_unsent', 'platform_unavailable', `Площадка ${channel.platform} не настроена на этом сервере`);
      else if (post.status === 'cancelled') decide('cancel_unsent', 'post_cancelled', 'Материал отменён');
      else if (!SENDABLE.includes(post.status) || post.approvedHash !== post.contentHash) decide('changed_unsent', 'content_changed', 'Материал изменён после согласования: нужна новая проверка');
      else if (channel.closed) decide('cancel_unsent', 'channel_disabled', 'Канал отключён: запись не отправлена');
      else if (missed.has(claim.id)) decide('miss', 'missed', `Не опубликовано вовремя: прошло больше ${minutes} мин. после назначенного времени`);
      else if (keyLapsed(adapter, candidate)) decide('key_lapsed', 'key_lapsed', KEY_LAPSED_REASON);
      else go.push({ candidate, post, channel, adapter, paces: adapter.paces(channel.target, { remoteTargetId: channel.remoteTargetId, imageCount: candidate.images.length }) });
    }

    // Slots for those that have none yet, in claim order; never waiting past a claim's lease.
    const unslotted = go.filter((g) => !g.candidate.slotAt);
    const slots = await this.pacer.reserveMany(
      m,
      unslotted.map((g) => ({ paces: g.paces, maxWaitMs: Math.min(MAX_INLINE_WAIT_MS, g.candidate.claim.lease_until.getTime() - Date.now() - LEASE_MARGIN_MS) })),
    );
    const slotOf = new Map(unslotted.map((g, i) => [g.candidate.claim.id, slots[i]]));
    const handBack: PublicationMove[] = [];
    const ready: ReadyToSend[] = [];
    for (const g of go) {
      const slot = slotOf.get(g.candidate.claim.id);
      const slotAt = g.candidate.slotAt ?? slot?.at ?? new Date();
      if (slot && !slot.reserved) {
        handBack.push({ id: g.candidate.claim.id, claim: fence(g.candidate.claim), nextAttemptAt: slot.at });
        continue;
      }
      ready.push({ claim: g.candidate.claim, post: g.post, channel: g.channel, adapter: g.adapter, images: g.candidate.images, paces: g.paces, slotAt, firstSentAt: null });
    }

    // A claim checked again before its call (it had its slot) is marked now, whatever its slot; a fresh
    // one only when its slot is near and a call can start about then (`room`): a row marked `sending`
    // and queued for a lane would be "may have gone out" to whoever takes it back after a crash.
    const now = Date.now();
    const isNear = (r: ReadyToSend) => slotOf.get(r.claim.id) === undefined || r.slotAt.getTime() - now <= SEND_AHEAD_MS;
    const near = ready
      .filter(isNear)
      .sort((a, b) => a.slotAt.getTime() - b.slotAt.getTime())
      .slice(0, Math.max(0, room));
    const marking = new Set(near.map((r) => r.claim.id));
    const waiting = ready.filter((r) => !marking.has(r.claim.id));
    const leaseSeconds = this.config.publishing.leaseSeconds;
    const marked = await movePublications(
      m,
      'send',
      near.map((r) => ({ id: r.claim.id, claim: fence(r.claim), leaseMs: Math.max(0, r.slotAt.getTime() - now) + sendingLeaseMs(r.adapter, r.images.length, leaseSeconds) })),
    );
    const firstSent = new Map(marked.map((r) => [r.id, r.first_sent_at]));
    const sending: ReadyToSend[] = [];
    for (const r of near) {
      const at = firstSent.get(r.claim.id);
      if (at) sending.push({ ...r, firstSentAt: new Date(at) });
      else tx.held.outcomeDropped(droppedWrite(r.claim, 'claimed', 'send'));
    }
    // A post's first publication to go out moves it to publishing (a later one finds it there).
    await movePosts(m, 'start_publishing', [...new Set(sending.filter((r) => r.post.status === 'scheduled').map((r) => r.post.id))]);

    // Too far to wait for: back to the queue until the slot would be free, in this same transaction.
    const handedBack = new Set((await movePublications(m, 'hand_back', handBack)).map((r) => r.id));
    for (const h of handBack) {
      if (handedBack.has(h.id)) continue;
      const claim = go.find((g) => g.candidate.claim.id === h.id)?.candidate.claim;
      if (claim) tx.held.outcomeDropped(droppedWrite(claim, 'claimed', 'hand-back'));
    }
    await this.recorder.engineDecisions(tx, decided);
    const until = handBack.reduce<number | null>((a, h) => Math.min(a ?? Infinity, h.nextAttemptAt?.getTime() ?? Infinity), null);
    return { sending, waiting, handedBackUntil: until === null ? null : new Date(until) };
  }
}

/** The claim a write is made for, as the lifecycle fences it. */
function fence(claim: ClaimedPublication): { token: number; worker: string } {
  return { token: claim.claim_token, worker: claim.claimed_by };
}
