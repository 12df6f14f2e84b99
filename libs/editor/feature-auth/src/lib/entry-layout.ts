import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { LanguagePreference } from '@vestnik/editor/data-access';
import { I18n } from '@vestnik/editor/i18n';
import { LanguageSwitch } from '@vestnik/editor/ui';

/** The calm, centered frame of the pages seen before signing in (setup, login, invitation), with the language switch. */
@Component({
  selector: 'vn-entry-layout',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LanguageSwitch],
  template: `
    <div class="language"><vn-language-switch (choose)="language.choose($event)" /></div>
    <header class="brand">
      <p class="brand__name">{{ t('common.appName') }}</p>
      <p class="brand__tagline">{{ t('auth.entry.tagline') }}</p>
    </header>
    <main class="card entry" [class.entry--wide]="wide()">
      <ng-content />
    </main>
  `,
  styles: `
    :host {
      display: block;
      min-height: 100vh;
      padding: 2.5rem 1rem 3rem;
    }
    .language {
      display: flex;
      justify-content: flex-end;
      max-width: 40rem;
      margin: -1.5rem auto 0.5rem;
      color: var(--vn-header);
    }
    .brand {
      text-align: center;
      margin-bottom: 1.5rem;
    }
    .brand__name {
      margin: 0;
      font-size: 1.9rem;
      font-weight: 700;
      color: var(--vn-header);
      letter-spacing: 0.02em;
    }
    .brand__tagline {
      margin: 0;
      color: var(--vn-muted);
    }
    .entry {
      max-width: 28rem;
      margin: 0 auto;
    }
    .entry--wide {
      max-width: 40rem;
    }
    @media (max-width: 480px) {
      :host {
        padding-top: 1.25rem;
      }
      .entry {
        padding: 1.1rem;
      }
    }
  `,
})
export class EntryLayout {
  readonly wide = input(false);
  protected readonly t = inject(I18n).t;
  protected readonly language = inject(LanguagePreference);
}
