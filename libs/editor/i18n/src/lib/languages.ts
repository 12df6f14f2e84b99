import { LANGUAGES, type Language } from '@vestnik/contracts/enums';

export { LANGUAGES, type Language };

export const DEFAULT_LANGUAGE: Language = 'ru';

/** The locale dates and numbers are written in for each language (English as in Britain: 24-hour clock, day before month). */
export const LOCALES: Readonly<Record<Language, string>> = { ru: 'ru-RU', en: 'en-GB' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** A translation lookup: a dotted key, and the values its message names (`{{ name }}`, `{count, plural, …}`). */
export type Translate = (key: string, params?: Record<string, unknown>) => string;
