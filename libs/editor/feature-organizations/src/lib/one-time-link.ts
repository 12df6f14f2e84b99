import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { I18n } from '@vestnik/editor/i18n';
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
        <input #field class="link__url" type="text" readonly [value]="url()" [attr.aria-label]="t('organizations.link.label', { heading: heading() })" (focus)="field.select()" />
        <button type="button" class="btn btn--small" (click)="copy(field)">{{ t('organizations.link.copy') }}</button>
      </div>
      <p class="small" aria-live="polite">{{ copyStatus()?.() }}</p>
      <p class="small">{{ t('organizations.link.once') }}</p>
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

  protected readonly t = inject(I18n).t;
  protected readonly copyStatus = signal<(() => string) | null>(null);

  protected async copy(field: HTMLInputElement): Promise<void> {
    field.select();
    try {
      await navigator.clipboard.writeText(this.url());
      this.copyStatus.set(() => this.t('organizations.link.copied'));
    } catch {
      // Outside https the clipboard API is off: the text is selected, Ctrl+C does the rest.
      this.copyStatus.set(() => this.t('organizations.link.copyFailed'));
    }
  }
}
