import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  channelPageUrl,
  ComplianceFailures,
  ComplianceFigures,
  ComplianceReport,
  ComplianceRow,
  ComplianceTotalWeek,
  ComplianceWeek,
  ComplianceWeekCount,
  ON_TIME_TOLERANCE_MINUTES,
  Platform,
  RUBRICS,
  RubricCounts,
  RubricMix,
} from '@vestnik/contracts';
import { AccessService } from '@vestnik/server/auth';
import { SignedInActor } from '@vestnik/server/http';
import { effectiveTimezones } from '@vestnik/server/organizations';
import { PLANNED_AT as plannedAt } from '@vestnik/server/posts';
import { COMPLIANCE_RULES } from './compliance-labels';

/** Publication states that count as a failure of the month: given up, never sent, or sent without an answer. */
const FAILURE_STATUSES = ['failed', 'missed', 'unconfirmed'] as const;

/** When a publication (`pub`, of the post `post`) was meant to go out: the lifecycle's own rule, lateness counts from it. */
const PLANNED_AT = plannedAt('pub', 'post');

/**
 * The month's weeks and every page's publications in them. Weeks are the cadence report's:
 * `date_trunc('week', instant AT TIME ZONE zone)`, Monday to Sunday in the zone of the page's
 * organization; a week belongs to the month of its Monday. `$1` organization ids and `$2` their zones
 * (the subtree), `$3` the month's first day, `$4` now, `$5` the on-time tolerance in minutes, `$6`
 * and `$7` instants around the month's weeks in every zone (see `around`), which the indexes use.
 */
