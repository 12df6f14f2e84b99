import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { VESTNIK_CONFIG, VestnikConfig } from '@vestnik/server/config';
import { overduePublications } from '@vestnik/server/posts';
import { OutcomeRecorder } from './outcome-recorder';
import { Lanes } from './lanes';
import { ClaimedPublication, PublicationClaims } from './publication-claims';
import { Publisher } from './publisher';
import { Reconciler } from './reconciler';

const INTERVAL_NAME = 'publishing-worker';
/** How often a pass that never runs dry still takes back expired claims and marks missed ones. */
const HOUSEKEEPING_EVERY_MS = 5_000;
/**
 * Claims that may wait for their pace slot without holding a lane, per lane: enough for a burst on
 * hundreds of chats (each holds at most ~10 s of slots), still a bound on what one worker holds.
 */
const WAITERS_PER_LANE = 64;

/**
 * The publishing worker: on every tick of its @nestjs/schedule interval it takes back expired
 * claims, marks long-overdue publications missed, then claims due publications and sends them,
 * several at once, until none is due. Runs in replicas whose VESTNIK_ROLES include `worker`.
 */
@Injectable()
export class PublishingWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly id = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private readonly logger = new Logger('PublishingWorker');
  private running: Promise<void> | null = null;
  private stopping = false;
  private housekeptAt = 0;

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
    if (this.scheduler.doesExist('interval', INTERVAL_NAME)) this.scheduler.deleteInterval(INTERVAL_NAME);
    // Let publications in flight finish and record their outcomes; unstarted claims are released.
    await this.running;
  }

  /** One pass; overlapping ticks are skipped while a pass runs. Public for tests. */
  tick(): Promise<void> {
    if (this.running || this.stopping) return this.running ?? Promise.resolve();
    this.running = this.pass()
      .catch((e: unknown) => this.logger.error(`pass failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`))
      .finally(() => (this.running = null));
    return this.running;
  }

  /**
   * Claims and sends until nothing is due and nothing is in hand: a batch is claimed whenever the
   * last one has been handed out, and each claim is worked on as soon as a lane is free (see `Lanes`).
   */
  private async pass(): Promise<void> {
    await this.housekeeping();
    const { concurrency, pollMs } = this.config.publishing;
    const lanes = new Lanes(concurrency, concurrency * WAITERS_PER_LANE);
    const queue: ClaimedPublication[] = [];
    const inFlight = new Set<Promise<void>>();
    for (;;) {
      await lanes.acquire();
      if (queue.length === 0 && !this.stopping) await this.refill(queue);
      const claim = queue.shift();
      if (!claim) {
        lanes.release();
        if (inFlight.size === 0 || this.stopping) break;
        // Nothing due while others wait for their pace slots: look again as an idle worker would.
        await new Promise((r) => setTimeout(r, pollMs));
        continue;
      }
      const work = this.stopping ? this.claims.release(claim, new Date()) : this.send(claim, lanes);
      const task: Promise<void> = work.finally(() => {
        lanes.release();
        inFlight.delete(task);
      });
      inFlight.add(task);
    }
    await Promise.all(inFlight);
  }

  private async send(claim: ClaimedPublication, lanes: Lanes): Promise<void> {
    try {
      await this.publisher.process(claim, (ms) => lanes.pause(ms));
    } catch (e) {
      // A database hiccup mid-way: the lease expiry hands it back safely (unconfirmed if it was sending).
      this.logger.error(`publication ${claim.id}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** Claims the next batch of due publications into the queue (none when claiming fails: the next look retries). */
  private async refill(queue: ClaimedPublication[]): Promise<void> {
    try {
      // Under a steady backlog a pass never ends: a dead worker's claims must not wait for it to.
      if (Date.now() - this.housekeptAt > HOUSEKEEPING_EVERY_MS) await this.housekeeping();
      queue.push(...(await this.claims.claim(this.id, this.config.publishing.batchSize)));
    } catch (e) {
      this.logger.error(`claiming failed: ${e instanceof Error ? e.message : String(e)}`);
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
