import { DASHBOARD_DAYS_AHEAD_CAP, RUBRIC_LABELS, RUBRICS, type DashboardPageRow, type Rubric, type RubricCounts, type RubricMix } from '@vestnik/contracts';
import { countText, DAY_FORMS, pluralForm, type PluralForms } from '@vestnik/editor/ui';

/** After «не хватит»: 1 публикации, 2 публикаций, 5 публикаций, 21 публикации. */
const PUBLICATION_GENITIVE_FORMS: PluralForms = ['публикации', 'публикаций', 'публикаций'];

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

export function weekText(row: Pick<DashboardPageRow, 'weeklyMinimum' | 'publishedThisWeek' | 'scheduledRestOfWeek' | 'shortfall'>): WeekText {
  const planned = row.scheduledRestOfWeek > 0 ? `в плане ещё ${row.scheduledRestOfWeek}` : null;
  if (row.weeklyMinimum === null) {
    return { count: String(row.publishedThisWeek), planned, forecast: 'минимум не задан', short: false };
  }
  const count = `${row.publishedThisWeek} из ${row.weeklyMinimum}`;
  if (row.shortfall > 0) return { count, planned, forecast: shortfallText(row.shortfall), short: true };
  if (row.publishedThisWeek >= row.weeklyMinimum) return { count, planned, forecast: 'минимум выполнен', short: false };
  return { count, planned, forecast: 'минимум будет выполнен по плану', short: false };
}

/** «не хватит 2 публикаций к воскресенью, если не запланировать». */
export function shortfallText(shortfall: number): string {
  return `не хватит ${shortfall} ${pluralForm(shortfall, PUBLICATION_GENITIVE_FORMS)} к воскресенью, если не запланировать`;
}

/** «нет», «3 дня», «14 дней и больше» (the server counts at most 14). */
export function daysAheadText(days: number): string {
  if (days <= 0) return 'нет';
  if (days >= DASHBOARD_DAYS_AHEAD_CAP) return `${countText(DASHBOARD_DAYS_AHEAD_CAP, DAY_FORMS)} и больше`;
  return countText(days, DAY_FORMS);
}

/** One rubric of a row's 4 weeks: its share of what went out and its target, both in percent. */
export interface MixPart {
  rubric: Rubric;
  label: string;
  count: number;
  percent: number;
  target: number | null;
}

export function mixParts(published: RubricCounts, target: RubricMix | null): MixPart[] {
  const total = RUBRICS.reduce((sum, r) => sum + published[r], 0);
  return RUBRICS.map((rubric) => ({
    rubric,
    label: RUBRIC_LABELS[rubric],
    count: published[rubric],
    percent: total ? Math.round((published[rubric] / total) * 100) : 0,
    target: target ? target[rubric] : null,
  }));
}

/** What the compact bar shows, for a screen reader: «Официальное 50 % (цель 40 %), …» or «публикаций не было». */
export function mixSummary(parts: readonly MixPart[]): string {
  if (parts.every((p) => p.count === 0)) {
    const target = parts.every((p) => p.target !== null) ? `; цель: ${parts.map((p) => `${p.label.toLowerCase()} ${p.target} %`).join(', ')}` : '';
    return `публикаций не было${target}`;
  }
  return parts.map((p) => `${p.label} ${p.percent} %${p.target !== null ? ` (цель ${p.target} %)` : ''}`).join(', ');
}

/** «28.08.2026, 14:05» in the zone. */
export function shortDateTime(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat('ru-RU', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
}

/** «31.08–06.09» for a week from Monday to Sunday given as `YYYY-MM-DD`. */
export function weekRange(weekStart: string, weekEnd: string): string {
  const short = (day: string) => {
    const match = /^\d{4}-(\d{2})-(\d{2})$/.exec(day);
    return match ? `${match[2]}.${match[1]}` : day;
  };
  return `${short(weekStart)}–${short(weekEnd)}`;
}

const MONTH_NAMES = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];

function zonedYearMonth(now: Date, timeZone: string): { year: number; month: number } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(now);
  return { year: Number(parts.find((p) => p.type === 'year')?.value), month: Number(parts.find((p) => p.type === 'month')?.value) };
}

/** The month before the one `now` falls in, in the zone, as `YYYY-MM`: the report a coordinator usually wants. */
export function previousMonth(now: Date, timeZone: string): string {
  return reportMonths(now, timeZone, 2)[1].value;
}

export interface MonthChoice {
  /** `YYYY-MM`. */
  value: string;
  /** «ноябрь 2026». */
  label: string;
}

/** The current month in the zone and the `count - 1` before it, newest first: what a report may be asked for. */
export function reportMonths(now: Date, timeZone: string, count: number): MonthChoice[] {
  const { year, month } = zonedYearMonth(now, timeZone);
  return Array.from({ length: count }, (_, back) => {
    const index = year * 12 + (month - 1) - back;
    const y = Math.floor(index / 12);
    const m = index % 12;
    return { value: `${y}-${String(m + 1).padStart(2, '0')}`, label: `${MONTH_NAMES[m]} ${y}` };
  });
}