const MONTH_CTES = `
WITH bounds AS (
  SELECT m + (8 - extract(isodow FROM m)::int) % 7 AS first_monday, (m + interval '1 month')::date - 1 AS last_day
    FROM (SELECT $3::date AS m) x
), weeks AS (
  SELECT generate_series(first_monday, last_day, interval '7 days')::date AS week_start FROM bounds
), span AS (
  SELECT first_monday, (SELECT max(week_start) FROM weeks) AS last_monday FROM bounds
), zones AS (
  SELECT * FROM unnest($1::uuid[], $2::text[]) AS z(organization_id, timezone)
), ch AS (
  SELECT c.id, c.organization_id, c.weekly_minimum, z.timezone
    FROM channels c JOIN zones z ON z.organization_id = c.organization_id
   WHERE c.created_at < $7::timestamptz AND (c.deleted_at IS NULL OR c.deleted_at >= $6::timestamptz)
), published AS (
  -- Through the partial index publications (channel_id, published_at) WHERE published: a page's month, not its history.
  SELECT pub.channel_id, post.rubric, date_trunc('week', pub.published_at AT TIME ZONE ch.timezone)::date AS week,
         pub.published_at <= ${PLANNED_AT} + make_interval(mins => $5::int) AS on_time
    FROM ch JOIN publications pub ON pub.channel_id = ch.id JOIN posts post ON post.id = pub.post_id
   WHERE pub.status = 'published' AND pub.published_at >= $6::timestamptz AND pub.published_at < $7::timestamptz
     AND date_trunc('week', pub.published_at AT TIME ZONE ch.timezone)::date BETWEEN (SELECT first_monday FROM span) AND (SELECT last_monday FROM span)
), failures AS (
  -- The states are written out so the partial index of open publications serves them.
  SELECT pub.channel_id, pub.status
    FROM ch JOIN publications pub ON pub.channel_id = ch.id JOIN posts post ON post.id = pub.post_id
   WHERE pub.status IN (${FAILURE_STATUSES.map((s) => `'${s}'`).join(', ')})
     AND post.scheduled_at < $7::timestamptz AND ${PLANNED_AT} >= $6::timestamptz
     AND date_trunc('week', ${PLANNED_AT} AT TIME ZONE ch.timezone)::date BETWEEN (SELECT first_monday FROM span) AND (SELECT last_monday FROM span)
), weekly AS (
  SELECT ch.id AS channel_id, w.week_start, ch.weekly_minimum, count(published.channel_id)::int AS published,
         ((w.week_start + 7)::timestamp AT TIME ZONE ch.timezone) <= $4::timestamptz AS complete
    FROM ch CROSS JOIN weeks w LEFT JOIN published ON published.channel_id = ch.id AND published.week = w.week_start
   GROUP BY ch.id, w.week_start, ch.weekly_minimum, ch.timezone
), per_channel AS (
  SELECT weekly.channel_id,
         json_agg(json_build_object('weekStart', to_char(week_start, 'YYYY-MM-DD'), 'published', published,
                  'belowMinimum', CASE WHEN weekly_minimum IS NULL OR NOT complete THEN NULL ELSE published < weekly_minimum END) ORDER BY week_start) AS weeks,
         CASE WHEN min(weekly_minimum) IS NULL THEN NULL ELSE (count(*) FILTER (WHERE complete AND published < weekly_minimum))::int END AS missed_weeks
    FROM weekly GROUP BY weekly.channel_id
), published_by_channel AS (
  SELECT channel_id, count(*)::int AS published, count(*) FILTER (WHERE on_time)::int AS on_time,
         count(*) FILTER (WHERE rubric = 'official')::int AS official,
         count(*) FILTER (WHERE rubric = 'useful')::int AS useful,
         count(*) FILTER (WHERE rubric = 'entertaining')::int AS entertaining
    FROM published GROUP BY channel_id
), failures_by_channel AS (
  SELECT channel_id, count(*) FILTER (WHERE status = 'failed')::int AS failed, count(*) FILTER (WHERE status = 'missed')::int AS missed,
         count(*) FILTER (WHERE status = 'unconfirmed')::int AS unconfirmed
    FROM failures GROUP BY channel_id
), figures AS (
  SELECT ch.id AS channel_id, ch.weekly_minimum, pc.weeks, pc.missed_weeks,
         coalesce(pb.published, 0) AS published, coalesce(pb.on_time, 0) AS on_time,
         coalesce(pb.official, 0) AS official, coalesce(pb.useful, 0) AS useful, coalesce(pb.entertaining, 0) AS entertaining,
         coalesce(fc.failed, 0) AS failed, coalesce(fc.missed, 0) AS missed, coalesce(fc.unconfirmed, 0) AS unconfirmed
    FROM ch JOIN per_channel pc ON pc.channel_id = ch.id
    LEFT JOIN published_by_channel pb ON pb.channel_id = ch.id
    LEFT JOIN failures_by_channel fc ON fc.channel_id = ch.id
), total_weeks AS (
  SELECT week_start, sum(published)::int AS published,
         (count(*) FILTER (WHERE complete AND published < weekly_minimum))::int AS pages_below
    FROM weekly GROUP BY week_start
)`;

/** Figures as one row of the statement answers them, for a page or (`channel_id` null) the total. */
interface FiguresRow {
  channel_id: string | null;
  /** The total's weeks also tell `pagesBelowMinimum`. */
  weeks: (ComplianceWeekCount & Partial<Pick<ComplianceTotalWeek, 'pagesBelowMinimum'>>)[] | null;
  missed_weeks: number | null;
  published: number;
  on_time: number;
  official: number;
  useful: number;
  entertaining: number;
  failed: number;
  missed: number;
  unconfirmed: number;
  pages: number;
  pages_with_minimum: number;
  weekly_minimum: number | null;
  pages_with_missed_weeks: number;
}

interface ChannelRow {
  id: string;
  organization_id: string;
  organization_name: string;
  platform: Platform;
  title: string;
  target: string;
  remote_target_id: string | null;
  weekly_minimum: number | null;
  rubric_mix: RubricMix | null;
}

