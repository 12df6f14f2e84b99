import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import type { ChannelState, RubricMix } from './channels.dto';
import { PLATFORMS, Platform } from './enums';
import { RubricCountsView } from './posts.dto';

/**
 * The coordinator's view (`/api/v1/dashboard/...`). Weeks run Monday to Sunday in each page's
 * organization's zone; "the last 4 weeks" are the current week and the three before it.
 */

/** Why a page is flagged at risk; a page may have several. */
export const DASHBOARD_RISK_REASONS = ['below_minimum_forecast', 'needs_attention', 'failures', 'nothing_planned'] as const;
export type DashboardRiskReason = (typeof DASHBOARD_RISK_REASONS)[number];

export const DASHBOARD_RISK_REASON_LABELS: Record<DashboardRiskReason, string> = {
  below_minimum_forecast: 'Не наберёт недельный минимум',
  needs_attention: 'Страница требует внимания',
  failures: 'Есть неудачные публикации на этой неделе',
  nothing_planned: 'Ничего не запланировано на неделю вперёд',
};

/** `daysAheadEmpty` counts at most this many days. */
export const DASHBOARD_DAYS_AHEAD_CAP = 14;

/** A page with a weekly minimum and this many empty days ahead (today included) is at risk (`nothing_planned`). */
export const DASHBOARD_NOTHING_PLANNED_DAYS = 7;

/** Columns `GET /api/v1/dashboard/pages` sorts by. */
export const DASHBOARD_SORTS = [
  'organizationName',
  'channelName',
  'platform',
  'weeklyMinimum',
  'publishedThisWeek',
  'scheduledRestOfWeek',
  'shortfall',
  'atRisk',
  'daysAheadEmpty',
  'lastPublishedAt',
  'failuresLast4Weeks',
  'needsAttention',
] as const;
export type DashboardSort = (typeof DASHBOARD_SORTS)[number];

export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

const toBoolean = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);

/** Query of `GET /api/v1/dashboard/pages`. */
export class DashboardPagesQuery {
  /**
   * The organization whose pages, with its subtree's, are listed (any role on it).
   * @example "5b0c9d1e-3f4a-4b6c-8d7e-9f0a1b2c3d4e"
   */
  @IsUUID()
  organizationId!: string;

  /**
   * Pages of this platform only; all when absent.
   * @example "vk"
   */
  @IsOptional() @IsIn(PLATFORMS as unknown as string[])
  platform?: Platform;

  /**
   * `true`: pages at risk only (and `total` counts those); all when absent.
   * @example true
   */
  @IsOptional() @Transform(toBoolean) @IsBoolean()
  atRiskOnly?: boolean;

  /**
   * Part of the page's name, its address or its organization's name, in any case; all when absent.
   * @example "Минобр"
   */
  @IsOptional() @IsString() @MaxLength(200)
  search?: string;

  /**
   * The column to sort by; `atRisk` when absent (then by shortfall, organization and name).
   * @example "shortfall"
   */
  @IsOptional() @IsIn(DASHBOARD_SORTS as unknown as string[])
  sort?: DashboardSort;

  /**
   * `asc` or `desc`; `desc` when absent for `atRisk`, `asc` otherwise. Nulls go last either way.
   * @example "desc"
   */
  @IsOptional() @IsIn(SORT_ORDERS as unknown as string[])
  order?: SortOrder;

  /**
   * Rows to skip, for the next pages; 0 when absent.
   * @example 0
   */
  @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  offset?: number;

  /**
   * Most rows to answer; 50 when absent.
   * @example 50
   */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit?: number;
}

/** One page (channel) of the subtree, this week and the last 4 weeks. */
export class DashboardPageRow {
  /**
   * The page (channel).
   * @example "2f6e1a3b-8c4d-4e5f-9a6b-7c8d9e0f1a2b"
   */
  channelId!: string;

  /**
   * The channel's name in Vestnik.
   * @example "Минобр Сахалина"
   */
  channelName!: string;

  /**
   * The platform of the page.
   * @example "vk"
   */
  platform!: Platform;

  /**
   * The page's public address; null when it cannot be told from what was entered.
   * @example "https://vk.com/club218043219"
   */
  url!: string | null;

