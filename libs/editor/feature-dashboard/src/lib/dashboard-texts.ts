import { DASHBOARD_DAYS_AHEAD_CAP, RUBRICS, type DashboardPageRow, type Rubric, type RubricCounts, type RubricMix } from '@vestnik/contracts';
import type { Translate } from '@vestnik/editor/i18n';

/** A row's week in words: the count against the minimum and what happens by Sunday. */
export interface WeekText {
  /** «3 из 5», or «3» without a minimum. */
  count: string;
  /** «в плане ещё 1», or null when nothing waits for the rest of the week. */
  planned: string | null;
  forecast: string;
  /** The minimum will not be reached by what is planned. */
  short: boolean;
}

export function weekText(row: Pick<DashboardPageRow, 'weeklyMinimum' | 'publishedThisWeek' | 'scheduledRestOfWeek' | 'shortfall'>, t: Translate): WeekText {
  const planned = row.scheduledRestOfWeek > 0 ? t('dashboard.week.planned', { count: row.scheduledRestOfWeek }) : null;
  if (row.weeklyMinimum === null) {
    return { count: String(row.publishedThisWeek), planned, forecast: t('dashboard.week.noMinimum'), short: false };
  }
  const count = t('dashboard.week.count', { published: row.publishedThisWeek, minimum: row.weeklyMinimum });
  if (row.shortfall > 0) return { count, planned, forecast: shortfallText(row.shortfall, t), short: true };
  if (row.publishedThisWeek >= row.weeklyMinimum) return { count, planned, forecast: t('dashboard.week.met'), short: false };
  return { count, planned, forecast: t('dashboard.week.willMeet'), short: false };
}

/** «не хватит 2 публикаций к воскресенью, если не запланировать» (the genitive after «не хватит»: 1 публикации, 5 публикаций). */
export function shortfallText(shortfall: number, t: Translate): string {
  return t('dashboard.week.shortfall', { count: shortfall });
}

/** «нет», «3 дня», «14 дней и больше» (the server counts at most 14). */
export function daysAheadText(days: number, t: Translate): string {
  if (days <= 0) return t('dashboard.row.none');
  if (days >= DASHBOARD_DAYS_AHEAD_CAP) return t('dashboard.week.daysOrMore', { count: DASHBOARD_DAYS_AHEAD_CAP });
  return t('common.count.days', { count: days });
}

/** One rubric of a row's 4 weeks: its share of what went out and its target, both in percent. */
export interface MixPart {
  rubric: Rubric;
  label: string;
  count: number;
  percent: number;
  target: number | null;
}

export function mixParts(published: RubricCounts, target: RubricMix | null, t: Translate): MixPart[] {
  const total = RUBRICS.reduce((sum, r) => sum + published[r], 0);
  return RUBRICS.map((rubric) => ({
    rubric,
    label: t(`common.rubric.${rubric}`),
    count: published[rubric],
    percent: total ? Math.round((published[rubric] / total) * 100) : 0,
    target: target ? target[rubric] : null,
  }));
}

/** What the compact bar shows, for a screen reader: «Официальное 50 % (цель 40 %), …» or «публикаций не было». */
export function mixSummary(parts: readonly MixPart[], t: Translate): string {
  if (parts.every((p) => p.count === 0)) {
    if (!parts.every((p) => p.target !== null)) return t('dashboard.mix.none');
    const targets = parts.map((p) => t('dashboard.mix.share', { rubric: p.label.toLowerCase(), percent: p.target })).join(', ');
    return t('dashboard.mix.noneWithTarget', { targets });
  }
  return parts
    .map((p) => (p.target !== null ? t('dashboard.mix.shareWithTarget', { rubric: p.label, percent: p.percent, target: p.target }) : t('dashboard.mix.share', { rubric: p.label, percent: p.percent })))
    .join(', ');
}

/** «28.08.2026, 14:05» (en-GB «28/08/2026, 14:05») in the zone, written in `locale`. */
export function shortDateTime(iso: string, timeZone: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { timeZone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
}

/** «31.08» (en-GB «31/08») for a calendar day given as `YYYY-MM-DD`, written in `locale`. */
export function dayMonth(day: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  // A calendar day, not an instant: written as UTC so that no zone moves it.
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: '2-digit', month: '2-digit' }).format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))));
}

/** «31.08–06.09» for a week from Monday to Sunday given as `YYYY-MM-DD`. */
export function weekRange(weekStart: string, weekEnd: string, locale: string): string {
  return `${dayMonth(weekStart, locale)}–${dayMonth(weekEnd, locale)}`;
}

function zonedYearMonth(now: Date, timeZone: string): { year: number; month: number } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(now);
  return { year: Number(parts.find((p) => p.type === 'year')?.value), month: Number(parts.find((p) => p.type === 'month')?.value) };
}

/** The current month in the zone and the `count - 1` before it, newest first, as year and month index (0–11). */
function monthsBack(now: Date, timeZone: string, count: number): { year: number; month: number }[] {
  const { year, month } = zonedYearMonth(now, timeZone);
  return Array.from({ length: count }, (_, back) => {
    const index = year * 12 + (month - 1) - back;
    return { year: Math.floor(index / 12), month: index % 12 };
  });
}

const monthValue = ({ year, month }: { year: number; month: number }) => `${year}-${String(month + 1).padStart(2, '0')}`;

/** The month before the one `now` falls in, in the zone, as `YYYY-MM`: the report a coordinator usually wants. */
export function previousMonth(now: Date, timeZone: string): string {
  return monthValue(monthsBack(now, timeZone, 2)[1]);
}

export interface MonthChoice {
  /** `YYYY-MM`. */
  value: string;
  /** «ноябрь 2026» («November 2026»). */
  label: string;
}

/** The current month in the zone and the `count - 1` before it, newest first: what a report may be asked for, named in `locale`. */
export function reportMonths(now: Date, timeZone: string, count: number, locale: string): MonthChoice[] {
  // The month's name on its own (nominative in Russian: «ноябрь», not «ноября»).
  const monthName = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'long' });
  return monthsBack(now, timeZone, count).map((m) => ({ value: monthValue(m), label: `${monthName.format(new Date(Date.UTC(m.year, m.month, 1)))} ${m.year}` }));
}
