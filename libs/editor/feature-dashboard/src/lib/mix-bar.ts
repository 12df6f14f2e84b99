import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { I18n } from '@vestnik/editor/i18n';
import { mixSummary, type MixPart } from './dashboard-texts';

/**
 * A page's rubric mix of 4 weeks as a thin stacked bar, the target as a second one beneath, and the
 * percentages in figures (the colours repeat the legend above the table; the figures carry the meaning).
 */
@Component({
  selector: 'vn-mix-bar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span class="visually-hidden">{{ summary() }}</span>
    <span class="mix" aria-hidden="true">
      <span class="mix__bar">
        @for (part of parts(); track part.rubric) {
          @if (part.percent) {
            <span [class]="'mix__part mix__part--' + part.rubric" [style.width.%]="part.percent"></span>
          }
        }
      </span>
      <span class="mix__figures">{{ figures() }}</span>
      @if (hasTarget()) {
        <span class="mix__bar mix__bar--target">
          @for (part of parts(); track part.rubric) {
            @if (part.target) {
              <span [class]="'mix__part mix__part--' + part.rubric" [style.width.%]="part.target"></span>
            }
          }
        </span>
        <span class="mix__figures mix__figures--target">{{ t('dashboard.mix.figuresTarget', { figures: targetFigures() }) }}</span>
      }
    </span>
  `,
  styles: `
    :host {
      display: block;
      min-width: 6rem;
    }
    .mix {
      display: grid;
      gap: 0.15rem;
    }
    .mix__bar {
      display: flex;
      height: 0.6rem;
      border-radius: 3px;
      overflow: hidden;
      background: var(--vn-border-soft);
    }
    .mix__bar--target {
      height: 0.35rem;
      opacity: 0.75;
    }
    .mix__part--official {
      background: #0b4f8a;
    }
    .mix__part--useful {
      background: #2f9e6b;
    }
    .mix__part--entertaining {
      background: #d08a00;
    }
    .mix__figures {
      font-size: 0.8rem;
      font-variant-numeric: tabular-nums;
      color: var(--vn-text);
    }
    .mix__figures--target {
      color: var(--vn-muted);
    }
  `,
})
export class MixBar {
  readonly parts = input.required<MixPart[]>();

  protected readonly t = inject(I18n).t;

  protected readonly summary = computed(() => this.t('dashboard.mix.summary', { parts: mixSummary(this.parts(), this.t) }));
  protected readonly hasTarget = computed(() => this.parts().some((p) => p.target !== null));
  protected readonly figures = computed(() =>
    this.parts().every((p) => p.count === 0) ? this.t('dashboard.mix.figuresNone') : this.t('dashboard.chart.percent', { value: this.parts().map((p) => p.percent).join(' / ') }),
  );
  protected readonly targetFigures = computed(() => this.t('dashboard.chart.percent', { value: this.parts().map((p) => p.target ?? 0).join(' / ') }));
}
