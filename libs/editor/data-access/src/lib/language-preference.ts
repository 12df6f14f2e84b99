import { Injectable, inject, signal } from '@angular/core';
import { I18n, type Language } from '@vestnik/editor/i18n';
import { firstValueFrom } from 'rxjs';
import { toApiFailure } from './api-failure';
import { AuthApi } from './auth-api';
import { AuthSession } from './auth-session';

/**
 * The person's choice of language: switched at once here, and, when someone is signed in, kept on
 * the server so every browser they sign in on opens in it. The switch never waits for the server.
 */
@Injectable({ providedIn: 'root' })
export class LanguagePreference {
  private readonly i18n = inject(I18n);
  private readonly session = inject(AuthSession);
  private readonly authApi = inject(AuthApi);

  /** Why the last choice could not be kept on the server (it still holds in this browser). */
  readonly saveFailure = signal<string | null>(null);

  async choose(lang: Language): Promise<void> {
    this.saveFailure.set(null);
    await this.i18n.use(lang);
    if (!this.session.signedIn()) return;
    try {
      const me = await firstValueFrom(this.authApi.updateMe({ language: lang }));
      this.session.restore(me);
    } catch (error) {
      this.saveFailure.set(this.i18n.t('common.language.saveFailed', { reason: toApiFailure(error).message }));
    }
  }
}
