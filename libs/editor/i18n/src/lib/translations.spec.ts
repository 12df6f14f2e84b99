import { EN } from './translations/en';
import { RU } from './translations/ru';
import { resolvePlurals } from './icu-plural';
import type { Dictionary } from './translator';

/** Every leaf key of a dictionary, dotted. */
function leaves(dictionary: Dictionary, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(dictionary)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

/** The names a message fills in: `{{ name }}` and the argument of each `{name, plural, …}`. */
function paramsOf(message: string): string[] {
  const names = new Set<string>();
  for (const m of message.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)) names.add(m[1]);
  for (const m of message.matchAll(/\{\s*(\w+)\s*,\s*plural\s*,/g)) names.add(m[1]);
  return [...names].sort();
}

const ru = leaves(RU);
const en = leaves(EN);

describe('translations', () => {
  it('English has every Russian message and nothing else', () => {
    expect([...en.keys()].filter((k) => !ru.has(k))).toEqual([]);
    expect([...ru.keys()].filter((k) => !en.has(k))).toEqual([]);
  });

  it('both languages fill in the same values in each message', () => {
    const differing = [...ru].filter(([key, message]) => en.has(key) && paramsOf(message).join() !== paramsOf(en.get(key) as string).join()).map(([key]) => key);
    expect(differing).toEqual([]);
  });

  it('no message is empty, and every plural is well formed in its language', () => {
    for (const [dictionary, locale] of [[ru, 'ru-RU'], [en, 'en-GB']] as const) {
      for (const [key, message] of dictionary) {
        expect(`${key}: ${message.trim() === '' ? 'empty' : 'ok'}`).toBe(`${key}: ok`);
        if (message.includes('plural')) for (const n of [0, 1, 2, 5, 21]) expect(() => resolvePlurals(message, new Proxy({}, { get: () => n }), locale)).not.toThrow();
      }
    }
  });

  it('Russian plurals give all three forms (1 публикация, 2 публикации, 5 публикаций)', () => {
    const message = ru.get('common.count.publications') as string;
    expect([1, 2, 5].map((count) => resolvePlurals(message, { count }, 'ru-RU'))).toEqual(['1 публикация', '2 публикации', '5 публикаций']);
  });
});
