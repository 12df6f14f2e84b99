import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import {
  ApplicationConfig,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { TitleStrategy, provideRouter, withComponentInputBinding, withInMemoryScrolling } from '@angular/router';
import { LanguagePreference, authInterceptor } from '@vestnik/editor/data-access';
import { provideI18n } from '@vestnik/editor/i18n';
import { appRoutes } from './app.routes';
import { TranslatedTitles } from './translated-titles';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideHttpClient(withFetch(), withInterceptors([authInterceptor])),
    provideI18n(),
    // From the start, the editor follows the language of whoever signs in.
    provideAppInitializer(() => void inject(LanguagePreference)),
    { provide: TitleStrategy, useClass: TranslatedTitles },
    provideRouter(appRoutes, withComponentInputBinding(), withInMemoryScrolling({ scrollPositionRestoration: 'top' })),
  ],
};
