import { parseTelegramHtml } from './tg-html';

describe('parseTelegramHtml', () => {
  it('accepts the allowed tags and entities and returns the visible text', () => {
    const parsed = parseTelegramHtml('<b>a</b> <i>b</i> <a href="https://x.ru/?a=1&amp;b=2">c</a> &lt;&gt;&amp;&quot;&#65;&#x42; <span class="tg-spoiler">s</span> <tg-spoiler>t</tg-spoiler>');
    expect(parsed).toMatchObject({ ok: true, text: 'a b c <>&"AB s t' });
  });

  it.each([
    ['a < b', 'Unsupported start tag "" at byte offset 2'],
    ['<script>x</script>', 'Unsupported start tag "script" at byte offset 0'],
    ['<span>x</span>', 'Unsupported start tag "span"'],
    ['a & b', 'Character entity expected at byte offset 2'],
    ['a > b', 'Unexpected character ">"'],
    ['<b>open', `Can't find end tag corresponding to start tag "b"`],
    ['<b><i>x</b></i>', 'Unmatched end tag'],
    ['<a>no href</a>', "Can't find href"],
    ['&bogus;', 'Character entity expected'],
  ])('refuses %j with "can\'t parse entities"', (html, reason) => {
    const parsed = parseTelegramHtml(html);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toMatch(/^Bad Request: can't parse entities: /);
    expect(!parsed.ok && parsed.error).toContain(reason);
  });

  it('counts byte offsets in UTF-8 like Telegram', () => {
    const parsed = parseTelegramHtml('Привет <x>');
    expect(!parsed.ok && parsed.error).toContain('byte offset 13');
  });

  it('rebuilds HTML that is safe to show: no foreign schemes in links', () => {
    const parsed = parseTelegramHtml('<a href="javascript:alert(1)">x</a>');
    expect(parsed.ok && parsed.html).toBe('<a href="#" rel="nofollow noopener" target="_blank">x</a>');
  });
});
