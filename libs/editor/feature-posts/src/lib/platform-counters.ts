import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import type { Platform } from '@vestnik/contracts';
import { I18n } from '@vestnik/editor/i18n';
import type { ContentViolation } from '@vestnik/platforms/rules';
import type { PlatformVerdict } from './platform-verdicts';
import { violationText } from './violation-texts';

export interface CounterRow {
  verdict: PlatformVerdict;
  /** Pages of this platform are chosen: its rules decide whether the post can be submitted. */
  chosen: boolean;
}

/** Characters per platform as each counts them, against its limit, and what it would refuse. */
@Component({
  selector: 'vn-platform-counters',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="counters" [attr.aria-label]="t('posts.counters.label')">
      @for (row of rows(); track row.verdict.platform) {
        <li
          class="counter"
          [class.counter--bad]="row.chosen && row.verdict.violations.length"
          [class.counter--idle]="!row.chosen"
          [attr.data-platform]="row.verdict.platform"
        >
          <span class="counter__name">{{ platformName(row.verdict.platform) }}</span>
          <span class="counter__count">{{ t('posts.counters.count', { length: format(row.verdict.length), max: format(row.verdict.max) }) }}</span>
          @if (!row.chosen) {
            <span class="counter__state">{{ t('posts.counters.notChosen') }}</span>
          } @else if (row.verdict.violations.length) {
            <span class="counter__state">{{ t('posts.counters.refuses') }}</span>
          } @else {
            <span class="counter__state">{{ t('posts.counters.accepts') }}</span>
          }
          @if (row.verdict.ownText) {
            <span class="counter__own">{{ t('posts.composer.ownTextMark') }}</span>
          }
        </li>
      }
    </ul>
    <div role="status">
      @for (row of rows(); track row.verdict.platform) {
        @if (row.chosen) {
          @for (v of row.verdict.violations; track $index) {
            <p class="problem">⚠ {{ violation(v) }}</p>
          }
          @if (row.verdict.captionMax !== null && row.verdict.length > row.verdict.captionMax) {
            <p class="note">{{ t('posts.counters.captionNote', { platform: platformName(row.verdict.platform), count: format(row.verdict.captionMax) }) }}</p>
          }
        }
      }
    </div>
  `,
  styles: `
    .counters {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
      list-style: none;
      margin: -0.6rem 0 0.5rem;
      padding: 0;
    }
    .counter {
      display: flex;
      flex-wrap: wrap;
      gap: 0.1rem 0.5rem;
      align-items: baseline;
      padding: 0.25rem 0.6rem;
      border: 1px solid var(--vn-border-soft);
      border-left: 4px solid var(--vn-success);
      border-radius: var(--vn-radius);
      background: var(--vn-surface);
      font-size: 0.85rem;
    }
    .counter--bad {
      border-left-color: var(--vn-danger);
      background: var(--vn-danger-soft);
    }
    .counter--idle {
      border-left-color: var(--vn-border);
      color: var(--vn-muted);
    }
    .counter__name {
      font-weight: 600;
    }
    .counter__count {
      font-variant-numeric: tabular-nums;
    }
    .counter__state {
      color: var(--vn-muted);
    }
    .counter--bad .counter__state {
      color: var(--vn-danger);
      font-weight: 600;
    }
    .counter__own {
      font-size: 0.75rem;
      padding: 0 0.35rem;
      border-radius: 999px;
      background: var(--vn-primary-soft);
    }
    .problem {
      margin: 0 0 0.3rem;
      color: var(--vn-danger);
      font-size: 0.9rem;
      font-weight: 500;
    }
    .note {
      margin: 0 0 0.3rem;
      font-size: 0.875rem;
      color: var(--vn-muted);
    }
  `,
})
export class PlatformCounters {
  private readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  readonly rows = input.required<readonly CounterRow[]>();

  protected format(n: number): string {
    return this.i18n.number(n);
  }

  protected platformName(platform: Platform): string {
    return this.t(`common.platform.name.${platform}`);
  }

  protected violation(v: ContentViolation): string {
    return violationText(v, this.t);
  }
}
