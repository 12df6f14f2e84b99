import { IsIn, IsOptional, IsUUID, registerDecorator, ValidationOptions } from 'class-validator';
import type { Platform } from './enums';
import type { RubricMix } from './channels.dto';
import { RubricCountsView } from './posts.dto';

export const COMPLIANCE_FORMATS = ['json', 'xlsx', 'pdf'] as const;
export type ComplianceFormat = (typeof COMPLIANCE_FORMATS)[number];

/** A publication counts as on time when it went out at most this long after it was meant to. */
export const ON_TIME_TOLERANCE_MINUTES = 15;

/** What the compliance report shows where Vestnik has no value (design completeness, engagement). */
export const NOT_KNOWN_TO_VESTNIK = 'нет данных в Вестнике';

const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** True for a calendar month `YYYY-MM` from 2000 to 2099. */
export function isYearMonth(value: unknown): value is string {
  const m = typeof value === 'string' ? YEAR_MONTH.exec(value) : null;
  return !!m && +m[1] >= 2000 && +m[1] <= 2099;
}

/** Validates a month written `YYYY-MM` (rule `isYearMonth`). */
export function IsYearMonth(options?: ValidationOptions) {
  return function (object: object, propertyName: string) {
    registerDecorator({ name: 'isYearMonth', target: object.constructor, propertyName, options, validator: { validate: (value: unknown) => isYearMonth(value) } });
  };
}

/** `GET /api/v1/reports/compliance` */
export class ComplianceQuery {
  /**
   * The organization whose pages, with its subtree's, are reported.
   * @example "5b0c9d1e-3f4a-4b6c-8d7e-9f0a1b2c3d4e"
   */
  @IsUUID()
  organizationId!: string;

  /**
   * The month, `YYYY-MM`; its weeks are those whose Monday falls in it.
   * @example "2026-11"
   */
  @IsYearMonth()
  month!: string;

  /**
   * `json` (this view; when absent), `xlsx` (Excel workbook) or `pdf` (A4 landscape), the last two as a download.
   * @example "xlsx"
   */
  @IsOptional() @IsIn(COMPLIANCE_FORMATS as unknown as string[])
  format?: ComplianceFormat;
}

/** One week of the month, as the report's columns show it. */
export class ComplianceWeek {
  /**
   * Its Monday, `YYYY-MM-DD` (in the month).
   * @example "2026-11-02"
   */
  weekStart!: string;

  /**
   * Its Sunday, `YYYY-MM-DD` (may fall in the next month).
   * @example "2026-11-08"
   */
  weekEnd!: string;

  /**
   * The week is over (in the asked organization's zone) when the report was made; an unfinished week is never counted as missed.
   * @example true
   */
  complete!: boolean;
}

/** One page in one week of the month. */
export class ComplianceWeekCount {
  /**
   * Monday of the week, `YYYY-MM-DD`.
   * @example "2026-11-02"
   */
  weekStart!: string;

  /**
   * Publications that went out on the page that week (in its organization's zone).
   * @example 2
   */
  published!: number;

  /**
   * Fewer than the weekly minimum went out; null when the page has no minimum or the week is not over yet, and always in the total (see `pagesBelowMinimum`).
   * @example true
   */
  belowMinimum!: boolean | null;
}

/** The subtree in one week of the month. */
export class ComplianceTotalWeek extends ComplianceWeekCount {
  /**
   * Pages that had fewer publications than their weekly minimum in this week (0 while the week is not over).
   * @example 2
   */
  pagesBelowMinimum!: number;
}

/** Publications of the month that did not go out as planned, by their state now. */
export class ComplianceFailures {
  /**
   * Refused by the platform or given up after retries («Не опубликовано»).
   * @example 1
   */
  failed!: number;

  /**
   * Not sent in time: the page was off or the post was not approved («Пропущено время»).
   * @example 0
   */
  missed!: number;

  /**
   * Sent, but the platform's answer was lost: a person has to check the page («Не подтверждено»).
   * @example 0
   */
  unconfirmed!: number;

  /**
   * The three together.
   * @example 1
   */
  total!: number;
}

/** What the page did in the month, counted the same way for a page and for the subtree's total. */
export class ComplianceFigures {
  /**
   * Per week of the month, in order.
   */
  weeks!: ComplianceWeekCount[];

  /**
   * Publications that went out in the month's weeks.
   * @example 9
   */
  published!: number;

  /**
   * Finished weeks with fewer publications than the weekly minimum (in the total: such weeks of all pages added up); null when there is no minimum.
   * @example 1
   */
  missedWeeks!: number | null;

  /** Publications that went out, by the rubric of their post. */
  rubrics!: RubricCountsView;

  /**
   * Of those that went out, how many within the tolerance (`onTimeToleranceMinutes`) of the planned time.
   * @example 8
   */
  onTime!: number;

  /**
   * `onTime` / `published`, from 0 to 1; null when nothing went out.
   * @example 0.889
   */
  onTimeShare!: number | null;

  /** Publications planned for the month's weeks that failed, were missed or stay unconfirmed. */
  failures!: ComplianceFailures;
}

