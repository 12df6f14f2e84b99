import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { PLATFORMS, PUBLICATION_STATUSES } from '@vestnik/contracts';
import { PublicationEvent, PublishingEvents } from '@vestnik/server/publishing';

/** Lateness buckets, seconds: from on time (1 s) to the default missed window (2 h). */
export const LATENESS_BUCKETS = [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200];
/** Label values come from platforms and the engine; anything unexpected is counted as `other` so series stay few. */
const LABEL_VALUE = /^[A-Za-z0-9_.:-]{1,40}$/;
const MAX_ERROR_CODES = 200;

/**
 * The server's Prometheus metrics, in a registry of its own (never prom-client's global one).
 *
 * Counters and the lateness histogram count what this replica's worker saw since it started:
 * each replica exposes its own and Prometheus sums them (`sum by (platform) (rate(…[5m]))`).
 * `vestnik_publications` is read from PostgreSQL at scrape time, so it is the same on every
 * replica and is the truth across them: aggregate it with `max`, not `sum`.
 * Only counts are exposed: no names, ids or texts.
 */
@Injectable()
export class PublishingMetrics implements OnModuleInit {
  readonly registry = new Registry();
  private readonly logger = new Logger('Metrics');
  private readonly errorCodes = new Set<string>();

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
    this.events.subscribe({ onPublication: (e) => this.observe(e) });
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

  /** Error codes are open-ended: past a few hundred distinct ones, new ones are counted as `other`. */
  private errorCode(code: string): string {
    const value = labelValue(code);
    if (this.errorCodes.has(value)) return value;
    if (this.errorCodes.size >= MAX_ERROR_CODES) return 'other';
    this.errorCodes.add(value);
    return value;
  }

  /** One GROUP BY over all publications. */
  private async countPublications(): Promise<void> {
    try {
      const rows: { status: string; platform: string; n: number }[] = await this.dataSource.query(`SELECT status, platform, count(*)::int AS n FROM publications GROUP BY status, platform`);
      this.publications.reset();
      // Every known pair is present, at zero when there are none, so series do not vanish and reappear.
      for (const status of PUBLICATION_STATUSES) for (const platform of PLATFORMS) this.publications.set({ status, platform }, 0);
      for (const r of rows) this.publications.set({ status: r.status, platform: r.platform }, r.n);
      this.databaseUp.set(1);
    } catch (e) {
      this.publications.reset();
      this.databaseUp.set(0);
      this.logger.warn(`publication counts unavailable: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

function labelValue(value: string): string {
  return LABEL_VALUE.test(value) ? value : 'other';
}
