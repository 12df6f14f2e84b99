import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { I18n } from '@vestnik/editor/i18n';

/** A form's main button: disabled with a spinner and «Sending…» (or `busyLabel`) while the request is in flight. */
@Component({
  selector: 'vn-submit-button',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      type="submit"
      class="btn"
      [class.btn--primary]="tone() === 'primary'"
      [class.btn--danger]="tone() === 'danger'"
      [disabled]="busy() || disabled()"
      [attr.aria-busy]="busy() ? 'true' : null"
    >
      @if (busy()) {
        <span class="spinner" aria-hidden="true"></span>
        {{ busyLabel() ?? t('forms.submit.busy') }}
      } @else {
        <ng-content />
      }
    </button>
  `,
})
export class SubmitButton {
  protected readonly t = inject(I18n).t;
  readonly busy = input(false);
  readonly disabled = input(false);
  /** Said while sending; the default is «Sending…» in the interface's language. */
  readonly busyLabel = input<string>();
  readonly tone = input<'primary' | 'secondary' | 'danger'>('primary');
}
