import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** A form's main button: disabled with a spinner and "Отправка…" while the request is in flight. */
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
        {{ busyLabel() }}
      } @else {
        <ng-content />
      }
    </button>
  `,
})
export class SubmitButton {
  readonly busy = input(false);
  readonly disabled = input(false);
  readonly busyLabel = input('Отправка…');
  readonly tone = input<'primary' | 'secondary' | 'danger'>('primary');
}
