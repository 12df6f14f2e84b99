import { DASHBOARD_DAYS_AHEAD_CAP, DASHBOARD_NOTHING_PLANNED_DAYS, type Platform, type PublicationStatus } from '@vestnik/contracts';

/** Publications still to go out: approved and waiting, or being sent. */
export const WAITING_STATUSES: PublicationStatus[] = ['scheduled', 'publishing'];
/** Publications that did not go out as planned and need a person. */
export const FAILURE_STATUSES: PublicationStatus[] = ['failed', 'missed', 'unconfirmed'];
/** Written out, not a parameter, so the planner can use the partial index `publications_channel_open` (same list). */
const OPEN_STATUSES_SQL = [...WAITING_STATUSES, ...FAILURE_STATUSES].map((s) => `'${s}'`).join(', ');

/** When a publication was meant to go out: the later of its post's time and a republish (as the publishing engine reads it). */
const PLANNED_AT = `greatest(post.scheduled_at, coalesce(x.requeued_at, post.scheduled_at))`;

/** Which pages to count, and at which instant. */
export interface PageScope {
  /** Materialized path of the asked organization: its subtree's pages are counted. */
  path: string;
  now: Date;
  platform?: Platform;
  /** One page only (its history). */
  channelId?: string;
  /** Part of the page's name, address or organization's name. */
  search?: string;
  /** Pages with a weekly minimum only, of organizations not archived, not switched off (the warnings' scope). */
  warnable?: boolean;
  /** Weeks of the weekly series, ending with the current one (1 when absent). */
  seriesWeeks?: number;
}

