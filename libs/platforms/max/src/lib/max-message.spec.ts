import { chatPath, maxMessageText, parseMaxTarget } from './max-message';

/** Every tag in a MAX text: MAX keeps only its set and drops the rest silently, so we send no other. */
const tagsOf = (html: string) => [...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1]);
const MAX_KEEPS = new Set(['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'del', 'a', 'code', 'pre', 'mark', 'h1']);

describe('maxMessageText: our markdown as MAX’s HTML', () => {
  const html = (text: string, link?: string) => maxMessageText({ text, link }).text;

  it('renders bold, both italics, nesting and labelled links with the tags MAX keeps', () => {
    expect(html('**жирный *и курсив*** и _курсив_')).toBe('<b>жирный <i>и курсив</i></b> и <i>курсив</i>');
    expect(html('См. [сайт](https://gov.ru/a?b=1&c=2)')).toBe('См. <a href="https://gov.ru/a?b=1&amp;c=2">сайт</a>');
    expect(html('**[график](https://gov.ru/g)**')).toBe('<b><a href="https://gov.ru/g">график</a></b>');
  });

  it('links bare URLs without their trailing punctuation', () => {
    expect(html('Подробнее: https://gov.ru/news.')).toBe('Подробнее: <a href="https://gov.ru/news">https://gov.ru/news</a>.');
  });

  it('keeps line breaks as newlines and paragraphs as a blank line (MAX has no <br> or <p>)', () => {
    expect(html('Первая\nвторая\n\n\nАбзац')).toBe('Первая\nвторая\n\nАбзац');
  });

  it('escapes <, > and & in text and " in addresses, so no markup of the author’s reaches MAX', () => {
    expect(html('2 < 3 && 5 > 4 <u>не тег</u> <script>x</script>')).toBe('2 &lt; 3 &amp;&amp; 5 &gt; 4 &lt;u&gt;не тег&lt;/u&gt; &lt;script&gt;x&lt;/script&gt;');
    expect(html('[ссылка](https://gov.ru/?q="x")')).toBe('<a href="https://gov.ru/?q=&quot;x&quot;">ссылка</a>');
    expect(html('&amp; уже сущность')).toBe('&amp;amp; уже сущность');
  });

  it('leaves what is not our markdown as text: escapes, lone markers, other platforms’ syntax', () => {
    expect(html('\\*не курсив\\* 2 * 3 snake_case ++подчёркнутый++ ^^важно^^ # не заголовок ~~нет~~ `код`')).toBe(
      '*не курсив* 2 * 3 snake_case ++подчёркнутый++ ^^важно^^ # не заголовок ~~нет~~ `код`',
    );
    expect(html('[жми](javascript:alert(1))')).toBe('[жми](javascript:alert(1))');
  });

  it('sends only tags MAX keeps, whatever the text', () => {
    const text = '**a** _b_ [c](https://d.ru) <h2>e</h2> <br> <img src=x> *f **g** h*';
    const tags = tagsOf(html(text));
    expect(tags.length).toBeGreaterThan(0);
    for (const tag of tags) expect(MAX_KEEPS.has(tag)).toBe(true);
  });

  it('appends the post’s link as a last paragraph unless the text already links to it', () => {
    expect(html('Новость', 'https://gov.ru/n')).toBe('Новость\n\n<a href="https://gov.ru/n">https://gov.ru/n</a>');
    expect(html('[Новость](https://gov.ru/n)', 'https://gov.ru/n')).toBe('<a href="https://gov.ru/n">Новость</a>');
    expect(html('Новость', '  ')).toBe('Новость');
  });

  it('gives the text a reader sees, which the channel’s feed shows back', () => {
    expect(maxMessageText({ text: '**Итоги**: 2 < 3 [тут](https://gov.ru)', link: 'https://gov.ru/x' }).visibleText).toBe('Итоги: 2 < 3 тут\n\nhttps://gov.ru/x');
  });
});

describe('parseMaxTarget', () => {
  it('takes a numeric chat id as it is', () => {
    expect(parseMaxTarget(' -72000000001 ')).toEqual({ chatId: '-72000000001' });
  });

  it('takes a public link as @name, name or https://max.ru/name', () => {
    for (const written of ['@city_news', 'city_news', 'https://max.ru/city_news', 'https://max.ru/city_news/']) {
      expect(parseMaxTarget(written)).toEqual({ link: 'city_news' });
    }
  });

  it('refuses anything else', () => {
    for (const written of ['', 'Новости города', 'https://max.ru/join/abc/def', 'https://evil.ru/city_news', '1city']) {
      expect(parseMaxTarget(written)).toBeNull();
    }
  });

  it('puts the target into the path encoded', () => {
    expect(chatPath({ chatId: '-72000000001' })).toBe('/chats/-72000000001');
    expect(chatPath({ link: 'city-news_1' })).toBe('/chats/city-news_1');
  });
});
