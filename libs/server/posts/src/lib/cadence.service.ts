import { Injectable } from '@nestjs/common';
import { CadenceChannel, CadenceReport, formatZoned, parseZonedInstant, Rubric, RUBRICS, RubricCounts } from '@vestnik/contracts';
import { SignedInActor } from '@vestnik/server/http';
import { PostContext } from './post-context';

/** Post statuses that count as planned: approved, going out, or out. */
const PLANNED_POST_STATUSES = ['scheduled', 'publishing', 'published', 'partially_published', 'failed'];
const DAY_MS = 86_400_000;

interface Row {
  channel_id: string;
  week_start: string;
  rubric: Rubric;
  planned: number;
  published: number;
}

/**
 * Each page's rhythm against its obligations: per channel and week (Monday to Sunday in the
 * organization's zone), planned and published counts by rubric and whether the weekly minimum is
 * met — by what is published for past weeks, by what is planned for the current and later ones.
 */
@Injectable()
export class CadenceService {
  constructor(private readonly ctx: PostContext) {}

  async report(actor: SignedInActor, organizationId: string, weeks = 4, now = new Date()): Promise<CadenceReport> {
    const access = await this.ctx.requireOrganization(actor, organizationId, 'viewer');
    const timezone = await this.ctx.timezoneOf(organizationId);
    // The window opens with last week: the obligation just past, the current week and those ahead.
    const thisMonday = mondayOf(now, timezone);
    const firstMonday = addDays(thisMonday, -7);
    const weekStarts = Array.from({ length: weeks }, (_, i) => addDays(firstMonday, 7 * i));
    const from = localMidnight(firstMonday, timezone);
    const to = localMidnight(addDays(firstMonday, 7 * weeks), timezone);
    const prefix = `${access.organization.path}%`;

    const channels: { id: string; name: string; organization_id: string; platform: CadenceChannel['platform']; weekly_minimum: number | null; rubric_mix: CadenceChannel['rubricMix'] }[] = await this.ctx.dataSource.query(
      `SELECT c.id, c.name, c.organization_id, c.platform, c.weekly_minimum, c.rubric_mix FROM channels c JOIN organizations o ON o.id = c.organization_id
        WHERE o.path LIKE $1 AND c.deleted_at IS NULL ORDER BY o.path, c.name`,
      [prefix],
    );
    const rows: Row[] = await this.ctx.dataSource.query(
      `SELECT pub.channel_id, to_char(date_trunc('week', p.scheduled_at AT TIME ZONE $4), 'YYYY-MM-DD') AS week_start, p.rubric,
              count(*) FILTER (WHERE p.status = ANY($5) AND pub.status <> 'cancelled')::int AS planned,
              count(*) FILTER (WHERE pub.status = 'published')::int AS published
         FROM publications pub JOIN posts p ON p.id = pub.post_id JOIN channels c ON c.id = pub.channel_id JOIN organizations o ON o.id = c.organization_id
        WHERE o.path LIKE $1 AND p.scheduled_at >= $2 AND p.scheduled_at < $3
        GROUP BY 1, 2, 3`,
      [prefix, from, to, timezone, PLANNED_POST_STATUSES],
    );
    const mixRows: { own: boolean; rubric: Rubric; n: number }[] = await this.ctx.dataSource.query(
      `SELECT p.organization_id = $4 AS own, p.rubric, count(*)::int AS n FROM posts p JOIN organizations o ON o.id = p.organization_id
        WHERE o.path LIKE $1 AND p.scheduled_at >= $2 AND p.scheduled_at < $3 AND p.status = ANY($5)
        GROUP BY 1, 2`,
      [prefix, from, to, organizationId, PLANNED_POST_STATUSES],
    );

    const report: CadenceChannel[] = channels.map((c) => ({
      channelId: c.id,
      channelName: c.name,
      organizationId: c.organization_id,
      platform: c.platform,
      weeklyMinimum: c.weekly_minimum,
      rubricMix: c.rubric_mix,
      weeks: weekStarts.map((weekStart) => {
        const planned = { ...zero(), total: 0 };
        const published = { ...zero(), total: 0 };
        for (const r of rows.filter((x) => x.channel_id === c.id && x.week_start === weekStart)) {
          planned[r.rubric] += r.planned;
          planned.total += r.planned;
          published[r.rubric] += r.published;
          published.total += r.published;
        }
        const past = weekStart < thisMonday;
        const minimumMet = c.weekly_minimum === null ? null : (past ? published.total : planned.total) >= c.weekly_minimum;
        return { weekStart, planned, published, minimumMet };
      }),
    }));
    const organization = zero();
    const subtree = zero();
    for (const r of mixRows) {
      subtree[r.rubric] += r.n;
      if (r.own) organization[r.rubric] += r.n;
    }
    return { organizationId, timezone, weeks: weekStarts, channels: report, mix: { organization, subtree } };
  }
}

function zero(): RubricCounts {
  return Object.fromEntries(RUBRICS.map((r) => [r, 0])) as RubricCounts;
}

/** `YYYY-MM-DD` of the Monday of the week holding `instant`, in the zone. */
export function mondayOf(instant: Date, timezone: string): string {
  const localDate = formatZoned(instant, timezone).slice(0, 10);
  const day = new Date(`${localDate}T00:00:00Z`);
  const weekday = (day.getUTCDay() + 6) % 7; // Monday = 0
  return new Date(day.getTime() - weekday * DAY_MS).toISOString().slice(0, 10);
}

/** Midnight of a `YYYY-MM-DD` date in the zone, as an instant. */
function localMidnight(date: string, timezone: string): Date {
  const instant = parseZonedInstant(`${date}T00:00`, timezone);
  if (!instant) throw new Error(`Not a date: ${date}`);
  return instant;
}

function addDays(date: string, days: number): string {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() + days * DAY_MS).toISOString().slice(0, 10);
}
