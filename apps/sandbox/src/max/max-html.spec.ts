import { stripMaxHtml } from './max-html';

describe('MAX html format', () => {
  it('keeps the documented tags and removes the others silently, keeping their text', () => {
    const result = stripMaxHtml('<h2>Заголовок</h2><p>Приём <b>граждан</b> <span class="x">в</span> <mark>среду</mark></p><br>');
    expect(result.text).toBe('Заголовок' + 'Приём граждан в среду');
    expect(result.html).toBe('ЗаголовокПриём <b>граждан</b> в <mark>среду</mark>');
    expect(result.removed.sort()).toEqual(['br', 'h2', 'p', 'span']);
  });

  it('decodes entities into the visible text and leaves a bare < or & as text instead of refusing', () => {
    expect(stripMaxHtml('1 &lt; 2 &amp;&amp; 3 > 2 &#8470;5').text).toBe('1 < 2 && 3 > 2 №5');
    expect(stripMaxHtml('a < b & c').text).toBe('a < b & c');
    expect(stripMaxHtml('a < b & c').html).toBe('a &lt; b &amp; c');
  });

  it('keeps only http(s) links, closes what was left open and drops stray closing tags', () => {
    expect(stripMaxHtml('<a href="https://gov.ru/?a=1&amp;b=2">сайт</a>').html).toBe('<a href="https://gov.ru/?a=1&amp;b=2" rel="nofollow noopener" target="_blank">сайт</a>');
    expect(stripMaxHtml('<a href="javascript:alert(1)">x</a>').html).toContain('href="#"');
    expect(stripMaxHtml('<b><i>жирный</b> текст</u>').html).toBe('<b><i>жирный</i></b> текст');
    expect(stripMaxHtml('<script>alert(1)</script>').html).toBe('alert(1)');
  });
});
