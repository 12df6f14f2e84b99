import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { VESTNIK_CONFIG, VestnikConfig } from '@vestnik/server/config';
import { MinimumNotices } from '@vestnik/server/notifications';
import { DashboardClock } from './dashboard-clock';
import { pageStatsCte, SqlParams } from './page-stats-sql';

const INTERVAL_NAME = 'minimum-warnings';
const EVERY_MS = 15 * 60_000;

/** A page whose week will fall short, as the look finds it. */
interface ShortPage {
  id: string;
  name: string;
  platform: string;
  organization_id: string;
  organization_name: string;
  weekly_minimum: number;
  published_week: number;
  scheduled_week: number;
  shortfall: number;
  week_start: string;
  week_end: string;
}

const WEEK_END = new Intl.DateTimeFormat('ru-RU', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });

/**
 * Warns before a week is missed: every 15 minutes a worker replica looks for pages whose published
 * and still scheduled posts of the current week (in the organization's zone) are below the weekly
 * minimum with `MINIMUM_WARNING_DAYS_LEFT` or fewer whole days left after today, and tells their
 * people (see `MinimumNotices`). Once per page and week: the warning's row `(channel_id, week_start)`
 * is inserted in the transaction that writes the notifications, so replicas looking at the same
 * time cannot both send it.
 */
@Injectable()
export class MinimumWarnings implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('MinimumWarnings');
  private running: Promise<number> | null = null;
  private stopping = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(VESTNIK_CONFIG) private readonly config: VestnikConfig,
    private readonly scheduler: SchedulerRegistry,
    private readonly notices: MinimumNotices,
    private readonly clock: DashboardClock,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.roles.includes('worker')) return;
    this.scheduler.addInterval(INTERVAL_NAME, setInterval(() => void this.tick(), EVERY_MS));
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.scheduler.doesExist('interval', INTERVAL_NAME)) this.scheduler.deleteInterval(INTERVAL_NAME);
    await this.running;
  }

  /** One look; overlapping ticks are skipped while one runs. Answers how many pages were warned about. Public for tests. */
  tick(): Promise<number> {
    if (this.running || this.stopping) return this.running ?? Promise.resolve(0);
    this.running = this.pass()
      .catch((e: unknown) => {
        this.logger.error(`pass failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        return 0;
      })
      .finally(() => (this.running = null));
    return this.running;
  }

  private async pass(): Promise<number> {
    let warned = 0;
    for (const page of await this.shortPages()) {
      if (this.stopping) break;
      if (await this.warn(page)) warned++;
    }
    return warned;
  }

  /** Pages short of their minimum this week, near its end, not yet warned about this week. */
  private async shortPages(): Promise<ShortPage[]> {
    const p = new SqlParams();
    const cte = pageStatsCte({ path: '', now: this.clock.now(), warnable: true }, p);
    return this.dataSource.query(
      `WITH ${cte}
       SELECT pr.id, pr.name, pr.platform, pr.organization_id, pr.organization_name, pr.weekly_minimum, pr.published_week, pr.scheduled_week, pr.shortfall,
              to_char(pr.local_monday, 'YYYY-MM-DD') AS week_start, to_char(pr.local_monday + interval '6 days', 'YYYY-MM-DD') AS week_end
         FROM page_rows pr
        WHERE pr.shortfall > 0
          AND 6 - (pr.local_today - pr.local_monday::date) <= ${p.add(this.config.coordination.minimumWarningDaysLeft)}::int
          AND NOT EXISTS (SELECT 1 FROM minimum_warnings w WHERE w.channel_id = pr.id AND w.week_start = pr.local_monday::date)
        ORDER BY pr.organization_path, pr.name`,
      p.values,
    );
  }

  /** Records the warning and tells the people in one transaction; false when another replica got there first. */
  private warn(page: ShortPage): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const recorded: unknown[] = await m.query(
        `INSERT INTO minimum_warnings (channel_id, week_start, shortfall, recipients) VALUES ($1, $2, $3, 0)
         ON CONFLICT (channel_id, week_start) DO NOTHING RETURNING channel_id`,
        [page.id, page.week_start, page.shortfall],
      );
      if (recorded.length === 0) return false;
      const told = await this.notices.warn(
        {
          channelId: page.id,
          organizationId: page.organization_id,
          channel: { name: page.name, platform: page.platform },
          organizationName: page.organization_name,
          minimum: page.weekly_minimum,
          published: page.published_week,
          scheduled: page.scheduled_week,
          shortfall: page.shortfall,
          weekEnds: WEEK_END.format(new Date(`${page.week_end}T00:00:00Z`)),
        },
        m,
      );
      await m.query(`UPDATE minimum_warnings SET recipients = $3 WHERE channel_id = $1 AND week_start = $2`, [page.id, page.week_start, told]);
      return true;
    });
  }
}
