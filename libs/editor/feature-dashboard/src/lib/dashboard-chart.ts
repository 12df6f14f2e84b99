import { afterNextRender, ChangeDetectionStrategy, Component, computed, DestroyRef, effect, ElementRef, inject, input, signal, viewChild } from '@angular/core';
import { I18n } from '@vestnik/editor/i18n';
import type { ECharts } from 'echarts/core';
import { loadChartLibrary, type ChartLibrary } from './chart-library';
import { chartOption, chartTable, type ChartModel } from './chart-model';

/**
 * A bar/line chart drawn by ECharts on a canvas. Screen readers get the same numbers as a table
 * (visually hidden); the canvas itself is hidden from them.
 */
@Component({
  selector: 'vn-dashboard-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <figure class="chart">
      <figcaption class="chart__title">{{ chart().title }}</figcaption>
      <div #canvas class="chart__canvas" aria-hidden="true"></div>
      @if (failed()) {
        <p class="chart__failed">{{ t('dashboard.chart.failed') }}</p>
      }
      <table class="visually-hidden">
        <caption>{{ chart().title }}</caption>
        <thead>
          <tr>
            @for (column of table().columns; track $index) {
              <th scope="col">{{ column }}</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (row of table().rows; track $index) {
            <tr>
              @for (cell of row; track $index) {
                @if ($first) {
                  <th scope="row">{{ cell }}</th>
                } @else {
                  <td>{{ cell }}</td>
                }
              }
            </tr>
          }
        </tbody>
      </table>
    </figure>
  `,
  styles: `
    :host {
      display: block;
      position: relative;
      min-width: 0;
    }
    .chart {
      margin: 0;
    }
    .chart__title {
      font-weight: 600;
      margin-bottom: 0.25rem;
    }
    .chart__canvas {
      height: 220px;
      width: 100%;
    }
    .chart__failed {
      color: var(--vn-muted);
      font-size: 0.875rem;
    }
  `,
})
export class DashboardChart {
  readonly chart = input.required<ChartModel>();

  private readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  protected readonly table = computed(() => chartTable(this.chart(), this.t, this.i18n.locale()));
  protected readonly failed = signal(false);

  private readonly canvas = viewChild.required<ElementRef<HTMLDivElement>>('canvas');
  private readonly library = signal<ChartLibrary | null>(null);
  private instance: ECharts | null = null;

  constructor() {
    const destroyRef = inject(DestroyRef);
    let resize: ResizeObserver | null = null;
    afterNextRender(() => {
      loadChartLibrary().then(
        (library) => this.library.set(library),
        () => this.failed.set(true),
      );
    });
    effect(() => {
      const library = this.library();
      const model = this.chart();
      if (!library || destroyRef.destroyed) return;
      if (!this.instance) {
        const element = this.canvas().nativeElement;
        this.instance = library.init(element);
        resize = new ResizeObserver(() => this.instance?.resize());
        resize.observe(element);
      }
      const animate = !globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
      // Reading the language here draws the chart again, in its words, when the language is switched.
      this.instance.setOption(chartOption(model, animate, this.t, this.i18n.locale()), { notMerge: true });
    });
    destroyRef.onDestroy(() => {
      resize?.disconnect();
      this.instance?.dispose();
      this.instance = null;
    });
  }
}