/** One page (channel) in the month. */
export class ComplianceRow extends ComplianceFigures {
  /**
   * The page (channel).
   * @example "2f6e1a3b-8c4d-4e5f-9a6b-7c8d9e0f1a2b"
   */
  channelId!: string;

  /**
   * The organization the page belongs to.
   * @example "7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f"
   */
  organizationId!: string;

  /**
   * Its name.
   * @example "Школа № 1 г. Южно-Сахалинска"
   */
  organizationName!: string;

  /**
   * The platform of the page.
   * @example "vk"
   */
  platform!: Platform;

  /**
   * The page's title: as the platform names it, or as it was named in Vestnik.
   * @example "Школа № 1 — официальная страница"
   */
  title!: string;

  /**
   * The page's public address; null when it has none (a Telegram channel without a username).
   * @example "https://vk.com/club218043219"
   */
  url!: string | null;

  /**
   * Publications a week the page must have; null: no minimum set.
   * @example 3
   */
  weeklyMinimum!: number | null;

  /**
   * Target rubric mix in percent (official, useful, entertaining); null: none set.
   * @example {"official": 40, "useful": 40, "entertaining": 20}
   */
  rubricTarget!: RubricMix | null;

  /**
   * The largest gap between a rubric's share of the month and its target, in percentage points; null without a target or without publications.
   * @example 12
   */
  rubricDeviation!: number | null;

  /**
   * Design completeness as the Ministry's rating weighs it: always null, Vestnik does not know it («нет данных в Вестнике»).
   * @example null
   */
  designCompleteness!: number | null;

  /**
   * Likes in the month: always null, Vestnik does not read engagement («нет данных в Вестнике»).
   * @example null
   */
  likes!: number | null;

  /**
   * Reposts in the month: always null, Vestnik does not read engagement («нет данных в Вестнике»).
   * @example null
   */
  reposts!: number | null;

  /**
   * Comments in the month: always null, Vestnik does not read engagement («нет данных в Вестнике»).
   * @example null
   */
  comments!: number | null;
}

/** The subtree's pages summed. */
export class ComplianceTotal extends ComplianceFigures {
  /** Per week of the month, in order: publications of all pages, and how many pages stayed below their minimum. */
  declare weeks: ComplianceTotalWeek[];

  /**
   * Pages reported.
   * @example 12
   */
  pages!: number;

  /**
   * Pages with a weekly minimum.
   * @example 10
   */
  pagesWithMinimum!: number;

  /**
   * Sum of the weekly minimums of the pages that have one.
   * @example 30
   */
  weeklyMinimum!: number;

  /**
   * Pages with at least one missed week.
   * @example 2
   */
  pagesWithMissedWeeks!: number;
}

/** The rules the report counts by, in Russian, as its header prints them. */
export class ComplianceRules {
  /**
   * Which weeks belong to the month and in which zone they run.
   * @example "Неделя — с понедельника по воскресенье по времени организации страницы; к месяцу относятся недели, понедельник которых приходится на этот месяц."
   */
  weeks!: string;

  /**
   * When a week counts as missed.
   * @example "Неделя пропущена, если она закончилась и публикаций вышло меньше недельного минимума страницы."
   */
  missedWeek!: string;

  /**
   * When a publication counts as on time.
   * @example "Вовремя — публикация вышла не позже чем через 15 минут после запланированного времени (после повторной отправки — от её времени)."
   */
  onTime!: string;

  /**
   * What counts as a failure.
   * @example "Сбои — публикации, запланированные на недели месяца, в состоянии «Не опубликовано», «Пропущено время» или «Не подтверждено»."
   */
  failures!: string;

  /**
   * Which columns Vestnik cannot fill.
   * @example "Оформление страницы и вовлечённость (отметки «Нравится», репосты, комментарии) учитываются в рейтинге госпабликов, но Вестник их не получает: в этих столбцах — «нет данных в Вестнике»."
   */
  notKnown!: string;
}

/** Answer of `GET /api/v1/reports/compliance?format=json`: the data the XLSX and the PDF print. */
export class ComplianceReport {
  /**
   * The organization asked about.
   * @example "5b0c9d1e-3f4a-4b6c-8d7e-9f0a1b2c3d4e"
   */
  organizationId!: string;

  /**
   * Its name.
   * @example "Министерство образования Сахалинской области"
   */
  organizationName!: string;

  /**
   * The month, `YYYY-MM`.
   * @example "2026-11"
   */
  month!: string;

  /**
   * The asked organization's IANA zone (each page's weeks run in its own organization's zone).
   * @example "Asia/Sakhalin"
   */
  timezone!: string;

  /**
   * When the report was made (UTC).
   * @example "2026-12-01T02:00:00.000Z"
   */
  generatedAt!: string;

  /**
   * Minutes after the planned time a publication may go out and still count as on time.
   * @example 15
   */
  onTimeToleranceMinutes!: number;

  /** The month's weeks (Mondays in the month), in order. */
  weeks!: ComplianceWeek[];

  /** The rules the figures are counted by. */
  rules!: ComplianceRules;

  /** Every page of the organization and its subtree that existed in the month, by organization and title. */
  rows!: ComplianceRow[];

  /** The pages summed. */
  total!: ComplianceTotal;
}
