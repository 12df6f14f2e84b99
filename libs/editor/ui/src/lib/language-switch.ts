import { ChangeDetectionStrategy, Component, computed, inject, output } from '@angular/core';
import { I18n, type Language } from '@vestnik/editor/i18n';

/**
 * One button to the other language, written in that language («English» on a Russian page,
 * «Русский» on an English one), so a person who cannot read the current one still finds it.
 * It only says which was chosen: the page keeps the choice (`LanguagePreference` in data-access).
 */
@Component({
  selector: 'vn-language-switch',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<button type="button" class="language-switch" [attr.lang]="other()" [attr.aria-label]="t('common.language.switchTo')" (click)="switch()">
    {{ name() }}
  </button>`,
  styles: `
    .language-switch {
      font: inherit;
      font-size: 0.875rem;
      padding: 0.25rem 0.6rem;
      border: 1px solid currentColor;
      border-radius: 0.375rem;
      background: transparent;
      color: inherit;
      cursor: pointer;
      white-space: nowrap;
    }
    .language-switch:focus-visible {
      outline: 3px solid #ffbf47;
      outline-offset: 2px;
    }
  `,
})
export class LanguageSwitch {
  private readonly i18n = inject(I18n);
  readonly choose = output<Language>();
  protected readonly t = this.i18n.t;
  protected readonly other = computed<Language>(() => (this.i18n.lang() === 'ru' ? 'en' : 'ru'));
  protected readonly name = computed(() => this.t(`common.language.${this.other()}`));

  protected switch(): void {
    this.choose.emit(this.other());
  }
}
