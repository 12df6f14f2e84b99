import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { PLATFORMS, PUBLICATION_STATUSES } from '@vestnik/contracts';
import { DroppedOutcomeEvent, PublicationEvent, PublishingEvents } from '@vestnik/server/publishing';

/** Lateness buckets, seconds: from on time (1 s) to the default missed window (2 h). */
export const LATENESS_BUCKETS = [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200];
/** Label values come from platforms and the engine; anything unexpected is counted as `other` so series stay few. */
const LABEL_VALUE = /^[A-Za-z0-9_.:-]{1,40}$/;
const MAX_ERROR_CODES = 200;
/** How often the appended count changes are folded into the totals when no scrape does it. */
const COMPACT_EVERY_MS = 60_000;

/**
 * The server's Prometheus metrics, in a registry of its own (never prom-client's global one).
 *
 * Counters and the lateness histogram count what this replica's worker saw since it started:
 * each replica exposes its own and Prometheus sums them (`sum by (platform) (rate(…[5m]))`).
 * `vestnik_publications` is read from PostgreSQL at scrape time, so it is the same on every
 * replica and is the truth across them: aggregate it with `max`, not `sum`. It is read from the
 * counts a trigger on `publications` keeps (posts' migration PublicationCounts), not by counting rows.
 * Only counts are exposed: no names, ids or texts.
 */
@Injectable()
export class PublishingMetrics implements OnModuleInit, OnModuleDestroy {
  readonly registry = new Registry();
  private readonly logger = new Logger('Metrics');
  private readonly errorCodes = new Set<string>();
  private compactTimer?: NodeJS.Timeout;

  private readonly outcomes = new Counter({
    name: 'vestnik_publication_outcomes_total',
    help: 'Publication attempts and engine decisions by platform and outcome (published, rate_limited, transient, rejected, unconfirmed, missed, …); per replica',
    labelNames: ['platform', 'outcome'] as const,
    registers: [this.registry],
  });

  private readonly platformErrors = new Counter({
    name: 'vestnik_platform_errors_total',
    help: 'Errors answered by a platform, by platform and its error code; per replica',
    labelNames: ['platform', 'code'] as const,
    registers: [this.registry],
  });

  private readonly droppedWrites = new Counter({
    name: 'vestnik_late_writes_dropped_total',
    help: 'Writes of a worker whose claim was taken back meanwhile (late outcomes, retries, decisions), dropped by the claim fence, by platform and kind of write; per replica',
    labelNames: ['platform', 'write'] as const,
    registers: [this.registry],
  });

  private readonly lateness = new Histogram({
    name: 'vestnik_publication_lateness_seconds',
    help: 'Seconds between the planned time and going out, for published publications; per replica',
    labelNames: ['platform'] as const,
    buckets: LATENESS_BUCKETS,
    registers: [this.registry],
  });

  /** Read from PostgreSQL at each scrape, not counted here. */
  private readonly publications = new Gauge({
    name: 'vestnik_publications',
    help: 'Publications by status and platform, counted in PostgreSQL at scrape time: the same on every replica',
    labelNames: ['status', 'platform'] as const,
    registers: [this.registry],
  });

  private readonly databaseUp = new Gauge({
    name: 'vestnik_database_up',
    help: '1 when the last scrape could read publication counts from PostgreSQL',
    registers: [this.registry],
  });

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: PublishingEvents,
  ) {
    collectDefaultMetrics({ register: this.registry });
  }

  onModuleInit(): void {
    this.events.subscribe({ onPublication: (e) => this.observe(e), onOutcomeDropped: (e) => this.observeDropped(e) });
    // Without Prometheus scraping, the changes appended by the trigger would only grow.
    this.compactTimer = setInterval(() => void this.compactCounts(), COMPACT_EVERY_MS);
    this.compactTimer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.compactTimer);
  }

  /** The text exposition of every metric, for `/metrics`; publication counts are read first, once per scrape. */
  async render(): Promise<{ contentType: string; body: string }> {
    await this.countPublications();
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  observe(e: PublicationEvent): void {
    const platform = labelValue(e.platform);
    this.outcomes.inc({ platform, outcome: labelValue(e.outcome) });
    if (e.errorCode) this.platformErrors.inc({ platform, code: this.errorCode(e.errorCode) });
    if (e.status === 'published' && typeof e.latenessSeconds === 'number' && Number.isFinite(e.latenessSeconds)) {
      this.lateness.observe({ platform }, Math.max(0, e.latenessSeconds));
    }
  }

  /** A late write the claim fence refused: counted, so a stalling worker shows on a dashboard. */
  observeDropped(e: Pick<DroppedOutcomeEvent, 'platform' | 'write'>): void {
    this.droppedWrites.inc({ platform: e.platform, write: e.write });
  }

  /** Error codes are open-ended: past a few hundred distinct ones, new ones are counted as `other`. */
  private errorCode(code: string): string {
    const value = labelValue(code);
    if (this.errorCodes.has(value)) return value;
    if (this.errorCodes.size >= MAX_ERROR_CODES) return 'other';
    this.errorCodes.add(value);
    return value;
  }

  /**
   * The kept totals plus the changes appended since they were last folded, summed in one statement
   * (one snapshot): exact whatever other replicas write or fold meanwhile. A few dozen rows.
   */
  private async countPublications(): Promise<void> {
    await this.compactCounts();
    try {
      const rows: { status: string; platform: string; n: number | string }[] = await this.dataSource.query(
        `SELECT status, platform, sum(n)::int8 AS n
           FROM (SELECT status, platform, n FROM publication_counts UNION ALL SELECT status, platform, n FROM publication_count_changes) kept
          GROUP BY status, platform`,
      );
      this.publications.reset();
      // Every known pair is present, at zero when there are none, so series do not vanish and reappear.
      for (const status of PUBLICATION_STATUSES) for (const platform of PLATFORMS) this.publications.set({ status, platform }, 0);
      for (const r of rows) this.publications.set({ status: r.status, platform: r.platform }, Number(r.n));
      this.databaseUp.set(1);
    } catch (e) {
      this.publications.reset();
      this.databaseUp.set(0);
      this.logger.warn(`publication counts unavailable: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** Folds the appended changes into the totals; a replica folding already is not waited for. */
  private async compactCounts(): Promise<void> {
    try {
      await this.dataSource.query(`SELECT publication_counts_compact()`);
    } catch (e) {
      // The read still sums what is left unfolded: counts stay exact, only slower to read.
      this.logger.warn(`publication counts not folded: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

function labelValue(value: string): string {
  return LABEL_VALUE.test(value) ? value : 'other';
}
