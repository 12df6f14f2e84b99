import { DOCUMENT, Injectable, computed, inject, signal } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { DEFAULT_LANGUAGE, LOCALES, isLanguage, type Language } from './languages';

/** Where this browser remembers the last language chosen, for the pages before sign-in. */
export const LANGUAGE_STORAGE_KEY = 'vestnik.language';

/**
 * The interface language, its translations, dates and numbers. Everything reads `lang()`, so a
 * computed signal or a template that translates through here follows a switch at once, without
 * a reload. The person's choice is kept on the server by data-access (`LanguagePreference`).
 */
@Injectable({ providedIn: 'root' })
export class I18n {
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  private readonly formats = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.Collator>();

  readonly lang = signal<Language>(DEFAULT_LANGUAGE);
  readonly locale = computed(() => LOCALES[this.lang()]);

  /** The message at `key` in the current language, with its params filled in (plurals included). */
  readonly t = (key: string, params?: Record<string, unknown>): string => {
    this.lang();
    return this.transloco.translate(key, params ?? {});
  };

  /** Loads the language's messages, then switches everything to it and remembers it in this browser. */
  async use(lang: Language): Promise<void> {
    await firstValueFrom(this.transloco.load(lang));
    this.transloco.setActiveLang(lang);
    this.lang.set(lang);
    this.document.documentElement.lang = lang;
    try {
      this.document.defaultView?.localStorage.setItem(LANGUAGE_STORAGE_KEY, lang);
    } catch {
      // Private mode or storage full: the choice still holds for this visit and on the server.
    }
  }

  /** The language this browser used last, else Russian. */
  remembered(): Language {
    try {
      const stored = this.document.defaultView?.localStorage.getItem(LANGUAGE_STORAGE_KEY);
      return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
    } catch {
      return DEFAULT_LANGUAGE;
    }
  }

  /** A date or time written the current language's way (`{ day: 'numeric', month: 'long' }` → «3 декабря» / «3 December»). */
  date(value: Date | string | number, options: Intl.DateTimeFormatOptions): string {
    return this.dateFormat(options).format(value instanceof Date ? value : new Date(value));
  }

  /** A cached `Intl.DateTimeFormat` for the current language, for `formatToParts` and the like. */
  dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
    return this.cached('d', options, (locale) => new Intl.DateTimeFormat(locale, options)) as Intl.DateTimeFormat;
  }

  number(value: number, options: Intl.NumberFormatOptions = {}): string {
    return (this.cached('n', options, (locale) => new Intl.NumberFormat(locale, options)) as Intl.NumberFormat).format(value);
  }

  /** Sorting names the current language's way (numbers inside names in order: «Школа 2» before «Школа 10»). */
  collator(): Intl.Collator {
    return this.cached('c', {}, (locale) => new Intl.Collator(locale, { sensitivity: 'base', numeric: true })) as Intl.Collator;
  }

  private cached(kind: string, options: object, make: (locale: string) => Intl.DateTimeFormat | Intl.NumberFormat | Intl.Collator) {
    const locale = this.locale();
    const key = `${kind}|${locale}|${JSON.stringify(options)}`;
    let format = this.formats.get(key);
    if (!format) {
      format = make(locale);
      this.formats.set(key, format);
    }
    return format;
  }
}
