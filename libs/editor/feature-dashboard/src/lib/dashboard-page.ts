import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, linkedSignal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import {
  RUBRICS,
  type DashboardPageHistoryView,
  type DashboardPageRow,
  type DashboardPagesView,
  type DashboardSort,
  type DashboardSummaryView,
  type DashboardWeek,
  type Platform,
} from '@vestnik/contracts';
import {
  CurrentOrganization,
  dashboardHistoryRequest,
  dashboardPagesRequest,
  dashboardSummaryRequest,
  flattenOrganizationTree,
  toApiFailure,
  type OrganizationNode,
} from '@vestnik/editor/data-access';
import { I18n, type Translate } from '@vestnik/editor/i18n';
import { AlertMessage, describeTimeZone } from '@vestnik/editor/ui';
import { PLATFORMS } from '@vestnik/platforms/rules';
import type { ChartModel, WeekPoint } from './chart-model';
import { ComplianceDownload } from './compliance-download';
import { DashboardChart } from './dashboard-chart';
import { ariaSort, DASHBOARD_PAGE_SIZE, filterQueryParams, parseDashboardParams, sortQueryParams, type DashboardFilters } from './dashboard-filters';
import { daysAheadText, mixParts, shortDateTime, weekRange, weekText, type MixPart, type WeekText } from './dashboard-texts';
import { MixBar } from './mix-bar';

interface DashboardRow {
  page: DashboardPageRow;
  platform: string;
  week: WeekText;
  mix: MixPart[];
  daysAhead: string;
  lastPublished: { time: string; zone: string } | null;
  failures: string;
  reasons: string[];
}

/** «Южно-Сахалинск, МСК+8» without the zone's id: enough beside a time in a table. */
function zoneLabel(zone: string, t: Translate): string {
  return describeTimeZone(zone, t).replace(/ \([^)]*\)$/, '');
}

function weekPoints(weeks: readonly DashboardWeek[]): WeekPoint[] {
  return weeks.map((w) => ({ weekStart: w.weekStart, published: w.published, scheduled: w.scheduled, minimum: w.minimum > 0 ? w.minimum : null }));
}

function findNode(nodes: readonly OrganizationNode[], id: string): OrganizationNode | null {
  for (const node of nodes) {
    if (node.organization.id === id) return node;
    const found = findNode(node.children, id);
    if (found) return found;
  }
  return null;
}

/**
 * The coordinator's start page: every page of the current organization's subtree against its
 * weekly minimum and rubric target, at risk first; sorted, filtered and paged by the server, the
 * view kept in the address. Charts of the subtree above, of one page when its row is opened.
 */
@Component({
  selector: 'vn-dashboard-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, RouterLink, AlertMessage, DashboardChart, MixBar, ComplianceDownload],
  templateUrl: './dashboard-page.html',
  styleUrl: './dashboard-page.css',
})
export class DashboardPage {
  /** Query parameters (see `DashboardParams`): a link reproduces the view. */
  readonly organization = input<string>();
  readonly platform = input<string>();
  readonly risk = input<string>();
  readonly q = input<string>();
  readonly sort = input<string>();
  readonly order = input<string>();
  readonly offset = input<string>();
  readonly chart = input<string>();

  private readonly current = inject(CurrentOrganization);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  protected readonly platforms = PLATFORMS;
  /** The legend above the table: each rubric's colour and its name in lower case. */
  protected readonly rubricLegend = computed(() => RUBRICS.map((rubric) => ({ rubric, label: this.t(`common.rubric.${rubric}`).toLowerCase() })));
  protected readonly home = this.current.organization;
  protected readonly listLoaded = computed(() => this.current.all.status() !== 'loading' && this.current.all.status() !== 'idle');

  protected readonly filters = computed<DashboardFilters>(() =>
    parseDashboardParams({
      organization: this.organization(),
      platform: this.platform(),
      risk: this.risk(),
      q: this.q(),
      sort: this.sort(),
      order: this.order(),
      offset: this.offset(),
      chart: this.chart(),
    }),
  );

  /** The current organization and its subtree, as the organization filter lists them. */
  protected readonly subtree = computed(() => {
    const id = this.current.id();
    const node = id ? findNode(this.current.tree(), id) : null;
    return node ? flattenOrganizationTree([node]) : [];
  });
  /** The organization the table and charts are about: the filter's, when it lies in the subtree. */
  protected readonly scope = computed(() => {
    const wanted = this.filters().organization;
    const inSubtree = wanted ? this.subtree().find((o) => o.organization.id === wanted) : undefined;
    return inSubtree?.organization ?? this.home();
  });
  protected readonly filtered = computed(() => {
    const f = this.filters();
    return !!(f.platform || f.atRiskOnly || f.search || (f.organization && this.scope()?.id !== this.home()?.id));
  });

  protected readonly pages = httpResource<DashboardPagesView>(() => {
    const scope = this.scope();
    if (!scope) return undefined;
    const f = this.filters();
    return dashboardPagesRequest({
      organizationId: scope.id,
      platform: f.platform ?? undefined,
      atRiskOnly: f.atRiskOnly,
      search: f.search || undefined,
      sort: f.sort,
      order: f.order,
      offset: f.offset,
      limit: DASHBOARD_PAGE_SIZE,
    });
  });
  /** The last answer stays on screen while the next one (another sort, page or filter) loads. */
  protected readonly shown = linkedSignal<DashboardPagesView | undefined, DashboardPagesView | undefined>({
    source: () => (this.pages.hasValue() ? this.pages.value() : undefined),
    computation: (next, previous) => next ?? previous?.value,
  });
  protected readonly pagesFailure = computed(() => {
    const error = this.pages.error();
    return error ? toApiFailure(error).message : null;
  });

