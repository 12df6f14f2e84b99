import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use, type ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Loaded only through `import('./echarts-setup')`: named imports here let the bundler drop the chart types and components not used.
use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export function initChart(element: HTMLElement): ECharts {
  return init(element, null, { renderer: 'canvas' });
}
