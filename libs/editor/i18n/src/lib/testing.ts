import { EN } from './translations/en';
import { RU } from './translations/ru';
import { LOCALES, type Language, type Translate } from './languages';
import { translatorOver } from './translator';

/** For specs of functions that take a `Translate`: the real messages of a language; an unknown key throws. */
export function testTranslator(lang: Language = 'ru'): Translate {
  return translatorOver(lang === 'en' ? EN : RU, LOCALES[lang]);
}