  protected readonly summary = httpResource<DashboardSummaryView>(() => {
    const scope = this.scope();
    return scope ? dashboardSummaryRequest(scope.id, this.filters().platform) : undefined;
  });
  protected readonly summaryView = computed(() => (this.summary.hasValue() ? this.summary.value() : null));

  protected readonly history = httpResource<DashboardPageHistoryView>(() => {
    const chart = this.filters().chart;
    return chart ? dashboardHistoryRequest(chart) : undefined;
  });
  protected readonly historyFailure = computed(() => {
    const error = this.history.error();
    return error ? toApiFailure(error).message : null;
  });

  protected readonly rows = computed<DashboardRow[]>(() => {
    const t = this.t;
    const locale = this.i18n.locale();
    return (this.shown()?.rows ?? []).map((page) => ({
      page,
      platform: t(`common.platform.name.${page.platform}`),
      week: weekText(page, t),
      mix: mixParts(page.rubricMix4Weeks, page.rubricTarget, t),
      daysAhead: daysAheadText(page.daysAheadEmpty, t),
      lastPublished: page.lastPublishedAt ? { time: shortDateTime(page.lastPublishedAt, page.timezone, locale), zone: zoneLabel(page.timezone, t) } : null,
      failures: page.failuresLast4Weeks ? t('common.count.failures', { count: page.failuresLast4Weeks }) : t('dashboard.row.none'),
      reasons: page.riskReasons.map((r) => t(`common.riskReason.${r}`)),
    }));
  });

  protected readonly week = computed(() => {
    const view = this.shown();
    return view ? weekRange(view.weekStart, view.weekEnd, this.i18n.locale()) : '';
  });
  protected readonly zoneText = computed(() => {
    const zone = this.shown()?.timezone ?? this.scope()?.timezone;
    return zone ? describeTimeZone(zone, this.t) : '';
  });
  protected readonly range = computed(() => {
    const view = this.shown();
    if (!view || view.total === 0) return null;
    return {
      first: view.offset + 1,
      last: view.offset + view.rows.length,
      total: view.total,
      hasPrevious: view.offset > 0,
      hasNext: view.offset + view.rows.length < view.total,
    };
  });

  protected readonly subtreeCharts = computed<ChartModel[]>(() => {
    const view = this.summaryView();
    if (!view || !view.pages) return [];
    return [
      { kind: 'weekly', title: this.t('dashboard.charts.subtreeWeekly'), weeks: weekPoints(view.weeks) },
      { kind: 'mix', title: this.t('dashboard.charts.subtreeMix'), rubrics: RUBRICS.map((rubric) => ({ rubric, count: view.mix.published[rubric], targetPercent: view.mix.targetPercent?.[rubric] ?? null })) },
    ];
  });
  protected readonly pageCharts = computed<ChartModel[]>(() => {
    const view = this.history.hasValue() ? this.history.value() : null;
    if (!view) return [];
    return [
      { kind: 'weekly', title: this.t('dashboard.charts.pageWeekly', { name: view.channelName }), weeks: weekPoints(view.weeks) },
      { kind: 'mix', title: this.t('dashboard.charts.pageMix', { name: view.channelName }), rubrics: RUBRICS.map((rubric) => ({ rubric, count: view.mix.published[rubric], targetPercent: view.mix.targetPercent?.[rubric] ?? null })) },
    ];
  });


  constructor() {
    // Another organization chosen in the header: its subtree from the first rows; a filter outside it goes.
    let shown: string | null = null;
    effect(() => {
      const id = this.current.id();
      untracked(() => {
        if (shown && id && id !== shown) {
          void this.router.navigate([], { queryParams: { organization: null, offset: null, chart: null }, queryParamsHandling: 'merge', replaceUrl: true });
        }
        shown = id;
      });
    });
  }

  protected ariaSort(column: DashboardSort): 'ascending' | 'descending' | null {
    return ariaSort(this.filters(), column);
  }

  protected sortBy(column: DashboardSort): void {
    void this.router.navigate([], { queryParams: sortQueryParams(this.filters(), column), queryParamsHandling: 'merge' });
  }

  protected searchText = linkedSignal(() => this.filters().search);

  protected applyFilter(change: Partial<Pick<DashboardFilters, 'organization' | 'platform' | 'atRiskOnly' | 'search'>>): void {
    void this.router.navigate([], { queryParams: { ...filterQueryParams(change), chart: null }, queryParamsHandling: 'merge' });
  }

  protected choosePlatform(value: string): void {
    this.applyFilter({ platform: (PLATFORMS as readonly string[]).includes(value) ? (value as Platform) : null });
  }

  protected chooseOrganization(value: string): void {
    this.applyFilter({ organization: value && value !== this.home()?.id ? value : null });
  }

  protected resetFilters(): void {
    this.searchText.set('');
    void this.router.navigate([], { queryParams: { organization: null, platform: null, risk: null, q: null, offset: null, chart: null }, queryParamsHandling: 'merge' });
  }

  protected turn(by: 1 | -1): void {
    const view = this.shown();
    if (!view) return;
    const offset = Math.max(0, view.offset + by * DASHBOARD_PAGE_SIZE);
    void this.router.navigate([], { queryParams: { offset: offset || null, chart: null }, queryParamsHandling: 'merge' });
  }

  protected toggleCharts(channelId: string): void {
    const open = this.filters().chart === channelId;
    void this.router.navigate([], { queryParams: { chart: open ? null : channelId }, queryParamsHandling: 'merge', replaceUrl: true });
  }

  protected depthPrefix(depth: number): string {
    return depth ? `${'\u00a0\u00a0'.repeat(depth)}— ` : '';
  }
}
