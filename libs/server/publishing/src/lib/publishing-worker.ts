import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { VESTNIK_CONFIG, VestnikConfig } from '@vestnik/server/config';
import { overduePublications } from '@vestnik/server/posts';
import { Answer, OutcomeRecorder } from './outcome-recorder';
import { OutcomeBuffer } from './outcome-buffer';
import { Lanes } from './lanes';
import { ClaimedPublication, PublicationClaims } from './publication-claims';
import { PreparedBatch, Publisher, ReadyToSend, SEND_AHEAD_MS } from './publisher';
import { Reconciler } from './reconciler';

const INTERVAL_NAME = 'publishing-worker';
/** How often a pass that never runs dry still takes back expired claims and marks missed ones. */
const HOUSEKEEPING_EVERY_MS = 5_000;
/**
 * Claims one worker holds at once (waiting for their pace slot, or being sent), per lane: enough for
 * a burst on thousands of pages (each token, bot or chat holds at most ~10 s of slots, and a claim
 * waiting for its slot must not keep the worker from claiming pages that could go now), still a
 * bound on what one worker holds.
 */
const HELD_PER_LANE = 512;
/** A claim with images holds their bytes while it waits: it weighs this much more, so at most 64 per lane are held. */
const IMAGES_WEIGHT = 8;
/** Answers are written in groups: one transaction at most this long after the first answer of a group… */
const FLUSH_MS = 20;
/** …or once this many wait. */
const FLUSH_ROWS = 100;
/** A group of claims waiting for their slots is checked and marked this long before the first slot. */
const MARK_LEAD_MS = 50;
/**
 * Claims marked `sending` and not yet answered, per lane: those being called and as many queued for
 * a lane. A marked claim is "may have gone out" if the worker dies, so no more are marked than can
 * be called about now; the rest wait `claimed` with their slots.
 */
const MARKED_PER_LANE = 4;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * The publishing worker: on every tick of its @nestjs/schedule interval (and, when idle, at the
 * moment the next publication falls due) it takes back expired claims, marks long-overdue
 * publications missed, then claims due publications a batch at a time and sends them, several at
 * once, until none is due. Answers are recorded in groups (`OutcomeBuffer`). Runs in replicas whose
 * VESTNIK_ROLES include `worker`.
 */
