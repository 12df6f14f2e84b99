import type { ECharts } from 'echarts/core';

/** What the charts need from ECharts: `init` with the chart types and components already registered. */
export interface ChartLibrary {
  init(element: HTMLElement): ECharts;
}

let loading: Promise<ChartLibrary> | null = null;

/**
 * ECharts reaches the browser only when a chart is first drawn (a chunk of its own, not the initial
 * bundle): the core, bar and line charts, grid, legend and tooltip, and the canvas renderer.
 */
export function loadChartLibrary(): Promise<ChartLibrary> {
  loading ??= import('./echarts-setup').then(
    (setup) => ({ init: setup.initChart }),
    (error: unknown) => {
      // A failed chunk (e.g. a new release deployed meanwhile) may load on the next try.
      loading = null;
      throw error;
    },
  );
  return loading;
}