  /**
   * The organization the page belongs to (the asked one or one of its subtree).
   * @example "5b0c9d1e-3f4a-4b6c-8d7e-9f0a1b2c3d4e"
   */
  organizationId!: string;

  /**
   * Its name.
   * @example "Министерство образования Сахалинской области"
   */
  organizationName!: string;

  /**
   * Its IANA time zone, in which this row's weeks and days are counted.
   * @example "Asia/Sakhalin"
   */
  timezone!: string;

  /**
   * Posts a week this page must have; null: no minimum.
   * @example 3
   */
  weeklyMinimum!: number | null;

  /**
   * Publications that went out on the page this week (by the time they went out).
   * @example 1
   */
  publishedThisWeek!: number;

  /**
   * Approved publications waiting to go out for the rest of this week.
   * @example 1
   */
  scheduledRestOfWeek!: number;

  /**
   * How many more must be planned this week to reach the minimum; 0 when it will be reached or there is none.
   * @example 1
   */
  shortfall!: number;

  /**
   * At least one reason below holds.
   * @example true
   */
  atRisk!: boolean;

  /**
   * Why the page is at risk, in `DASHBOARD_RISK_REASONS` order: `below_minimum_forecast` (shortfall above 0),
   * `needs_attention` (the platform refused the page), `failures` (a publication planned this week failed, was missed
   * or is unconfirmed), `nothing_planned` (a page with a minimum has nothing planned for 7 days from today).
   * @example ["below_minimum_forecast"]
   */
  riskReasons!: DashboardRiskReason[];

  /**
   * Days in a row from today (in the zone) with nothing approved, going out or out; at most 14.
   * @example 3
   */
  daysAheadEmpty!: number;

  /**
   * When the page's last publication went out (UTC); null: never.
   * @example "2026-08-28T05:12:40.000Z"
   */
  lastPublishedAt!: string | null;

  /**
   * Publications planned in the last 4 weeks that failed, were missed or are unconfirmed.
   * @example 0
   */
  failuresLast4Weeks!: number;

  /**
   * The page's state is `needs_attention`.
   * @example false
   */
  needsAttention!: boolean;

  /**
   * The page's state: `active`, `disabled` or `needs_attention`.
   * @example "active"
   */
  state!: ChannelState;

  /** Publications that went out in the last 4 weeks, by rubric. */
  rubricMix4Weeks!: RubricCountsView;

  /**
   * The page's target rubric mix in percent, adding up to 100; null: none.
   * @example {"official": 40, "useful": 40, "entertaining": 20}
   */
  rubricTarget!: RubricMix | null;
}

/** Answer of `GET /api/v1/dashboard/pages`. */
export class DashboardPagesView {
  /**
   * The organization asked about.
   * @example "5b0c9d1e-3f4a-4b6c-8d7e-9f0a1b2c3d4e"
   */
  organizationId!: string;

  /**
   * Its IANA time zone, in which `weekStart` and `weekEnd` are dates.
   * @example "Asia/Sakhalin"
   */
  timezone!: string;

  /**
   * Monday of the current week, `YYYY-MM-DD`.
   * @example "2026-08-31"
   */
  weekStart!: string;

  /**
   * Sunday of the current week, `YYYY-MM-DD`.
   * @example "2026-09-06"
   */
  weekEnd!: string;

  /**
   * Monday that opens the last 4 weeks (`rubricMix4Weeks`, `failuresLast4Weeks`), `YYYY-MM-DD`.
   * @example "2026-08-10"
   */
  mixFrom!: string;

  /**
   * Rows matching the filters, on all pages.
   * @example 137
   */
  total!: number;

  /**
   * Most rows this answer could hold (as asked, or the default).
   * @example 50
   */
  limit!: number;

  /**
   * Rows before this answer's.
   * @example 0
   */
  offset!: number;

  /** The pages, sorted as asked. */
  rows!: DashboardPageRow[];
}

/** Query of `GET /api/v1/dashboard/summary`. */
export class DashboardSummaryQuery {
  /**
   * The organization whose pages, with its subtree's, are summed (any role on it).
   * @example "5b0c9d1e-3f4a-4b6c-8d7e-9f0a1b2c3d4e"
   */
  @IsUUID()
  organizationId!: string;

