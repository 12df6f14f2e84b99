import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type {
  DashboardHistoryQuery,
  DashboardMix,
  DashboardPageHistoryView,
  DashboardPageRow,
  DashboardPagesQuery,
  DashboardPagesView,
  DashboardRiskReason,
  DashboardSort,
  DashboardSummaryQuery,
  DashboardSummaryView,
  DashboardWeek,
  RubricMix,
  SortOrder,
} from '@vestnik/contracts';
import { AccessService } from '@vestnik/server/auth';
import { notFound, SignedInActor } from '@vestnik/server/http';
import { DashboardClock } from './dashboard-clock';
import { pageStatsCte, PageStatsRow, SqlParams, weeklySeriesCte } from './page-stats-sql';
import { pageUrl } from './page-url';

const DEFAULT_LIMIT = 50;
const DEFAULT_WEEKS = 8;

/** What each sortable column sorts on (a whitelist: nothing from the query reaches the SQL text). */
const SORT_SQL: Record<DashboardSort, string> = {
  organizationName: 'organization_name',
  channelName: 'name',
  platform: 'platform',
  weeklyMinimum: 'weekly_minimum',
  publishedThisWeek: 'published_week',
  scheduledRestOfWeek: 'scheduled_week',
  shortfall: 'shortfall',
  atRisk: '(cardinality(risk_reasons) > 0)',
  daysAheadEmpty: 'days_ahead_empty',
  lastPublishedAt: 'last_published_at',
  failuresLast4Weeks: 'failures_4w',
  needsAttention: `(state = 'needs_attention')`,
};

/** The asked organization's own calendar: its zone, this week, the 4 weeks of the mix and the series. */
interface Header {
  h_tz: string;
  h_week_start: string;
  h_week_end: string;
  h_mix_from: string;
  h_series_from: string;
}

/**
 * The coordinator's dashboard: each page of an organization's subtree this week against its weekly
 * minimum, and weekly series per page and over the subtree. Every count is made by PostgreSQL in
 * one statement per answer (see `pageStatsCte`); anyone with a role on the organization sees it.
 */