/** Positional parameters gathered while the statement is written. */
export class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * The `page_stats` CTE chain: one row per live page of the subtree, counted in its organization's
 * zone (the nearest own zone up the tree, as everywhere else; weeks are `date_trunc('week', … AT TIME
 * ZONE zone)` like the cadence report's, Monday to Sunday). Published ones are read per page through
 * the partial index by channel and time, so the cost follows the 4 weeks, not the history (a hash
 * join over all of them was faster at 8 weeks of history and 4 times slower at a year); the few
 * waiting or failed ones through their own partial index, joined as a set.
 * Columns: see `PageStatsRow`.
 */
export function pageStatsCte(scope: PageScope, p: SqlParams): string {
  const now = p.add(scope.now);
  const path = p.add(`${scope.path.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const filters: string[] = ['c.deleted_at IS NULL'];
  if (scope.platform) filters.push(`c.platform = ${p.add(scope.platform)}`);
  if (scope.warnable) filters.push(`c.weekly_minimum > 0`, `c.state <> 'disabled'`, `o.archived_at IS NULL`);
  if (scope.channelId) filters.push(`c.id = ${p.add(scope.channelId)}::uuid`);
  if (scope.search?.trim()) {
    const like = p.add(`%${scope.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    filters.push(`(c.name ILIKE ${like} OR c.display_name ILIKE ${like} OR c.target ILIKE ${like} OR o.name ILIKE ${like})`);
  }
  const waiting = p.add(WAITING_STATUSES);
  const failures = p.add(FAILURE_STATUSES);
  const seriesWeeks = p.add(Math.max(scope.seriesWeeks ?? 1, 1));
  const cap = p.add(DASHBOARD_DAYS_AHEAD_CAP);
  const emptyDays = p.add(DASHBOARD_NOTHING_PLANNED_DAYS);
  return `
  orgs AS MATERIALIZED (
    SELECT o.id, o.name, o.path, o.archived_at,
           coalesce((SELECT a.own_timezone FROM organizations a
                      WHERE o.path LIKE a.path || '%' AND a.own_timezone IS NOT NULL
                      ORDER BY length(a.path) DESC LIMIT 1), 'UTC') AS tz
      FROM organizations o WHERE o.path LIKE ${path}
  ),
  zoned AS MATERIALIZED (
    SELECT orgs.*, l.local_monday, l.local_today,
           l.local_monday AT TIME ZONE orgs.tz AS week_start,
           (l.local_monday + interval '7 days') AT TIME ZONE orgs.tz AS week_end,
           (l.local_monday - interval '21 days') AT TIME ZONE orgs.tz AS mix_from,
           (l.local_monday - make_interval(days => 7 * (${seriesWeeks}::int - 1))) AT TIME ZONE orgs.tz AS series_from,
           l.local_today::timestamp AT TIME ZONE orgs.tz AS today_start,
           (l.local_today + ${cap}::int)::timestamp AT TIME ZONE orgs.tz AS horizon
      FROM orgs, LATERAL (SELECT date_trunc('week', ${now}::timestamptz AT TIME ZONE orgs.tz) AS local_monday,
                                 (${now}::timestamptz AT TIME ZONE orgs.tz)::date AS local_today) l
  ),
  pages AS (
    SELECT c.id, c.name, c.platform, c.target, c.remote_target_id, c.state, c.weekly_minimum, c.rubric_mix,
           c.organization_id, o.name AS organization_name, o.path AS organization_path, o.tz,
           o.local_monday, o.local_today, o.week_start, o.week_end, o.mix_from, o.series_from, o.today_start, o.horizon
      FROM channels c JOIN zoned o ON o.id = c.organization_id
     WHERE ${filters.join(' AND ')}
  ),
  open AS (
    SELECT x.channel_id,
           count(*) FILTER (WHERE x.status = ANY(${waiting}) AND ${PLANNED_AT} >= pg.week_start AND ${PLANNED_AT} < pg.week_end)::int AS waiting_week,
           min(${PLANNED_AT}) FILTER (WHERE x.status = ANY(${waiting}) AND ${PLANNED_AT} >= pg.today_start AND ${PLANNED_AT} < pg.horizon) AS first_waiting,
           count(*) FILTER (WHERE x.status = ANY(${failures}) AND ${PLANNED_AT} >= pg.week_start AND ${PLANNED_AT} < pg.week_end)::int AS failures_week,
           count(*) FILTER (WHERE x.status = ANY(${failures}) AND ${PLANNED_AT} >= pg.mix_from AND ${PLANNED_AT} < pg.week_end)::int AS failures_4w
      FROM pages pg
      JOIN publications x ON x.channel_id = pg.id AND x.status IN (${OPEN_STATUSES_SQL})
      JOIN posts post ON post.id = x.post_id
     GROUP BY x.channel_id
  ),
  page_stats AS (
    SELECT pg.*,
           coalesce(pub.published_week, 0) AS published_week,
           coalesce(pub.official, 0) AS mix_official, coalesce(pub.useful, 0) AS mix_useful, coalesce(pub.entertaining, 0) AS mix_entertaining,
           coalesce(op.waiting_week, 0) AS scheduled_week,
           coalesce(op.failures_week, 0) AS failures_week,
           coalesce(op.failures_4w, 0) AS failures_4w,
           last.at AS last_published_at,
           least(${cap}::int, coalesce((least(op.first_waiting, pub.first_today) AT TIME ZONE pg.tz)::date - pg.local_today, ${cap}::int)) AS days_ahead_empty
      FROM pages pg
      -- By channel and time through publications_channel_published: the cost follows the 4 weeks, not the history.
      LEFT JOIN LATERAL (
        SELECT count(*) FILTER (WHERE x.published_at >= pg.week_start)::int AS published_week,
               count(*) FILTER (WHERE post.rubric = 'official')::int AS official,
               count(*) FILTER (WHERE post.rubric = 'useful')::int AS useful,
               count(*) FILTER (WHERE post.rubric = 'entertaining')::int AS entertaining,
               min(x.published_at) FILTER (WHERE x.published_at >= pg.today_start) AS first_today
          FROM publications x JOIN posts post ON post.id = x.post_id
         WHERE x.channel_id = pg.id AND x.status = 'published' AND x.published_at >= pg.mix_from AND x.published_at < pg.week_end
      ) pub ON true
      LEFT JOIN open op ON op.channel_id = pg.id
      LEFT JOIN LATERAL (
        SELECT x.published_at AS at FROM publications x
         WHERE x.channel_id = pg.id AND x.status = 'published' AND x.published_at IS NOT NULL
         ORDER BY x.published_at DESC LIMIT 1
      ) last ON true
  ),
  page_rows AS (
    SELECT s.*, r.shortfall,
           array_remove(ARRAY[
             CASE WHEN r.shortfall > 0 THEN 'below_minimum_forecast' END,
             CASE WHEN s.state = 'needs_attention' THEN 'needs_attention' END,
             CASE WHEN s.failures_week > 0 THEN 'failures' END,
             CASE WHEN s.weekly_minimum > 0 AND s.days_ahead_empty >= ${emptyDays}::int THEN 'nothing_planned' END
           ], NULL) AS risk_reasons
      FROM page_stats s,
           LATERAL (SELECT CASE WHEN s.weekly_minimum IS NULL THEN 0 ELSE greatest(0, s.weekly_minimum - s.published_week - s.scheduled_week) END AS shortfall) r
  )`;
}

/** A row of `page_rows`, as PostgreSQL answers it. */
export interface PageStatsRow {
  id: string;
  name: string;
  platform: Platform;
  target: string;
  remote_target_id: string | null;
  state: 'active' | 'disabled' | 'needs_attention';
  weekly_minimum: number | null;
  rubric_mix: Record<'official' | 'useful' | 'entertaining', number> | null;
  organization_id: string;
  organization_name: string;
  tz: string;
  published_week: number;
  scheduled_week: number;
  mix_official: number;
  mix_useful: number;
  mix_entertaining: number;
  failures_week: number;
  failures_4w: number;
  last_published_at: Date | null;
  days_ahead_empty: number;
  shortfall: number;
  risk_reasons: string[];
}

/**
 * Per page and week of the series (0 = oldest … n-1 = the current week, each in the page's zone):
 * published, and still waiting (the current week only has any). Needs `page_rows` above.
 */
export function weeklySeriesCte(p: SqlParams, weeks: number): string {
  const n = p.add(weeks);
  return `
  series AS (
    SELECT w.week, sum(w.n)::int AS published, 0 AS waiting
      FROM page_rows pg,
           LATERAL (SELECT ${n}::int - 1 - ((pg.local_monday::date - date_trunc('week', x.published_at AT TIME ZONE pg.tz)::date) / 7) AS week, count(*) AS n
                      FROM publications x
                     WHERE x.channel_id = pg.id AND x.status = 'published' AND x.published_at >= pg.series_from AND x.published_at < pg.week_end
                     GROUP BY 1) w
     GROUP BY w.week
    UNION ALL
    SELECT ${n}::int - 1, 0, sum(pg.scheduled_week)::int FROM page_rows pg
  ),
  weekly AS (
    SELECT w.week, coalesce(sum(s.published), 0)::int AS published, coalesce(sum(s.waiting), 0)::int AS scheduled
      FROM generate_series(0, ${n}::int - 1) AS w(week) LEFT JOIN series s ON s.week = w.week
     GROUP BY w.week
  )`;
}
