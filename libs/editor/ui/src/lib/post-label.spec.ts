import { postLabel } from './post-label';

describe('postLabel', () => {
  it('names a post by its title, else by the opening of its text without markup', () => {
    expect(postLabel('  День знаний ', 'Текст')).toBe('День знаний');
    expect(postLabel(null, '**Приём** граждан — [запись](https://gov.ru/a) по телефону')).toBe('Приём граждан — запись по телефону');
    expect(postLabel('', 'Текст без заголовка')).toBe('Текст без заголовка');
    expect(postLabel(null, '**  **')).toBe('Без текста');
  });

  it('cuts a long text at a word and says so', () => {
    const label = postLabel(null, `Приём граждан ${'подробности '.repeat(30)}`);
    expect(label.endsWith('подробности…')).toBe(true);
    expect(label.length).toBeLessThanOrEqual(81);
    expect(postLabel(null, 'Очень длинное название материала', 15)).toBe('Очень длинное…');
  });

  it('looks at the opening only, whatever the text holds', () => {
    // A long run of `[` makes the link pattern slow on the whole text.
    expect(postLabel(null, '['.repeat(200_000))).toBe(`${'['.repeat(80)}…`);
  });
});
