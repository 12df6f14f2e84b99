import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { channelPageUrl } from '@vestnik/contracts';
import type {
  DashboardHistoryQuery,
  DashboardMix,
  DashboardPageHistoryView,
  DashboardPageRow,
  DashboardPagesQuery,
  DashboardPagesView,
  DashboardRiskReason,
  DashboardSummaryQuery,
  DashboardSummaryView,
  DashboardWeek,
  RubricMix,
} from '@vestnik/contracts';
import { AccessService } from '@vestnik/server/auth';
import { notFound, SignedInActor } from '@vestnik/server/http';
import { DashboardClock } from './dashboard-clock';
import { Header, pagesStatement, totalsStatement, TotalsRow } from './dashboard-statements';
import { PageStatsRow } from './page-stats-sql';

const DEFAULT_LIMIT = 50;
const DEFAULT_WEEKS = 8;

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
    const statement = pagesStatement({ path: organization.path, organizationId: organization.id, now: this.clock.now(), query: { ...q, limit, offset } });
    const rows: (Header & Partial<PageStatsRow> & { total: number })[] = await this.dataSource.query(statement.sql, statement.values);
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
    const statement = totalsStatement({ path, organizationId, now: this.clock.now(), weeks, ...only });
    const [row]: TotalsRow[] = await this.dataSource.query(statement.sql, statement.values);
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

function toRow(r: PageStatsRow): DashboardPageRow {
  return {
    channelId: r.id,
    channelName: r.name,
    platform: r.platform,
    url: channelPageUrl({ platform: r.platform, target: r.target, remoteTargetId: r.remote_target_id }),
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