@Injectable()
export class DashboardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly clock: DashboardClock,
  ) {}

  async pages(actor: SignedInActor, q: DashboardPagesQuery): Promise<DashboardPagesView> {
    const { organization } = await this.access.require(actor.user.id, q.organizationId, 'viewer');
    const limit = q.limit ?? DEFAULT_LIMIT;
    const offset = q.offset ?? 0;
    const sort = q.sort ?? 'atRisk';
    const order: SortOrder = q.order ?? (sort === 'atRisk' ? 'desc' : 'asc');
    const p = new SqlParams();
    const cte = pageStatsCte({ path: organization.path, now: this.clock.now(), platform: q.platform, search: q.search }, p);
    const header = headerCte(p, organization.id, 1);
    const dir = order === 'desc' ? 'DESC' : 'ASC';
    // At risk first means the worst first: then by shortfall and by how many reasons.
    const orderBy = [
      `${SORT_SQL[sort]} ${dir} NULLS LAST`,
      ...(sort === 'atRisk' ? [`shortfall ${dir}`, `cardinality(risk_reasons) ${dir}`] : []),
      'organization_path',
      'name',
      'id',
    ].join(', ');
    const rows: (Header & Partial<PageStatsRow> & { total: number })[] = await this.dataSource.query(
      `WITH ${cte}, ${header},
       filtered AS (SELECT * FROM page_rows WHERE ${q.atRiskOnly ? 'cardinality(risk_reasons) > 0' : 'true'}),
       window_rows AS (SELECT f.*, row_number() OVER (ORDER BY ${orderBy}) AS ord FROM filtered f ORDER BY ord LIMIT ${p.add(limit)} OFFSET ${p.add(offset)})
       SELECT h.*, (SELECT count(*) FROM filtered)::int AS total, w.*
         FROM header h LEFT JOIN window_rows w ON true
        ORDER BY w.ord`,
      p.values,
    );
    const [first] = rows;
    if (!first) throw notFound('Организация');
    return {
      organizationId: organization.id,
      timezone: first.h_tz,
      weekStart: first.h_week_start,
      weekEnd: first.h_week_end,
      mixFrom: first.h_mix_from,
      total: first.total,
      limit,
      offset,
      rows: rows.filter((r): r is Header & PageStatsRow & { total: number } => typeof r.id === 'string').map(toRow),
    };
  }

  async summary(actor: SignedInActor, q: DashboardSummaryQuery): Promise<DashboardSummaryView> {
    const { organization } = await this.access.require(actor.user.id, q.organizationId, 'viewer');
    const weeks = q.weeks ?? DEFAULT_WEEKS;
    const totals = await this.totals(organization.path, organization.id, weeks, { platform: q.platform });
    return {
      organizationId: organization.id,
      timezone: totals.header.h_tz,
      weeks: totals.weeks,
      mix: totals.mix,
      pages: totals.pages,
      pagesWithMinimum: totals.pagesWithMinimum,
      atRisk: totals.atRisk,
      needsAttention: totals.needsAttention,
    };
  }

  async history(actor: SignedInActor, channelId: string, q: DashboardHistoryQuery): Promise<DashboardPageHistoryView> {
    const [channel]: { id: string; name: string; platform: DashboardPageHistoryView['platform']; organization_id: string; weekly_minimum: number | null }[] = await this.dataSource.query(
      `SELECT id, name, platform, organization_id, weekly_minimum FROM channels WHERE id = $1 AND deleted_at IS NULL`,
      [channelId],
    );
    if (!channel) throw notFound('Страница');
    const { organization } = await this.access.require(actor.user.id, channel.organization_id, 'viewer', 'Страница');
    const totals = await this.totals(organization.path, organization.id, q.weeks ?? DEFAULT_WEEKS, { channelId });
    return {
      channelId: channel.id,
      channelName: channel.name,
      platform: channel.platform,
      organizationId: channel.organization_id,
      timezone: totals.header.h_tz,
      weeklyMinimum: channel.weekly_minimum,
      weeks: totals.weeks,
      mix: totals.mix,
    };
  }

  /** The weekly series, the mix and the counts over the pages in scope, in one statement. */
  private async totals(path: string, organizationId: string, weeks: number, only: { platform?: DashboardSummaryQuery['platform']; channelId?: string }) {
    const p = new SqlParams();
    const cte = pageStatsCte({ path, now: this.clock.now(), seriesWeeks: weeks, ...only }, p);
    const seriesCte = weeklySeriesCte(p, weeks);
    const header = headerCte(p, organizationId, weeks);
    const [row]: (Header & {
      weeks: { week: number; published: number; scheduled: number }[];
      pages: number;
      with_minimum: number;
      minimum: number;
      at_risk: number;
      needs_attention: number;
      official: number;
      useful: number;
      entertaining: number;
      target_official: string | null;
      target_useful: string | null;
      target_entertaining: string | null;
    })[] = await this.dataSource.query(
      `WITH ${cte}, ${seriesCte}, ${header},
       weights AS (SELECT pr.*, greatest(coalesce(pr.weekly_minimum, 1), 1) AS weight FROM page_rows pr WHERE pr.rubric_mix IS NOT NULL)
       SELECT h.*,
              (SELECT json_agg(json_build_object('week', week, 'published', published, 'scheduled', scheduled) ORDER BY week) FROM weekly) AS weeks,
              (SELECT count(*) FROM page_rows)::int AS pages,
              (SELECT count(*) FROM page_rows WHERE weekly_minimum IS NOT NULL)::int AS with_minimum,
              (SELECT coalesce(sum(weekly_minimum), 0) FROM page_rows)::int AS minimum,
              (SELECT count(*) FROM page_rows WHERE cardinality(risk_reasons) > 0)::int AS at_risk,
              (SELECT count(*) FROM page_rows WHERE state = 'needs_attention')::int AS needs_attention,
              (SELECT coalesce(sum(mix_official), 0) FROM page_rows)::int AS official,
              (SELECT coalesce(sum(mix_useful), 0) FROM page_rows)::int AS useful,
              (SELECT coalesce(sum(mix_entertaining), 0) FROM page_rows)::int AS entertaining,
              (SELECT round(sum(weight * (rubric_mix->>'official')::numeric) / sum(weight), 1) FROM weights) AS target_official,
              (SELECT round(sum(weight * (rubric_mix->>'useful')::numeric) / sum(weight), 1) FROM weights) AS target_useful,
              (SELECT round(sum(weight * (rubric_mix->>'entertaining')::numeric) / sum(weight), 1) FROM weights) AS target_entertaining
         FROM header h`,
      p.values,
    );
    if (!row) throw notFound('Организация');
    const mondays = Array.from({ length: weeks }, (_, i) => addDays(row.h_series_from, 7 * i));
    const series: DashboardWeek[] = mondays.map((weekStart, i) => {
      const w = row.weeks.find((x) => x.week === i);
      return { weekStart, published: w?.published ?? 0, scheduled: w?.scheduled ?? 0, minimum: row.minimum };
    });
    const target: RubricMix | null =
      row.target_official === null ? null : { official: Number(row.target_official), useful: Number(row.target_useful), entertaining: Number(row.target_entertaining) };
    const mix: DashboardMix = { from: row.h_mix_from, published: { official: row.official, useful: row.useful, entertaining: row.entertaining }, targetPercent: target };
    return { header: row, weeks: series, mix, pages: row.pages, pagesWithMinimum: row.with_minimum, atRisk: row.at_risk, needsAttention: row.needs_attention };
  }
}