@Injectable()
export class PublishingWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly id = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private readonly logger = new Logger('PublishingWorker');
  private running: Promise<void> | null = null;
  private stopping = false;
  private housekeptAt = 0;
  /** The look scheduled for the moment the next publication falls due, when sooner than the poll. */
  private nextLook: ReturnType<typeof setTimeout> | null = null;
  private stop!: () => void;
  private readonly stopped = new Promise<void>((resolve) => (this.stop = resolve));

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(VESTNIK_CONFIG) private readonly config: VestnikConfig,
    private readonly scheduler: SchedulerRegistry,
    private readonly claims: PublicationClaims,
    private readonly publisher: Publisher,
    private readonly recorder: OutcomeRecorder,
    private readonly reconciler: Reconciler,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.roles.includes('worker')) return;
    this.scheduler.addInterval(INTERVAL_NAME, setInterval(() => this.tick(), this.config.publishing.pollMs));
    this.logger.log(`worker ${this.id} started (batch ${this.config.publishing.batchSize}, concurrency ${this.config.publishing.concurrency})`);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.stop();
    if (this.scheduler.doesExist('interval', INTERVAL_NAME)) this.scheduler.deleteInterval(INTERVAL_NAME);
    if (this.nextLook) clearTimeout(this.nextLook);
    // Let publications in flight finish and record their outcomes; claims still waiting for their slot are released.
    await this.running;
  }

  /** One pass; overlapping ticks are skipped while a pass runs. Public for tests. */
  tick(): Promise<void> {
    if (this.running || this.stopping) return this.running ?? Promise.resolve();
    this.running = this.pass()
      .catch((e: unknown) => this.logger.error(`pass failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`))
      .then(() => this.lookWhenDue())
      .finally(() => (this.running = null));
    return this.running;
  }

  /**
   * Claims and sends until nothing is due and nothing is in hand: a batch is claimed, checked and
   * marked in one transaction (`Publisher.prepare`) whenever the worker holds fewer than its bound;
   * each marked claim is called at its slot on a free lane, and each group of waiting claims is
   * checked and marked again just before its slots.
   */
  private async pass(): Promise<void> {
    await this.housekeeping();
    const { concurrency, batchSize, pollMs } = this.config.publishing;
    const lanes = new Lanes(concurrency, 0);
    const buffer = new OutcomeBuffer<Answer>(
      (group) => this.recorder.recordMany(group),
      // Left to their leases: taken back as if this worker had died between the answers and their write.
      (e, group) => this.logger.error(`recording ${group.length} answers failed: ${e instanceof Error ? e.message : String(e)}`),
      FLUSH_MS,
      FLUSH_ROWS,
    );
    const tasks = new Set<Promise<void>>();
    const bound = concurrency * HELD_PER_LANE;
    const markedBound = concurrency * MARKED_PER_LANE;
    let held = 0;
    const marked = { count: 0 };
    let dueAgainAt = Infinity;
    const start = (count: number, work: () => Promise<void>) => {
      held += count;
      const task: Promise<void> = work()
        .catch((e: unknown) => this.logger.error(`sending failed: ${e instanceof Error ? e.message : String(e)}`))
        .finally(() => {
          held -= count;
          tasks.delete(task);
        });
      tasks.add(task);
    };
    for (;;) {
      if (this.stopping) break;
      if (held >= bound - batchSize) {
        // Full: wait until a batch's worth has gone out.
        await Promise.race([sleep(50), this.stopped]);
        continue;
      }
      const batch = await this.refill(batchSize, markedBound - marked.count);
      if (batch) {
        marked.count += batch.sending.length;
        for (const ready of batch.sending) start(weight(ready), () => this.send(ready, lanes, buffer, marked));
        for (const group of bySlot(batch.waiting, markedBound / 2)) start(group.reduce((a, r) => a + weight(r), 0), () => this.sendLater(group, lanes, buffer, marked, markedBound));
        if (batch.handedBackUntil) dueAgainAt = Math.min(dueAgainAt, batch.handedBackUntil.getTime());
        continue;
      }
      if (tasks.size === 0) break;
      // Nothing due now while others are in hand: look again when a claim handed back falls due, or at the poll.
      const delay = Math.max(10, Math.min(pollMs, dueAgainAt - Date.now()));
      if (dueAgainAt <= Date.now() + delay) dueAgainAt = Infinity;
      await Promise.race([Promise.all(tasks), sleep(delay), this.stopped]);
    }
    while (tasks.size) await Promise.all(tasks);
    await buffer.flush();
  }

  /** One marked claim: waits for its slot, calls on a free lane, hands the answer to the buffer. */
  private async send(ready: ReadyToSend, lanes: Lanes, buffer: OutcomeBuffer<Answer>, marked: { count: number }): Promise<void> {
    let answer: Answer;
    try {
      await sleep(ready.slotAt.getTime() - Date.now());
      await lanes.acquire();
      try {
        answer = await this.publisher.call(ready);
      } finally {
        lanes.release();
      }
    } finally {
      marked.count -= 1;
    }
    await buffer.push(answer);
  }

  /**
   * Claims waiting for slots close together: checked and marked in one transaction just before the
   * first (once there is room for their calls), then sent.
   */
  private async sendLater(group: ReadyToSend[], lanes: Lanes, buffer: OutcomeBuffer<Answer>, marked: { count: number }, markedBound: number): Promise<void> {
    await Promise.race([sleep(group[0].slotAt.getTime() - MARK_LEAD_MS - Date.now()), this.stopped]);
    while (!this.stopping && marked.count > 0 && marked.count + group.length > markedBound) await Promise.race([sleep(5), this.stopped]);
    if (this.stopping) return this.claims.release(group.map((r) => r.claim));
    marked.count += group.length;
    let ready: ReadyToSend[] | null = null;
    try {
      ready = await this.twice(() => this.publisher.markWaiting(group), 'checking waiting claims');
    } finally {
      marked.count -= group.length - (ready?.length ?? 0);
    }
    // On failure the claims stay `claimed`: their lease runs out and they are simply due again.
    await Promise.all((ready ?? []).map((r) => this.send(r, lanes, buffer, marked)));
  }

  /** Claims the next batch of due publications and prepares it, marking at most `room`; null when none was due (or claiming failed: the next look retries). */
  private async refill(limit: number, room: number): Promise<PreparedBatch | null> {
    let claims: ClaimedPublication[];
    try {
      // Under a steady backlog a pass never ends: a dead worker's claims must not wait for it to.
      if (Date.now() - this.housekeptAt > HOUSEKEEPING_EVERY_MS) await this.housekeeping();
      claims = await this.claims.claim(this.id, limit);
    } catch (e) {
      this.logger.error(`claiming failed: ${e instanceof Error ? e.message : String(e)}`);
      return null;
    }
    if (claims.length === 0) return null;
    // On failure the claims stay `claimed` (nothing was sent): their lease runs out and they are due again.
    return (await this.twice(() => this.publisher.prepare(claims, room), `preparing ${claims.length} claims`)) ?? { sending: [], waiting: [], handedBackUntil: null };
  }

  /** A transaction that rolled back whole (a deadlock, a refused commit) may run once more: every write in it is fenced. */
  private async twice<T>(work: () => Promise<T>, what: string): Promise<T | null> {
    for (let attempt = 1; attempt <= 2; attempt++) {
      try {
        return await work();
      } catch (e) {
        this.logger.error(`${what} failed (attempt ${attempt}): ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    return null;
  }

  /** An idle worker looks again the moment the next publication falls due, when that is sooner than the poll. */
  private async lookWhenDue(): Promise<void> {
    if (this.stopping || !this.config.roles.includes('worker')) return;
    try {
      const at = await this.claims.nextDueAt();
      const wait = at ? at.getTime() - Date.now() : Infinity;
      if (wait >= this.config.publishing.pollMs) return;
      if (this.nextLook) clearTimeout(this.nextLook);
      this.nextLook = setTimeout(() => void this.tick(), Math.max(0, wait));
    } catch (e) {
      this.logger.error(`looking for the next due time failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private async housekeeping(): Promise<void> {
    this.housekeptAt = Date.now();
    const recovered = await this.recorder.recoverExpired();
    if (recovered.length) {
      const lost = recovered.filter((r) => r.next === 'unconfirmed').length;
      const resent = recovered.filter((r) => r.next === 'resend').length;
      this.logger.warn(`took back ${recovered.length} expired claims (${lost} unconfirmed, ${resent} to resend with the same key)`);
    }
    // Lost answers are looked up on the platform before anyone is asked (see Reconciler).
    await this.reconciler.sweep(this.id);
    await this.sweepMissed();
  }

  /** Publications still waiting long after their time (an outage, a page needing attention) are missed, not sent late. */
  private async sweepMissed(): Promise<void> {
    const overdue = await overduePublications(this.dataSource.manager, this.config.publishing.missedAfterMinutes, 500);
    for (const id of overdue) {
      // With a lease, like any claim: if this worker dies before deciding, another takes it back.
      const claim = await this.claims.claimForDecision(id, this.id);
      if (!claim) continue;
      await this.recorder.engineDecision(claim, 'miss', 'missed', `Не опубликовано вовремя: прошло больше ${this.config.publishing.missedAfterMinutes} мин. после назначенного времени`);
    }
  }
}

/** What a claim in hand counts against the worker's bound. */
function weight(ready: ReadyToSend): number {
  return ready.images.length ? IMAGES_WEIGHT : 1;
}

/** Waiting claims grouped by slot: each group's slots lie within `SEND_AHEAD_MS` of its first, at most `size` claims. */
function bySlot(waiting: readonly ReadyToSend[], size: number): ReadyToSend[][] {
  const sorted = [...waiting].sort((a, b) => a.slotAt.getTime() - b.slotAt.getTime());
  const groups: ReadyToSend[][] = [];
  for (const r of sorted) {
    const last = groups[groups.length - 1];
    if (last && last.length < size && r.slotAt.getTime() - last[0].slotAt.getTime() < SEND_AHEAD_MS) last.push(r);
    else groups.push([r]);
  }
  return groups;
}
