import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

export type AlertTone = 'error' | 'warning' | 'info' | 'success';

/** A message block above a form or a page. Errors are announced at once, the rest politely. */
@Component({
  selector: 'vn-alert',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '[class]': '"alert alert--" + tone()',
    '[attr.role]': 'role()',
  },
  template: `
    @if (heading()) {
      <p class="alert__heading">{{ heading() }}</p>
    }
    <ng-content />
  `,
})
export class AlertMessage {
  readonly tone = input<AlertTone>('info');
  readonly heading = input<string>();
  protected readonly role = computed(() => (this.tone() === 'error' ? 'alert' : 'status'));
}