/**
 * The monthly compliance report's figures for an organization's subtree, counted in PostgreSQL:
 * per page and week what went out against the weekly minimum, the rubric mix, on-time share and
 * failures, and the subtree's total.
 */
@Injectable()
export class ComplianceData {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  /** 404 outside the caller's subtrees; every role may read it, like the cadence report. */
  async report(actor: SignedInActor, organizationId: string, month: string, now = new Date()): Promise<ComplianceReport> {
    const { organization } = await this.access.require(actor.user.id, organizationId, 'viewer');
    const organizations: { id: string }[] = await this.dataSource.query(`SELECT id FROM organizations WHERE path LIKE $1`, [`${organization.path}%`]);
    const ids = organizations.map((o) => o.id);
    const zones = await effectiveTimezones(this.dataSource, ids);
    const timezone = zones.get(organizationId) ?? 'UTC';
    const params = [ids, ids.map((id) => zones.get(id) ?? 'UTC'), `${month}-01`, now, ON_TIME_TOLERANCE_MINUTES, ...around(month)];

    const weeks: ComplianceWeek[] = await this.dataSource.query(
      `${MONTH_CTES}
       SELECT to_char(week_start, 'YYYY-MM-DD') AS "weekStart", to_char(week_start + 6, 'YYYY-MM-DD') AS "weekEnd",
              ((week_start + 7)::timestamp AT TIME ZONE $8::text) <= $4::timestamptz AS complete
         FROM weeks ORDER BY week_start`,
      [...params, timezone],
    );
    const channels: ChannelRow[] = await this.dataSource.query(
      `${MONTH_CTES}
       SELECT c.id, c.organization_id, o.name AS organization_name, c.platform, coalesce(c.display_name, c.name) AS title,
              c.target, c.remote_target_id, c.weekly_minimum, c.rubric_mix
         FROM ch JOIN channels c ON c.id = ch.id JOIN organizations o ON o.id = c.organization_id
         -- The tree as people read it: by the names from the root down (an organization before those under it), then by title.
         JOIN LATERAL (SELECT array_agg(a.name ORDER BY step) AS names
                         FROM unnest(string_to_array(trim(BOTH '/' FROM o.path), '/')) WITH ORDINALITY AS up(id, step)
                         JOIN organizations a ON a.id = up.id::uuid) tree ON true
        ORDER BY tree.names, o.id, coalesce(c.display_name, c.name), c.id`,
      params,
    );
    const figures: FiguresRow[] = await this.dataSource.query(
      `${MONTH_CTES}
       SELECT f.channel_id, f.weeks, f.missed_weeks, f.published, f.on_time, f.official, f.useful, f.entertaining, f.failed, f.missed, f.unconfirmed,
              1 AS pages, 0 AS pages_with_minimum, f.weekly_minimum, 0 AS pages_with_missed_weeks
         FROM figures f
       UNION ALL
       SELECT NULL, (SELECT json_agg(json_build_object('weekStart', to_char(week_start, 'YYYY-MM-DD'), 'published', published,
                      'belowMinimum', NULL, 'pagesBelowMinimum', pages_below) ORDER BY week_start) FROM total_weeks),
              CASE WHEN count(f.weekly_minimum) = 0 THEN NULL ELSE coalesce(sum(f.missed_weeks), 0)::int END,
              coalesce(sum(f.published), 0)::int, coalesce(sum(f.on_time), 0)::int, coalesce(sum(f.official), 0)::int, coalesce(sum(f.useful), 0)::int,
              coalesce(sum(f.entertaining), 0)::int, coalesce(sum(f.failed), 0)::int, coalesce(sum(f.missed), 0)::int, coalesce(sum(f.unconfirmed), 0)::int,
              count(*)::int, count(f.weekly_minimum)::int, coalesce(sum(f.weekly_minimum), 0)::int, (count(*) FILTER (WHERE f.missed_weeks > 0))::int
         FROM figures f`,
      params,
    );

    const byChannel = new Map(figures.filter((f) => f.channel_id !== null).map((f) => [f.channel_id, f]));
    const emptyWeeks = weeks.map((w) => ({ weekStart: w.weekStart, published: 0, belowMinimum: null }));
    const rows: ComplianceRow[] = channels.map((c) => {
      const f = byChannel.get(c.id);
      return {
        channelId: c.id,
        organizationId: c.organization_id,
        organizationName: c.organization_name,
        platform: c.platform,
        title: c.title,
        url: channelPageUrl({ platform: c.platform, target: c.target, remoteTargetId: c.remote_target_id }),
        weeklyMinimum: c.weekly_minimum,
        rubricTarget: c.rubric_mix,
        ...toFigures(f, emptyWeeks),
        rubricDeviation: f ? rubricDeviation({ official: f.official, useful: f.useful, entertaining: f.entertaining }, c.rubric_mix) : null,
        designCompleteness: null,
        likes: null,
        reposts: null,
        comments: null,
      };
    });
    const total = figures.find((f) => f.channel_id === null);
    const totalFigures = toFigures(total, emptyWeeks);
    return {
      organizationId,
      organizationName: organization.name,
      month,
      timezone,
      generatedAt: now.toISOString(),
      onTimeToleranceMinutes: ON_TIME_TOLERANCE_MINUTES,
      weeks,
      rules: COMPLIANCE_RULES,
      rows,
      total: {
        ...totalFigures,
        weeks: totalFigures.weeks.map((w) => ({ weekStart: w.weekStart, published: w.published, belowMinimum: null, pagesBelowMinimum: w.pagesBelowMinimum ?? 0 })),
        pages: total?.pages ?? 0,
        pagesWithMinimum: total?.pages_with_minimum ?? 0,
        weeklyMinimum: total?.weekly_minimum ?? 0,
        pagesWithMissedWeeks: total?.pages_with_missed_weeks ?? 0,
      },
    };
  }
}

