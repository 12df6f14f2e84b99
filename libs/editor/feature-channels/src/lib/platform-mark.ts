import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { Platform } from '@vestnik/contracts';
import { I18n } from '@vestnik/editor/i18n';

/** The letters on the coloured mark: the platforms' own Latin marks, the same in every language (decoration, hidden from screen readers). */
const SHORT: Record<Platform, string> = { vk: 'VK', ok: 'OK', telegram: 'TG', max: 'MAX' };

/** The platform's coloured mark and its name; the mark is decoration, the name is what is read. */
@Component({
  selector: 'vn-platform-mark',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'platform-mark' },
  template: `<span [class]="'platform-mark__icon platform-mark__icon--' + platform()" aria-hidden="true">{{ short() }}</span>
    @if (!iconOnly()) {
      <span class="platform-mark__name">{{ title() }}</span>
    } @else {
      <span class="visually-hidden">{{ title() }}</span>
    }`,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: 0.4rem;
      white-space: nowrap;
    }
    .platform-mark__icon {
      display: inline-grid;
      place-items: center;
      width: 1.6rem;
      height: 1.6rem;
      border-radius: 0.4rem;
      color: #fff;
      font-size: 0.68rem;
      font-weight: 700;
      letter-spacing: 0.02em;
      flex: none;
    }
    .platform-mark__icon--vk {
      background: #0a66d8;
    }
    .platform-mark__icon--ok {
      background: #b35400;
    }
    .platform-mark__icon--telegram {
      background: #136a99;
    }
    .platform-mark__icon--max {
      background: #5a3fc0;
    }
  `,
})
export class PlatformMark {
  readonly platform = input.required<Platform>();
  readonly iconOnly = input(false);
  private readonly t = inject(I18n).t;
  protected readonly title = computed(() => this.t(`common.platform.name.${this.platform()}`));
  protected readonly short = computed(() => SHORT[this.platform()]);
}
