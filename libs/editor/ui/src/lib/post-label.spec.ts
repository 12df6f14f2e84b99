import { testTranslator } from '@vestnik/editor/i18n/testing';
import { postLabel } from './post-label';

const t = testTranslator('ru');

describe('postLabel', () => {
  it('names a post by its title, else by the opening of its text without markup', () => {
    expect(postLabel('  День знаний ', 'Текст', t)).toBe('День знаний');
    expect(postLabel(null, '**Приём** граждан — [запись](https://gov.ru/a) по телефону', t)).toBe('Приём граждан — запись по телефону');
    expect(postLabel('', 'Текст без заголовка', t)).toBe('Текст без заголовка');
    expect(postLabel(null, '**  **', t)).toBe('Без текста');
    expect(postLabel(null, '**  **', testTranslator('en'))).toBe('No text');
  });

  it('cuts a long text at a word and says so', () => {
    const label = postLabel(null, `Приём граждан ${'подробности '.repeat(30)}`, t);
    expect(label.endsWith('подробности…')).toBe(true);
    expect(label.length).toBeLessThanOrEqual(81);
    expect(postLabel(null, 'Очень длинное название материала', t, 15)).toBe('Очень длинное…');
  });

  it('looks at the opening only, whatever the text holds', () => {
    // A long run of `[` makes the link pattern slow on the whole text.
    expect(postLabel(null, '['.repeat(200_000), t)).toBe(`${'['.repeat(80)}…`);
  });
});
