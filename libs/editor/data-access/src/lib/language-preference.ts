import { Injectable, effect, inject, signal, untracked } from '@angular/core';
import type { UserView } from '@vestnik/contracts';
import { I18n, type Language } from '@vestnik/editor/i18n';
import { firstValueFrom } from 'rxjs';
import { toApiFailure } from './api-failure';
import { AuthApi } from './auth-api';
import { AuthSession } from './auth-session';

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
  /** Chosen while nobody was signed in: saved for the person who signs in next. */
  private chosenBeforeSignIn: Language | null = null;

  /** Why the last choice could not be kept on the server (it still holds in this browser). */
  readonly saveFailure = signal<string | null>(null);

  constructor() {
    effect(() => {
      const user = this.session.user();
      if (user) untracked(() => this.follow(user));
    });
  }

  async choose(lang: Language): Promise<void> {
    this.saveFailure.set(null);
    await this.i18n.use(lang);
    if (this.session.signedIn()) await this.save(lang);
    else this.chosenBeforeSignIn = lang;
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
