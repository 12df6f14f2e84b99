/**
 * Time in an organization's zone without a date library: instants are UTC, people type and read
 * local wall-clock time of the organization's IANA zone.
 */

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const OFFSET_PATTERN = /(Z|[+-]\d{2}:?\d{2})$/i;

/** The zone's offset from UTC, in minutes, at the given instant. */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

/**
 * Reads `value` as an instant: an ISO string with `Z` or an offset is taken as is; a local
 * `YYYY-MM-DDTHH:mm[:ss]` is wall-clock time in `timeZone`. Returns null when unreadable.
 */
export function parseZonedInstant(value: string, timeZone: string): Date | null {
  if (OFFSET_PATTERN.test(value)) {
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  const m = LOCAL_PATTERN.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const wall = Date.UTC(+y, +mo - 1, +d, +h, +mi, s ? +s : 0);
  const check = new Date(wall);
  // Date.UTC rolls 2026-13-45 over silently; a real calendar date survives the round trip.
  if (check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d || check.getUTCHours() !== +h || check.getUTCMinutes() !== +mi) return null;
  // Two passes settle the offset around DST changes (Russia has none now, other zones may).
  let guess = wall - zoneOffsetMinutes(new Date(wall), timeZone) * 60000;
  guess = wall - zoneOffsetMinutes(new Date(guess), timeZone) * 60000;
  const result = new Date(guess);
  return Number.isNaN(result.getTime()) ? null : result;
}

/** `2026-12-01T10:00:00+11:00`: the instant as wall-clock time in the zone, with its offset. */
export function formatZoned(instant: Date, timeZone: string): string {
  const offset = zoneOffsetMinutes(instant, timeZone);
  const local = new Date(instant.getTime() + offset * 60000).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** True when `value` is a local or offset ISO date-time this module can read. */
export function isZonedDateTime(value: unknown): value is string {
  return typeof value === 'string' && parseZonedInstant(value, 'UTC') !== null;
}
