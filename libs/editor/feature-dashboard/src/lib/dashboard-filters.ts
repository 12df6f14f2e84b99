import { DASHBOARD_SORTS, PLATFORMS, SORT_ORDERS, type DashboardSort, type Platform, type SortOrder } from '@vestnik/contracts';

/** Rows per page of the table. */
export const DASHBOARD_PAGE_SIZE = 50;

/** The table's view as the address holds it (`?organization=&platform=&risk=1&q=&sort=&order=&offset=&chart=`). */
export interface DashboardFilters {
  /** An organization of the current one's subtree, or null for the whole subtree. */
  organization: string | null;
  platform: Platform | null;
  atRiskOnly: boolean;
  search: string;
  sort: DashboardSort;
  order: SortOrder;
  offset: number;
  /** The page whose charts are open. */
  chart: string | null;
}

export type DashboardParams = Partial<Record<'organization' | 'platform' | 'risk' | 'q' | 'sort' | 'order' | 'offset' | 'chart', string | undefined>>;

/** Columns whose first click sorts the worst first. */
const DESCENDING_FIRST: ReadonlySet<DashboardSort> = new Set(['atRisk', 'shortfall', 'daysAheadEmpty', 'failuresLast4Weeks', 'needsAttention']);

export const DEFAULT_SORT: DashboardSort = 'atRisk';

export function firstOrder(sort: DashboardSort): SortOrder {
  return DESCENDING_FIRST.has(sort) ? 'desc' : 'asc';
}

/** Reads the address; anything unknown falls back to the default, so an old or edited link still opens. */
export function parseDashboardParams(params: DashboardParams): DashboardFilters {
  const sort = (DASHBOARD_SORTS as readonly string[]).includes(params.sort ?? '') ? (params.sort as DashboardSort) : DEFAULT_SORT;
  const order = (SORT_ORDERS as readonly string[]).includes(params.order ?? '') ? (params.order as SortOrder) : firstOrder(sort);
  const offset = Number(params.offset);
  return {
    organization: params.organization || null,
    platform: (PLATFORMS as readonly string[]).includes(params.platform ?? '') ? (params.platform as Platform) : null,
    atRiskOnly: params.risk === '1' || params.risk === 'true',
    search: (params.q ?? '').trim().slice(0, 200),
    sort,
    order,
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
    chart: params.chart || null,
  };
}

/** The query parameters for a change of filters: defaults left out of the address, paging back to the start. */
export function filterQueryParams(change: Partial<Pick<DashboardFilters, 'organization' | 'platform' | 'atRiskOnly' | 'search'>>): Record<string, string | null> {
  const params: Record<string, string | null> = { offset: null };
  if ('organization' in change) params['organization'] = change.organization || null;
  if ('platform' in change) params['platform'] = change.platform || null;
  if ('atRiskOnly' in change) params['risk'] = change.atRiskOnly ? '1' : null;
  if ('search' in change) params['q'] = change.search?.trim() || null;
  return params;
}

/** Clicking a column: the same column turns the order round, another starts with its own first order. */
export function sortQueryParams(current: Pick<DashboardFilters, 'sort' | 'order'>, column: DashboardSort): Record<string, string | null> {
  const order = current.sort === column ? (current.order === 'asc' ? 'desc' : 'asc') : firstOrder(column);
  const isDefault = column === DEFAULT_SORT && order === firstOrder(DEFAULT_SORT);
  return { sort: isDefault ? null : column, order: isDefault ? null : order, offset: null };
}

/** `aria-sort` of a column header. */
export function ariaSort(current: Pick<DashboardFilters, 'sort' | 'order'>, column: DashboardSort): 'ascending' | 'descending' | null {
  if (current.sort !== column) return null;
  return current.order === 'asc' ? 'ascending' : 'descending';
}