/** `header`: the asked organization's zone and dates (it is in `zoned`, being the root of its own subtree). */
function headerCte(p: SqlParams, organizationId: string, weeks: number): string {
  const id = p.add(organizationId);
  const n = p.add(weeks);
  return `
  header AS (
    SELECT z.tz AS h_tz,
           to_char(z.local_monday, 'YYYY-MM-DD') AS h_week_start,
           to_char(z.local_monday + interval '6 days', 'YYYY-MM-DD') AS h_week_end,
           to_char(z.local_monday - interval '21 days', 'YYYY-MM-DD') AS h_mix_from,
           to_char(z.local_monday - make_interval(days => 7 * (${n}::int - 1)), 'YYYY-MM-DD') AS h_series_from
      FROM zoned z WHERE z.id = ${id}::uuid
  )`;
}

function toRow(r: PageStatsRow): DashboardPageRow {
  return {
    channelId: r.id,
    channelName: r.name,
    platform: r.platform,
    url: pageUrl(r.platform, r.target, r.remote_target_id),
    organizationId: r.organization_id,
    organizationName: r.organization_name,
    timezone: r.tz,
    weeklyMinimum: r.weekly_minimum,
    publishedThisWeek: r.published_week,
    scheduledRestOfWeek: r.scheduled_week,
    shortfall: r.shortfall,
    atRisk: r.risk_reasons.length > 0,
    riskReasons: r.risk_reasons as DashboardRiskReason[],
    daysAheadEmpty: r.days_ahead_empty,
    lastPublishedAt: r.last_published_at?.toISOString() ?? null,
    failuresLast4Weeks: r.failures_4w,
    needsAttention: r.state === 'needs_attention',
    state: r.state,
    rubricMix4Weeks: { official: r.mix_official, useful: r.mix_useful, entertaining: r.mix_entertaining },
    rubricTarget: r.rubric_mix,
  };
}

function addDays(date: string, days: number): string {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() + days * 86_400_000).toISOString().slice(0, 10);
}
