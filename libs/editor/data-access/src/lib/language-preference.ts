import { DOCUMENT, Injectable, effect, inject, signal, untracked } from '@angular/core';
import type { UserView } from '@vestnik/contracts';
import { I18n, isLanguage, type Language } from '@vestnik/editor/i18n';
import { firstValueFrom } from 'rxjs';
import { toApiFailure } from './api-failure';
import { AuthApi } from './auth-api';
import { AuthSession } from './auth-session';

const CHOSEN_SIGNED_OUT = 'vestnik.languageChosenSignedOut';

/**
 * The person's choice of language: switched at once here and kept on the server, so every browser
 * they sign in on opens in it. Whoever signs in gets their own language, unless they chose one on
 * the sign-in page just before: the latest choice wins and is saved. The switch never waits for the server.
 */
@Injectable({ providedIn: 'root' })
export class LanguagePreference {
  private readonly i18n = inject(I18n);
  private readonly session = inject(AuthSession);
  private readonly authApi = inject(AuthApi);
  private readonly document = inject(DOCUMENT);

  /** Why the last choice could not be kept on the server (it still holds in this browser). */
  readonly saveFailure = signal<string | null>(null);

  constructor() {
    // Once per session begun, so a later answer about the same person (e.g. `/auth/me`) never undoes a choice.
    effect(() => {
      if (this.session.sessionsStarted() === 0) return;
      untracked(() => {
        const user = this.session.user();
        if (user) this.follow(user);
      });
    });
  }

  async choose(lang: Language): Promise<void> {
    this.saveFailure.set(null);
    await this.i18n.use(lang);
    if (this.session.signedIn()) await this.save(lang);
    else this.chosenBeforeSignIn = lang;
  }

  /** Chosen while nobody was signed in, for the person who signs in next in this tab (a reload of the sign-in page keeps it). */
  private get chosenBeforeSignIn(): Language | null {
    try {
      const stored = this.document.defaultView?.sessionStorage.getItem(CHOSEN_SIGNED_OUT);
      return isLanguage(stored) ? stored : null;
    } catch {
      return null;
    }
  }

  private set chosenBeforeSignIn(lang: Language | null) {
    try {
      const storage = this.document.defaultView?.sessionStorage;
      if (lang) storage?.setItem(CHOSEN_SIGNED_OUT, lang);
      else storage?.removeItem(CHOSEN_SIGNED_OUT);
    } catch {
      // No storage: the choice still holds on this page.
    }
  }

  private follow(user: UserView): void {
    const chosen = this.chosenBeforeSignIn;
    this.chosenBeforeSignIn = null;
    if (chosen && chosen !== user.language) void this.save(chosen);
    else if (user.language && user.language !== this.i18n.lang()) void this.i18n.use(user.language);
  }

  private async save(lang: Language): Promise<void> {
    try {
      const me = await firstValueFrom(this.authApi.updateMe({ language: lang }));
      this.session.restore(me);
    } catch (error) {
      this.saveFailure.set(this.i18n.t('common.language.saveFailed', { reason: toApiFailure(error).message }));
    }
  }
}
