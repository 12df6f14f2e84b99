import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { VESTNIK_CONFIG, VestnikConfig } from '@vestnik/server/config';
import { OutcomeRecorder } from './outcome-recorder';
import { ClaimedPublication, PublicationClaims } from './publication-claims';
import { Publisher } from './publisher';

const INTERVAL_NAME = 'publishing-worker';

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

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(VESTNIK_CONFIG) private readonly config: VestnikConfig,
    private readonly scheduler: SchedulerRegistry,
    private readonly claims: PublicationClaims,
    private readonly publisher: Publisher,
    private readonly recorder: OutcomeRecorder,
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

  private async pass(): Promise<void> {
    const recovered = await this.claims.recoverExpired();
    if (recovered.length) this.logger.warn(`took back ${recovered.length} expired claims`);
    await this.sweepMissed();
    for (;;) {
      if (this.stopping) return;
      const batch = await this.claims.claim(this.id, this.config.publishing.batchSize);
      if (batch.length === 0) return;
      await this.runPool(batch);
      if (batch.length < this.config.publishing.batchSize) return;
    }
  }

  private async runPool(batch: ClaimedPublication[]): Promise<void> {
    const queue = [...batch];
    const lane = async () => {
      for (let claim = queue.shift(); claim; claim = queue.shift()) {
        if (this.stopping) {
          await this.claims.release(claim.id, this.id, new Date());
          continue;
        }
        try {
          await this.publisher.process(claim, this.id);
        } catch (e) {
          // A database hiccup mid-way: the lease expiry hands it back safely (unconfirmed if it was sending).
          this.logger.error(`publication ${claim.id}: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.config.publishing.concurrency, batch.length) }, lane));
  }

  /** Publications still waiting long after their time (an outage, a page needing attention) are missed, not sent late. */
  private async sweepMissed(): Promise<void> {
    const overdue: ClaimedPublication[] = await this.dataSource.query(
      `SELECT pub.id, pub.post_id, pub.channel_id, pub.platform, pub.attempts, p.scheduled_at
         FROM publications pub JOIN posts p ON p.id = pub.post_id
        WHERE pub.status = 'scheduled' AND greatest(p.scheduled_at, coalesce(pub.requeued_at, p.scheduled_at)) < now() - make_interval(mins => $1)
        LIMIT 500`,
      [this.config.publishing.missedAfterMinutes],
    );
    for (const claim of overdue) {
      const [rows] = await this.dataSource.query(`UPDATE publications SET status = 'publishing', phase = 'claimed', claimed_by = $2 WHERE id = $1 AND status = 'scheduled' RETURNING id`, [claim.id, this.id]);
      if ((rows as unknown[]).length === 0) continue;
      await this.recorder.engineDecision(claim, 'missed', 'missed', `Не опубликовано вовремя: прошло больше ${this.config.publishing.missedAfterMinutes} мин. после назначенного времени`);
    }
  }
}
