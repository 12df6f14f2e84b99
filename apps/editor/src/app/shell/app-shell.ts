import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { IsActiveMatchOptions, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { AttentionList, AuthApi, AuthSession, LanguagePreference, ReviewQueue, toApiFailure } from '@vestnik/editor/data-access';
import { I18n } from '@vestnik/editor/i18n';
import { NotificationBell } from '@vestnik/editor/feature-notifications';
import { AlertMessage, LanguageSwitch } from '@vestnik/editor/ui';
import { firstValueFrom } from 'rxjs';
import { OrganizationSwitcher } from './organization-switcher';

/**
 * The frame of every page after sign-in: header with the current organization, navigation, the
 * person (a link to their security settings), the language and sign-out.
 */
@Component({
  selector: 'vn-app-shell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, RouterLink, RouterLinkActive, AlertMessage, NotificationBell, OrganizationSwitcher, LanguageSwitch],
  templateUrl: './app-shell.html',
  styleUrl: './app-shell.css',
})
export class AppShell {
  private readonly session = inject(AuthSession);
  private readonly authApi = inject(AuthApi);
  private readonly router = inject(Router);
  protected readonly t = inject(I18n).t;
  /** The language chosen here could not be kept on the server: it holds in this browser, and the person is told. */
  protected readonly language = inject(LanguagePreference);
  protected readonly languageSaveFailure = this.language.saveFailure;

  /** «Сводка» (the start page) is marked on `/` alone, with whatever filters its address holds. */
  protected readonly homeActive: IsActiveMatchOptions = { paths: 'exact', queryParams: 'ignored', matrixParams: 'ignored', fragment: 'ignored' };
  protected readonly user = this.session.user;
  /** «Анна Петрова» → «АП»: the header's mark of the person (the name itself shows on wide screens). */
  protected readonly initials = computed(() =>
    (this.user()?.name ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((word) => word[0].toLocaleUpperCase())
      .join(''),
  );
  /** While the second factor must be set up, the rest of the editor is closed: hide its links. */
  protected readonly restricted = this.session.totpEnrollmentRequired;
  /** Failed, unconfirmed and missed publications and broken pages of the current organization's subtree. */
  protected readonly attentionCount = inject(AttentionList).count;
  /** Posts in review across the current organization's subtree that this person may approve now. */
  protected readonly reviewCount = inject(ReviewQueue).badge;
  protected readonly signingOut = signal(false);
  /** Sign-out did not reach the server: the session would live on, so the person is told and stays. */
  protected readonly signOutFailure = signal<string | null>(null);

  protected skipToContent(event: Event): void {
    event.preventDefault();
    document.getElementById('main-content')?.focus();
  }

  /** Ends the session on the server (its cookies are cleared there too), then here. */
  protected async signOut(): Promise<void> {
    if (this.signingOut()) return;
    this.signingOut.set(true);
    this.signOutFailure.set(null);
    try {
      await firstValueFrom(this.authApi.logout());
    } catch (error) {
      const failure = toApiFailure(error);
      // 401: the session had already ended; anything else: it may still be open, so stay and say so.
      if (failure.statusCode !== 401) {
        this.signOutFailure.set(this.t('shell.signOutFailed', { reason: failure.message }));
        this.signingOut.set(false);
        return;
      }
    }
    this.session.end('signed-out');
    this.signingOut.set(false);
    await this.router.navigateByUrl('/login', { replaceUrl: true });
  }
}
