import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import { AlertMessage } from '@vestnik/editor/ui';

/**
 * A one-time link (invitation or password reset) answered once by the server: only its hash is kept,
 * so the admin copies it now or never. Shown with a copy button and the reason it cannot come back.
 */
@Component({
  selector: 'vn-one-time-link',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AlertMessage],
  template: `
    <vn-alert tone="warning" [heading]="heading()">
      <p>{{ explanation() }}</p>
      <div class="link">
        <input #field class="link__url" type="text" readonly [value]="url()" [attr.aria-label]="'Ссылка: ' + heading()" (focus)="field.select()" />
        <button type="button" class="btn btn--small" (click)="copy(field)">Скопировать</button>
      </div>
      <p class="small" aria-live="polite">{{ copyStatus() }}</p>
      <p class="small">
        Ссылка показана один раз: после закрытия её нельзя посмотреть снова. Если она потеряется, выдайте новую — прежняя
        перестанет действовать.
      </p>
    </vn-alert>
  `,
  styles: `
    .link {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
      margin: 0.5rem 0;
    }
    .link__url {
      flex: 1 1 18rem;
      min-width: 0;
      font-family: monospace;
    }
  `,
})
export class OneTimeLink {
  readonly url = input.required<string>();
  readonly heading = input.required<string>();
  readonly explanation = input.required<string>();

  protected readonly copyStatus = signal('');

  protected async copy(field: HTMLInputElement): Promise<void> {
    field.select();
    try {
      await navigator.clipboard.writeText(this.url());
      this.copyStatus.set('Ссылка скопирована в буфер обмена.');
    } catch {
      // Outside https the clipboard API is off: the text is selected, Ctrl+C does the rest.
      this.copyStatus.set('Скопировать автоматически не удалось: ссылка выделена, нажмите Ctrl+C.');
    }
  }
}
