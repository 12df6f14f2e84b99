import type { DashboardPagesQuery, DashboardSort, Platform } from '@vestnik/contracts';
import { pageStatsCte, SqlParams, weeklySeriesCte } from './page-stats-sql';

/** A statement and its parameters, as the service runs it (and the benchmark times it). */
export interface Statement {
  sql: string;
  values: unknown[];
}

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
export interface Header {
  h_tz: string;
  h_week_start: string;
  h_week_end: string;
  h_mix_from: string;
  h_series_from: string;
}

/** The subtree's sums, as the totals statement answers them. */
export interface TotalsRow extends Header {
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
}

/**
 * One window of the page rows, sorted and filtered, with the total: the header row is always there
 * (page fields null when the window is empty), so an offset past the end still answers the total.
 */
export function pagesStatement(o: { path: string; organizationId: string; now: Date; query: DashboardPagesQuery & { limit: number; offset: number } }): Statement {
  const q = o.query;
  const sort = q.sort ?? 'atRisk';
  const dir = (q.order ?? (sort === 'atRisk' ? 'desc' : 'asc')) === 'desc' ? 'DESC' : 'ASC';
  const p = new SqlParams();
  const cte = pageStatsCte({ path: o.path, now: o.now, platform: q.platform, search: q.search }, p);
  const header = headerCte(p, o.organizationId, 1);
  // At risk first means the worst first: then by shortfall and by how many reasons.
  const orderBy = [
    `${SORT_SQL[sort]} ${dir} NULLS LAST`,
    ...(sort === 'atRisk' ? [`shortfall ${dir}`, `cardinality(risk_reasons) ${dir}`] : []),
    'organization_path',
    'name',
    'id',
  ].join(', ');
  const sql = `WITH ${cte}, ${header},
       filtered AS (SELECT * FROM page_rows WHERE ${q.atRiskOnly ? 'cardinality(risk_reasons) > 0' : 'true'}),
       window_rows AS (SELECT f.*, row_number() OVER (ORDER BY ${orderBy}) AS ord FROM filtered f ORDER BY ord LIMIT ${p.add(q.limit)} OFFSET ${p.add(q.offset)})
       SELECT h.*, (SELECT count(*) FROM filtered)::int AS total, w.*
         FROM header h LEFT JOIN window_rows w ON true
        ORDER BY w.ord`;
  return { sql, values: p.values };
}

/** The weekly series, the mix and the counts over the pages in scope (a subtree, a platform of it, or one page), in one row. */
export function totalsStatement(o: { path: string; organizationId: string; now: Date; weeks: number; platform?: Platform; channelId?: string }): Statement {
  const p = new SqlParams();
  const cte = pageStatsCte({ path: o.path, now: o.now, seriesWeeks: o.weeks, platform: o.platform, channelId: o.channelId }, p);
  const series = weeklySeriesCte(p, o.weeks);
  const header = headerCte(p, o.organizationId, o.weeks);
  const sql = `WITH ${cte}, ${series}, ${header},
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
         FROM header h`;
  return { sql, values: p.values };
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
