import { EnvironmentProviders, Injectable, inject, isDevMode, makeEnvironmentProviders, provideAppInitializer } from '@angular/core';
import { DefaultTranspiler, TranslocoLoader, TranspileParams, provideTransloco, provideTranslocoTranspiler, type Translation } from '@jsverse/transloco';
import { LANGUAGES } from '@vestnik/contracts/enums';
import { I18n } from './i18n';
import { resolvePlurals } from './icu-plural';
import { DEFAULT_LANGUAGE, LOCALES, isLanguage } from './languages';

/** Transloco's `{{ name }}` interpolation after our ICU plurals, in the current language's rules. */
@Injectable()
export class IcuPluralTranspiler extends DefaultTranspiler {
  private locale = LOCALES[DEFAULT_LANGUAGE];

  override transpile(params: TranspileParams): unknown {
    const value = typeof params.value === 'string' ? resolvePlurals(params.value, params.params, this.locale) : params.value;
    return super.transpile({ ...params, value });
  }

  onLangChanged(lang: string): void {
    this.locale = isLanguage(lang) ? LOCALES[lang] : LOCALES[DEFAULT_LANGUAGE];
  }
}

/** The messages are bundled with the editor, one chunk per language, loaded when first used: a switch needs no rebuild and no server. */
@Injectable()
export class BundledTranslations implements TranslocoLoader {
  getTranslation(lang: string): Promise<Translation> {
    return lang === 'en' ? import('./translations/en').then((m) => m.EN) : import('./translations/ru').then((m) => m.RU);
  }
}

/** The editor's i18n: Transloco with our messages and plurals, the remembered language loaded before the first page shows. */
export function provideI18n(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideTransloco({
      config: {
        availableLangs: [...LANGUAGES],
        defaultLang: DEFAULT_LANGUAGE,
        fallbackLang: DEFAULT_LANGUAGE,
        reRenderOnLangChange: true,
        prodMode: !isDevMode(),
        missingHandler: { useFallbackTranslation: true, logMissingKey: isDevMode() },
      },
      loader: BundledTranslations,
    }),
    provideTranslocoTranspiler(IcuPluralTranspiler),
    provideAppInitializer(() => {
      const i18n = inject(I18n);
      return i18n.use(i18n.remembered());
    }),
  ]);
}
