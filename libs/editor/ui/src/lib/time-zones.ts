import type { Translate } from '@vestnik/editor/i18n';

/** Russia's zones, west to east, with the city people know them by (its name under `forms.timeZone.city`). */
const RUSSIAN_ZONES: ReadonlyArray<readonly [id: string, city: string]> = [
  ['Europe/Kaliningrad', 'kaliningrad'],
  ['Europe/Moscow', 'moscow'],
  ['Europe/Kirov', 'kirov'],
  ['Europe/Volgograd', 'volgograd'],
  ['Europe/Astrakhan', 'astrakhan'],
  ['Europe/Saratov', 'saratov'],
  ['Europe/Ulyanovsk', 'ulyanovsk'],
  ['Europe/Samara', 'samara'],
  ['Asia/Yekaterinburg', 'yekaterinburg'],
  ['Asia/Omsk', 'omsk'],
  ['Asia/Novosibirsk', 'novosibirsk'],
  ['Asia/Barnaul', 'barnaul'],
  ['Asia/Tomsk', 'tomsk'],
  ['Asia/Novokuznetsk', 'novokuznetsk'],
  ['Asia/Krasnoyarsk', 'krasnoyarsk'],
  ['Asia/Irkutsk', 'irkutsk'],
  ['Asia/Chita', 'chita'],
  ['Asia/Yakutsk', 'yakutsk'],
  ['Asia/Khandyga', 'khandyga'],
  ['Asia/Vladivostok', 'vladivostok'],
  ['Asia/Ust-Nera', 'ustNera'],
  ['Asia/Magadan', 'magadan'],
  ['Asia/Sakhalin', 'sakhalin'],
  ['Asia/Srednekolymsk', 'srednekolymsk'],
  ['Asia/Kamchatka', 'kamchatka'],
  ['Asia/Anadyr', 'anadyr'],
];

const CITY_BY_ZONE = new Map(RUSSIAN_ZONES);
export const DEFAULT_TIME_ZONE = 'Europe/Moscow';

export interface TimeZoneChoice {
  id: string;
  label: string;
}

/** Minutes east of UTC for a zone at a given moment (e.g. 180 for Moscow). */
export function utcOffsetMinutes(timeZone: string, at: Date = new Date()): number {
  try {
    const name =
      new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
        .formatToParts(at)
        .find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
    const match = /GMT([+-])(\d{1,2}):?(\d{2})?/.exec(name);
    if (!match) return 0;
    const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
    return match[1] === '-' ? -minutes : minutes;
  } catch {
    return 0;
  }
}

function signedHours(minutes: number): string {
  const sign = minutes < 0 ? '−' : '+';
  const abs = Math.abs(minutes);
  const hours = Math.floor(abs / 60);
  const rest = abs % 60;
  return `${sign}${hours}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
}

/** "МСК", "МСК+2", "МСК−1" ("MSK+2" in English): how Russian offices speak about time zones. */
export function moscowOffsetLabel(timeZone: string, t: Translate, at: Date = new Date()): string {
  const diff = utcOffsetMinutes(timeZone, at) - utcOffsetMinutes(DEFAULT_TIME_ZONE, at);
  return t('forms.timeZone.moscowOffset', { offset: diff === 0 ? '' : signedHours(diff) });
}

function utcLabel(timeZone: string): string {
  const offset = utcOffsetMinutes(timeZone);
  return offset === 0 ? 'UTC' : `UTC${signedHours(offset)}`;
}

/** The city a Russian zone is known by, in the interface's language; null for a zone abroad. */
function cityOf(timeZone: string, t: Translate): string | null {
  const city = CITY_BY_ZONE.get(timeZone);
  return city ? t(`forms.timeZone.city.${city}`) : null;
}

/** Short human description: "Москва, МСК (Europe/Moscow)" or "Europe/Berlin, UTC+1". */
export function describeTimeZone(timeZone: string, t: Translate): string {
  const city = cityOf(timeZone, t);
  return city ? `${city}, ${moscowOffsetLabel(timeZone, t)} (${timeZone})` : `${timeZone}, ${utcLabel(timeZone)}`;
}

let others: TimeZoneChoice[] | null = null;

/** Russian zones first with "МСК+N" labels, then every other zone this browser knows. */
export function timeZoneChoices(t: Translate): { russian: TimeZoneChoice[]; other: TimeZoneChoice[] } {
  const russian = RUSSIAN_ZONES.map(([id]) => ({ id, label: `${moscowOffsetLabel(id, t)} — ${cityOf(id, t)} (${id})` }));
  // The zones abroad are named by their ids only, the same in every language: listed once.
  if (!others) {
    let all: string[] = [];
    try {
      all = Intl.supportedValuesOf('timeZone');
    } catch {
      all = [];
    }
    if (!all.includes('UTC')) all = [...all, 'UTC'];
    others = all
      .filter((id) => !CITY_BY_ZONE.has(id))
      .sort()
      .map((id) => ({ id, label: `${id} (${utcLabel(id)})` }));
  }
  return { russian, other: others };
}

/** The browser's zone when it is a Russian one, else Moscow: a sensible default for a new organization. */
export function suggestedTimeZone(): string {
  try {
    const local = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return CITY_BY_ZONE.has(local) ? local : DEFAULT_TIME_ZONE;
  } catch {
    return DEFAULT_TIME_ZONE;
  }
}

/** "28.11.2025, 14:05:09" (en-GB "28/11/2025, 14:05:09") in the given zone, written in `locale` (the `I18n`'s `locale()`). */
export function formatDateTime(iso: string, timeZone: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(date);
}

/** "28 ноября 2025 г." ("28 November 2025") in the given zone, written in `locale`. */
export function formatDate(iso: string, timeZone: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

/**
 * The UTC instant at which a calendar day (`YYYY-MM-DD`) starts in a zone; with `nextDay`, the start
 * of the following day. Used to turn date filters typed in the organization's zone into API instants.
 */
export function zonedDayStart(day: string, timeZone: string, nextDay = false): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const wallClock = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + (nextDay ? 1 : 0));
  // Two passes settle the offset even on a day when the zone's offset changes.
  let instant = wallClock - utcOffsetMinutes(timeZone, new Date(wallClock)) * 60_000;
  instant = wallClock - utcOffsetMinutes(timeZone, new Date(instant)) * 60_000;
  return new Date(instant).toISOString();
}

/** Compact form for lists: "Asia/Sakhalin (МСК+8)" or "Europe/Berlin (UTC+1)". */
export function shortTimeZone(timeZone: string, t: Translate): string {
  return `${timeZone} (${CITY_BY_ZONE.has(timeZone) ? moscowOffsetLabel(timeZone, t) : utcLabel(timeZone)})`;
}
