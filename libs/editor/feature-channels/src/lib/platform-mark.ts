import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { Platform } from '@vestnik/contracts';
import { PLATFORM_TITLES } from '@vestnik/platforms/rules';

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
  `,
})
export class PlatformMark {
  readonly platform = input.required<Platform>();
  readonly iconOnly = input(false);
  protected readonly title = computed(() => PLATFORM_TITLES[this.platform()]);
  protected readonly short = computed(() => SHORT[this.platform()]);
}
