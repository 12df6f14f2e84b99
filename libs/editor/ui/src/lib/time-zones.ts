/** Russia's zones, west to east, with the city people know them by. */
const RUSSIAN_ZONES: ReadonlyArray<readonly [id: string, city: string]> = [
  ['Europe/Kaliningrad', 'Калининград'],
  ['Europe/Moscow', 'Москва'],
  ['Europe/Kirov', 'Киров'],
  ['Europe/Volgograd', 'Волгоград'],
  ['Europe/Astrakhan', 'Астрахань'],
  ['Europe/Saratov', 'Саратов'],
  ['Europe/Ulyanovsk', 'Ульяновск'],
  ['Europe/Samara', 'Самара'],
  ['Asia/Yekaterinburg', 'Екатеринбург'],
  ['Asia/Omsk', 'Омск'],
  ['Asia/Novosibirsk', 'Новосибирск'],
  ['Asia/Barnaul', 'Барнаул'],
  ['Asia/Tomsk', 'Томск'],
  ['Asia/Novokuznetsk', 'Новокузнецк'],
  ['Asia/Krasnoyarsk', 'Красноярск'],
  ['Asia/Irkutsk', 'Иркутск'],
  ['Asia/Chita', 'Чита'],
  ['Asia/Yakutsk', 'Якутск'],
  ['Asia/Khandyga', 'Хандыга'],
  ['Asia/Vladivostok', 'Владивосток'],
  ['Asia/Ust-Nera', 'Усть-Нера'],
  ['Asia/Magadan', 'Магадан'],
  ['Asia/Sakhalin', 'Южно-Сахалинск'],
  ['Asia/Srednekolymsk', 'Среднеколымск'],
  ['Asia/Kamchatka', 'Петропавловск-Камчатский'],
  ['Asia/Anadyr', 'Анадырь'],
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

/** "МСК", "МСК+2", "МСК−1": how Russian offices speak about time zones. */
export function moscowOffsetLabel(timeZone: string, at: Date = new Date()): string {
  const diff = utcOffsetMinutes(timeZone, at) - utcOffsetMinutes(DEFAULT_TIME_ZONE, at);
  return diff === 0 ? 'МСК' : `МСК${signedHours(diff)}`;
}

function utcLabel(timeZone: string): string {
  const offset = utcOffsetMinutes(timeZone);
  return offset === 0 ? 'UTC' : `UTC${signedHours(offset)}`;
}

/** Short human description: "Москва, МСК (Europe/Moscow)" or "Europe/Berlin, UTC+1". */
export function describeTimeZone(timeZone: string): string {
  const city = CITY_BY_ZONE.get(timeZone);
  return city ? `${city}, ${moscowOffsetLabel(timeZone)} (${timeZone})` : `${timeZone}, ${utcLabel(timeZone)}`;
}

let cached: { russian: TimeZoneChoice[]; other: TimeZoneChoice[] } | null = null;

/** Russian zones first with "МСК+N" labels, then every other zone this browser knows. */
export function timeZoneChoices(): { russian: TimeZoneChoice[]; other: TimeZoneChoice[] } {
  if (cached) return cached;
  const russian = RUSSIAN_ZONES.map(([id, city]) => ({ id, label: `${moscowOffsetLabel(id)} — ${city} (${id})` }));
  let all: string[] = [];
  try {
    all = Intl.supportedValuesOf('timeZone');
  } catch {
    all = [];
  }
  if (!all.includes('UTC')) all = [...all, 'UTC'];
  const other = all
    .filter((id) => !CITY_BY_ZONE.has(id))
    .sort()
    .map((id) => ({ id, label: `${id} (${utcLabel(id)})` }));
  cached = { russian, other };
  return cached;
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

/** "28.11.2025, 14:05:09" in the given zone. */
export function formatDateTime(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat('ru-RU', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(date);
}

/** "28 ноября 2025 г." in the given zone. */
export function formatDate(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat('ru-RU', { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(date);
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
export function shortTimeZone(timeZone: string): string {
  return `${timeZone} (${CITY_BY_ZONE.has(timeZone) ? moscowOffsetLabel(timeZone) : utcLabel(timeZone)})`;
}