/** Figures as the statement answered them: a page's weeks, or the total's with `pagesBelowMinimum`. */
type Figures = Omit<ComplianceFigures, 'weeks'> & { weeks: NonNullable<FiguresRow['weeks']> };

function toFigures(f: FiguresRow | undefined, emptyWeeks: ComplianceWeekCount[]): Figures {
  if (!f) return { weeks: emptyWeeks, published: 0, missedWeeks: null, rubrics: { official: 0, useful: 0, entertaining: 0 }, onTime: 0, onTimeShare: null, failures: failures(0, 0, 0) };
  return {
    weeks: f.weeks ?? emptyWeeks,
    published: f.published,
    missedWeeks: f.missed_weeks,
    rubrics: { official: f.official, useful: f.useful, entertaining: f.entertaining },
    onTime: f.on_time,
    onTimeShare: f.published ? Math.round((f.on_time / f.published) * 1000) / 1000 : null,
    failures: failures(f.failed, f.missed, f.unconfirmed),
  };
}

/**
 * Instants surely around the month's weeks in every zone: its weeks start on or after the 1st and end
 * by the 7th of the next month, and no zone is more than 14 hours from UTC; a day either side does.
 */
function around(month: string): [Date, Date] {
  const [year, m] = month.split('-').map(Number);
  return [new Date(Date.UTC(year, m - 1, 0)), new Date(Date.UTC(year, m, 9))];
}

function failures(failed: number, missed: number, unconfirmed: number): ComplianceFailures {
  return { failed, missed, unconfirmed, total: failed + missed + unconfirmed };
}

/** The largest gap, in percentage points, between a rubric's share of what went out and its target. */
export function rubricDeviation(published: RubricCounts, target: RubricMix | null): number | null {
  const total = RUBRICS.reduce((sum, r) => sum + published[r], 0);
  if (!target || total === 0) return null;
  return Math.round(Math.max(...RUBRICS.map((r) => Math.abs((published[r] / total) * 100 - target[r]))));
}