  /**
   * Pages of this platform only; all when absent.
   * @example "vk"
   */
  @IsOptional() @IsIn(PLATFORMS as unknown as string[])
  platform?: Platform;

  /**
   * Weeks to answer, ending with the current one; 8 when absent.
   * @example 8
   */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(26)
  weeks?: number;
}

/** Query of `GET /api/v1/dashboard/pages/{channelId}/history`. */
export class DashboardHistoryQuery {
  /**
   * Weeks to answer, ending with the current one; 8 when absent.
   * @example 8
   */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(26)
  weeks?: number;
}

/** One week of a page or of the subtree. */
export class DashboardWeek {
  /**
   * Monday of the week, `YYYY-MM-DD` (in the asked organization's zone; each page's week is counted in its own zone).
   * @example "2026-08-31"
   */
  weekStart!: string;

  /**
   * Publications that went out that week.
   * @example 14
   */
  published!: number;

  /**
   * Approved publications still waiting to go out that week (only the current week has any).
   * @example 3
   */
  scheduled!: number;

  /**
   * Sum of the weekly minimums of the pages that have one (today's minimums: their history is not kept); 0 when none has.
   * @example 18
   */
  minimum!: number;
}

/** Rubric mix of the last 4 weeks against the target. */
export class DashboardMix {
  /**
   * Monday that opens the 4 weeks, `YYYY-MM-DD`.
   * @example "2026-08-10"
   */
  from!: string;

  /** Publications that went out in the 4 weeks, by rubric. */
  published!: RubricCountsView;

  /**
   * Target share of each rubric in percent: the page's own, or over the subtree the pages' targets averaged with
   * their weekly minimums as weights (1 for a page without one); null when no page has a target.
   * @example {"official": 40, "useful": 40, "entertaining": 20}
   */
  targetPercent!: RubricMix | null;
}

/** Answer of `GET /api/v1/dashboard/summary`. */
export class DashboardSummaryView {
  /**
   * The organization asked about.
   * @example "5b0c9d1e-3f4a-4b6c-8d7e-9f0a1b2c3d4e"
   */
  organizationId!: string;

  /**
   * Its IANA time zone.
   * @example "Asia/Sakhalin"
   */
  timezone!: string;

  /** The weeks, oldest first, the current one last. */
  weeks!: DashboardWeek[];

  /** Rubric mix of the last 4 weeks over the subtree. */
  mix!: DashboardMix;

  /**
   * Pages in the subtree (of the platform, if asked).
   * @example 412
   */
  pages!: number;

  /**
   * Of them, pages with a weekly minimum.
   * @example 380
   */
  pagesWithMinimum!: number;

  /**
   * Of them, pages at risk (as `atRisk` of the rows).
   * @example 37
   */
  atRisk!: number;

  /**
   * Of them, pages whose state is `needs_attention`.
   * @example 4
   */
  needsAttention!: number;
}

/** Answer of `GET /api/v1/dashboard/pages/{channelId}/history`. */
export class DashboardPageHistoryView {
  /**
   * The page (channel).
   * @example "2f6e1a3b-8c4d-4e5f-9a6b-7c8d9e0f1a2b"
   */
  channelId!: string;

  /**
   * The channel's name in Vestnik.
   * @example "Минобр Сахалина"
   */
  channelName!: string;

  /**
   * The platform of the page.
   * @example "vk"
   */
  platform!: Platform;

  /**
   * The organization the page belongs to.
   * @example "5b0c9d1e-3f4a-4b6c-8d7e-9f0a1b2c3d4e"
   */
  organizationId!: string;

  /**
   * Its IANA time zone, in which the weeks run.
   * @example "Asia/Sakhalin"
   */
  timezone!: string;

  /**
   * Posts a week this page must have; null: no minimum.
   * @example 3
   */
  weeklyMinimum!: number | null;

  /** The weeks, oldest first, the current one last. */
  weeks!: DashboardWeek[];

  /** Rubric mix of the last 4 weeks against the page's target. */
  mix!: DashboardMix;
}
