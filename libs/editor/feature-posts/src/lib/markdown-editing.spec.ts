import { parseMarkdown } from '@vestnik/platforms/rules';
import { insertLink, toggleMarkup } from './markdown-editing';

/** Applies an edit to a text with the selection marked by `[` and `]`. */
function edit(marked: string, markup: 'bold' | 'italic'): string {
  const start = marked.indexOf('[');
  const end = marked.indexOf(']') - 1;
  const text = marked.replace('[', '').replace(']', '');
  const result = toggleMarkup(text, start, end, markup);
  return `${result.text.slice(0, result.selectionStart)}[${result.text.slice(result.selectionStart, result.selectionEnd)}]${result.text.slice(result.selectionEnd)}`;
}

describe('toggleMarkup', () => {
  it('wraps the selection and keeps it selected', () => {
    expect(edit('Приём [граждан] в пятницу', 'bold')).toBe('Приём **[граждан]** в пятницу');
    expect(edit('Приём [граждан] в пятницу', 'italic')).toBe('Приём *[граждан]* в пятницу');
  });

  it('leaves spaces at the edges of the selection outside the markers, so the markup parses', () => {
    const result = edit('Приём[ граждан ]в пятницу', 'bold');
    expect(result).toBe('Приём **[граждан]** в пятницу');
    const text = result.replace('[', '').replace(']', '');
    expect(parseMarkdown(text).paragraphs[0].children.some((n) => n.type === 'bold')).toBe(true);
  });

  it('removes the markers when the selection already has them, inside or around it', () => {
    expect(edit('Приём **[граждан]** в пятницу', 'bold')).toBe('Приём [граждан] в пятницу');
    expect(edit('Приём [**граждан**] в пятницу', 'bold')).toBe('Приём [граждан] в пятницу');
    expect(edit('Приём *[граждан]* в пятницу', 'italic')).toBe('Приём [граждан] в пятницу');
  });

  it('tells bold from italic: italic inside bold is added, not taken for bold', () => {
    expect(edit('**[граждан]**', 'italic')).toBe('***[граждан]***');
    expect(edit('***[граждан]***', 'italic')).toBe('**[граждан]**');
    expect(edit('***[граждан]***', 'bold')).toBe('*[граждан]*');
  });

  it('puts the caret between new markers when nothing is selected', () => {
    expect(edit('Текст []', 'bold')).toBe('Текст **[]**');
  });
});

describe('insertLink', () => {
  it('links the selected words', () => {
    const r = insertLink('Читайте на сайте', 11, 16, 'https://minobr.gov.ru');
    expect(r.text).toBe('Читайте на [сайте](https://minobr.gov.ru)');
    expect(r.text.slice(r.selectionStart, r.selectionEnd)).toBe('сайте');
    const link = parseMarkdown(r.text).paragraphs[0].children.find((n) => n.type === 'link');
    expect(link).toEqual({ type: 'link', href: 'https://minobr.gov.ru', children: [{ type: 'text', text: 'сайте' }] });
  });

  it('uses the address as its label when nothing is selected, selected to be typed over', () => {
    const r = insertLink('См. ', 4, 4, 'https://a.ru');
    expect(r.text).toBe('См. [https://a.ru](https://a.ru)');
    expect(r.text.slice(r.selectionStart, r.selectionEnd)).toBe('https://a.ru');
  });

  it('escapes brackets in the label so the link is not cut short', () => {
    const r = insertLink('[1] приказ', 0, 10, 'https://a.ru');
    const link = parseMarkdown(r.text).paragraphs[0].children.find((n) => n.type === 'link');
    expect(link && 'children' in link ? link.children : null).toEqual([{ type: 'text', text: '[1] приказ' }]);
  });
});
