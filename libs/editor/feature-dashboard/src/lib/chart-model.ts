import { RUBRICS, type Rubric } from '@vestnik/contracts';
import type { Translate } from '@vestnik/editor/i18n';
import type { EChartsCoreOption } from 'echarts/core';
import { dayMonth } from './dashboard-texts';

/** One week of a page (or of the subtree, summed): posts out against the weekly minimum. */
export interface WeekPoint {
  /** Monday, `YYYY-MM-DD`, in the organization's zone. */
  weekStart: string;
  published: number;
  /** Approved and still to go out (the current week only). */
  scheduled: number;
  /** Null: no minimum set for that week. */
  minimum: number | null;
}

/** One rubric over the last 4 weeks: posts out and the target share in percent. */
export interface RubricPoint {
  rubric: Rubric;
  count: number;
  /** Null: no target set. */
  targetPercent: number | null;
}

export type ChartModel =
  | { kind: 'weekly'; title: string; weeks: WeekPoint[] }
  | { kind: 'mix'; title: string; rubrics: RubricPoint[] };

/** A chart's numbers as a table: what a screen reader reads instead of the canvas. */
export interface ChartTable {
  columns: string[];
  rows: string[][];
}

const PUBLISHED_COLOR = '#0b4f8a';
const MINIMUM_COLOR = '#b42318';
const TARGET_COLOR = '#9aa5b1';
const SCHEDULED_COLOR = '#7fa7cc';
/** Stripes tell planned and target bars from the solid ones without relying on colour. */
const STRIPES = { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 3], rotation: -Math.PI / 4, color: 'rgba(255, 255, 255, 0.6)' };

/** «31.08» (en-GB «31/08») for the week starting on Monday 2026-08-31. */
export function weekLabel(weekStart: string, locale: string): string {
  return dayMonth(weekStart, locale);
}

/** Shares of the rubrics in percent, rounded, from counts; all zero when there were no posts. */
export function rubricShares(points: readonly RubricPoint[]): Record<Rubric, number> {
  const total = points.reduce((sum, p) => sum + p.count, 0);
  const shares = Object.fromEntries(RUBRICS.map((r) => [r, 0])) as Record<Rubric, number>;
  if (!total) return shares;
  for (const p of points) shares[p.rubric] = Math.round((p.count / total) * 100);
  return shares;
}

/** A chart's numbers in words of the language of `t`; week days written in `locale`. */
export function chartTable(model: ChartModel, t: Translate, locale: string): ChartTable {
  if (model.kind === 'weekly') {
    return {
      columns: [t('dashboard.chart.weekFrom'), t('dashboard.chart.published'), t('dashboard.chart.scheduled'), t('dashboard.chart.minimum')],
      rows: model.weeks.map((w) => [weekLabel(w.weekStart, locale), String(w.published), String(w.scheduled), w.minimum === null ? t('dashboard.chart.minimumUnset') : String(w.minimum)]),
    };
  }
  const shares = rubricShares(model.rubrics);
  return {
    columns: [t('dashboard.chart.rubric'), t('dashboard.chart.published4Weeks'), t('dashboard.chart.sharePercent'), t('dashboard.chart.targetPercent')],
    rows: model.rubrics.map((p) => [t(`common.rubric.${p.rubric}`), String(p.count), String(shares[p.rubric]), p.targetPercent === null ? t('dashboard.chart.targetUnset') : String(p.targetPercent)]),
  };
}

/** The ECharts option of a model: plain data, so it is tested without a browser. Series, axes and tooltips speak the language of `t`. */
export function chartOption(model: ChartModel, animate: boolean, t: Translate, locale: string): EChartsCoreOption {
  const percent = (value: unknown) => t('dashboard.chart.percent', { value: String(value) });
  const common = {
    animation: animate,
    grid: { left: 40, right: 16, top: 40, bottom: 28 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, left: 0, itemGap: 16, textStyle: { color: '#1b2430' } },
    textStyle: { fontFamily: 'system-ui, "Segoe UI", Roboto, "PT Sans", Arial, sans-serif' },
  };
  if (model.kind === 'weekly') {
    const hasMinimum = model.weeks.some((w) => w.minimum !== null);
    const hasScheduled = model.weeks.some((w) => w.scheduled > 0);
    return {
      ...common,
      xAxis: { type: 'category', data: model.weeks.map((w) => weekLabel(w.weekStart, locale)), axisLabel: { color: '#56606b' } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#56606b' } },
      series: [
        { name: t('dashboard.chart.published'), type: 'bar', stack: 'week', data: model.weeks.map((w) => w.published), itemStyle: { color: PUBLISHED_COLOR }, barMaxWidth: 36 },
        ...(hasScheduled
          ? [{ name: t('dashboard.chart.scheduled'), type: 'bar', stack: 'week', data: model.weeks.map((w) => w.scheduled), itemStyle: { color: SCHEDULED_COLOR, decal: STRIPES }, barMaxWidth: 36 }]
          : []),
        ...(hasMinimum
          ? [
              {
                name: t('dashboard.chart.minimum'),
                type: 'line',
                step: 'middle',
                data: model.weeks.map((w) => w.minimum),
                lineStyle: { color: MINIMUM_COLOR, type: 'dashed', width: 2 },
                itemStyle: { color: MINIMUM_COLOR },
                symbol: 'none',
              },
            ]
          : []),
      ],
    };
  }
  const shares = rubricShares(model.rubrics);
  const hasTarget = model.rubrics.some((p) => p.targetPercent !== null);
  return {
    ...common,
    tooltip: { ...common.tooltip, valueFormatter: (value: unknown) => (value === null || value === undefined ? '—' : percent(value)) },
    xAxis: { type: 'category', data: model.rubrics.map((p) => t(`common.rubric.${p.rubric}`)), axisLabel: { color: '#56606b' } },
    yAxis: { type: 'value', max: 100, axisLabel: { color: '#56606b', formatter: (value: number) => percent(value) } },
    series: [
      { name: t('dashboard.chart.share4Weeks'), type: 'bar', data: model.rubrics.map((p) => shares[p.rubric]), itemStyle: { color: PUBLISHED_COLOR }, barMaxWidth: 36 },
      ...(hasTarget
        ? [{ name: t('dashboard.chart.target'), type: 'bar', data: model.rubrics.map((p) => p.targetPercent), itemStyle: { color: TARGET_COLOR, decal: STRIPES }, barMaxWidth: 36 }]
        : []),
    ],
  };
}
