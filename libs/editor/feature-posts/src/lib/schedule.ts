import { POST_MIN_LEAD_MS, formatZoned, parseZonedInstant } from '@vestnik/contracts';

/** The next full hour at least an hour from now, as wall-clock `YYYY-MM-DDTHH:mm` in the zone: a time a new post starts with. */
export function defaultScheduledAt(now: Date, timeZone: string): string {
  const hour = 3_600_000;
  const next = new Date(Math.ceil((now.getTime() + hour) / hour) * hour);
  // Whole hours of UTC are whole hours of every zone but a few (India, Nepal…): round there too.
  const local = formatZoned(next, timeZone).slice(0, 16);
  return `${local.slice(0, 14)}00`;
}

export type ScheduleProblem = { kind: 'invalid' } | { kind: 'past' } | { kind: 'too_soon' };

/** What is wrong with a wall-clock time in the zone, compared with `now`; null when it is fine. */
export function scheduleProblem(local: string, timeZone: string, now: Date): ScheduleProblem | null {
  const instant = parseZonedInstant(local, timeZone);
  if (!instant) return { kind: 'invalid' };
  const ahead = instant.getTime() - now.getTime();
  if (ahead < 0) return { kind: 'past' };
  if (ahead < POST_MIN_LEAD_MS) return { kind: 'too_soon' };
  return null;
}

/** What the person is told about each problem: a message under `posts.schedule`. */
export const SCHEDULE_MESSAGES: Readonly<Record<ScheduleProblem['kind'], string>> = {
  invalid: 'posts.schedule.invalid',
  past: 'posts.schedule.past',
  too_soon: 'posts.schedule.tooSoon',
};
