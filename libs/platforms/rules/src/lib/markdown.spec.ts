import { isHttpUrl, parseMarkdown } from './markdown';
import { renderMax, renderPlainText, renderTelegram, telegramVisibleText } from './render';

describe('parseMarkdown', () => {
  it('splits paragraphs on blank lines and keeps single line breaks', () => {
    const doc = parseMarkdown('Первый\nвторая строка\n\n\nДругой абзац\r\n');
    expect(doc.paragraphs).toHaveLength(2);
    expect(doc.paragraphs[0].children).toEqual([
      { type: 'text', text: 'Первый' },
      { type: 'break' },
      { type: 'text', text: 'вторая строка' },
    ]);
  });

  it('parses bold, both italic forms and nesting', () => {
    const [p] = parseMarkdown('**жирный *и курсив*** и _курсив_').paragraphs;
    expect(p.children).toEqual([
      { type: 'bold', children: [{ type: 'text', text: 'жирный ' }, { type: 'italic', children: [{ type: 'text', text: 'и курсив' }] }] },
      { type: 'text', text: ' и ' },
      { type: 'italic', children: [{ type: 'text', text: 'курсив' }] },
    ]);
  });

  it('leaves snake_case, lone stars and unclosed markers literal', () => {
    expect(renderPlainText('file_name_here 2 * 3 = 6 **open')).toBe('file_name_here 2 * 3 = 6 **open');
  });

  it('honours backslash escapes', () => {
    expect(renderPlainText('\\*не курсив\\* и \\[не ссылка\\]')).toBe('*не курсив* и [не ссылка]');
  });

  it('parses labelled links and bare URLs, trimming trailing punctuation', () => {
    const [p] = parseMarkdown('См. [сайт](https://example.ru/a?b=1) и https://gov.ru/news.').paragraphs;
    expect(p.children).toEqual([
      { type: 'text', text: 'См. ' },
      { type: 'link', href: 'https://example.ru/a?b=1', children: [{ type: 'text', text: 'сайт' }] },
      { type: 'text', text: ' и ' },
      { type: 'link', href: 'https://gov.ru/news', children: [{ type: 'text', text: 'https://gov.ru/news' }] },
      { type: 'text', text: '.' },
    ]);
  });

  it('keeps a URL whole inside emphasis and link labels, and underscores inside it literal', () => {
    const link = (href: string) => ({ type: 'link', href, children: [{ type: 'text', text: href }] });
    expect(parseMarkdown('**https://gov.ru**').paragraphs[0].children).toEqual([{ type: 'bold', children: [link('https://gov.ru')] }]);
    expect(parseMarkdown('_https://gov.ru/a_b_').paragraphs[0].children).toEqual([{ type: 'italic', children: [link('https://gov.ru/a_b')] }]);
    expect(parseMarkdown('[https://gov.ru](https://gov.ru)').paragraphs[0].children).toEqual([link('https://gov.ru')]);
    expect(parseMarkdown('См. https://ru.wikipedia.org/wiki/Ель_(дерево).').paragraphs[0].children).toEqual([
      { type: 'text', text: 'См. ' },
      link('https://ru.wikipedia.org/wiki/Ель_(дерево)'),
      { type: 'text', text: '.' },
    ]);
  });

  it('formats only when the markers touch the text, as CommonMark does', () => {
    expect(renderPlainText('** не жирный** и * не курсив *')).toBe('** не жирный** и * не курсив *');
    expect(parseMarkdown('***оба***').paragraphs[0].children).toEqual([
      { type: 'italic', children: [{ type: 'bold', children: [{ type: 'text', text: 'оба' }] }] },
    ]);
  });

  it('does not nest links: the inner one wins and the outer brackets stay literal', () => {
    expect(renderPlainText('[a [b](https://x.ru) c](https://y.ru)')).toBe('[a b (https://x.ru) c](https://y.ru)');
  });

  it('refuses non-http link targets', () => {
    expect(renderPlainText('[жми](javascript:alert(1))')).toBe('[жми](javascript:alert(1))');
    expect(isHttpUrl('javascript:alert(1)')).toBe(false);
    expect(isHttpUrl('https://госуслуги.рф/')).toBe(true);
  });
});

describe('renderTelegram', () => {
  it('escapes <, > and & exactly and keeps visible text unescaped', () => {
    const r = renderTelegram({ text: 'a < b && c > d' });
    expect(r.html).toBe('a &lt; b &amp;&amp; c &gt; d');
    expect(r.visibleText).toBe('a < b && c > d');
    expect(r.visibleLength).toBe(14);
  });

  it('renders tags and escapes quotes in href', () => {
    const r = renderTelegram({ text: '**Важно**: _срок_ [тут](https://x.ru/?q="a"&b=<1>)' });
    expect(r.html).toBe('<b>Важно</b>: <i>срок</i> <a href="https://x.ru/?q=&quot;a&quot;&amp;b=&lt;1&gt;">тут</a>');
  });

  it('appends the content link unless the text already has it', () => {
    expect(renderTelegram({ text: 'Новость', link: 'https://a.ru' }).html).toBe('Новость\n\n<a href="https://a.ru">https://a.ru</a>');
    expect(renderTelegram({ text: 'См. https://a.ru', link: 'https://a.ru' }).html).toBe('См. <a href="https://a.ru">https://a.ru</a>');
  });

  it('counts what the reader sees, not the markup', () => {
    expect(telegramVisibleText('**ab** [cd](https://e.ru)')).toBe('ab cd');
  });
});

describe('renderPlainText', () => {
  it('writes links out as "label (url)" and drops formatting markers', () => {
    expect(renderPlainText('**Приём** граждан: [запись](https://gov.ru/z)\n\nИтог')).toBe(
      'Приём граждан: запись (https://gov.ru/z)\n\nИтог',
    );
  });
});

describe('renderMax', () => {
  it('sends only <b>, <i> and <a href>, escapes the rest and appends the link', () => {
    const r = renderMax({ text: '**Важно** <script> & _всё_ [сайт](https://gov.ru/?a=1&b="2")', link: 'https://ex.ru/x' });
    expect(r.html).toBe('<b>Важно</b> &lt;script&gt; &amp; <i>всё</i> <a href="https://gov.ru/?a=1&amp;b=&quot;2&quot;">сайт</a>\n\n<a href="https://ex.ru/x">https://ex.ru/x</a>');
    expect(r.visibleText).toBe('Важно <script> & всё сайт\n\nhttps://ex.ru/x');
    expect(r.sentLength).toBe(r.html.length);
  });
});
