import { composeLetter } from './email-letter';

describe('composeLetter', () => {
  it('links to the post, escapes HTML and keeps the text version plain', () => {
    const letter = composeLetter(
      { title: 'Не опубликовано: «<Приём>»', body: 'Строка 1\nСтрока & 2', postId: 'p-1', channelId: 'c-1', recipientName: 'Анна' },
      'https://vestnik.gov.ru',
    );
    expect(letter.subject).toBe('Не опубликовано: «<Приём>»');
    expect(letter.text).toContain('Здравствуйте, Анна!');
    expect(letter.text).toContain('Строка 1\nСтрока & 2');
    expect(letter.text).toContain('Открыть запись в Вестнике: https://vestnik.gov.ru/posts/p-1');
    expect(letter.html).toContain('&lt;Приём&gt;');
    expect(letter.html).toContain('<p style="margin:0 0 8px">Строка &amp; 2</p>');
    expect(letter.html).toContain('href="https://vestnik.gov.ru/posts/p-1"');
  });

  it('links to the page when the notification is about a page', () => {
    const letter = composeLetter({ title: 't', body: 'b', postId: null, channelId: 'c-9', recipientName: 'Иван' }, 'http://localhost:3000');
    expect(letter.text).toContain('Открыть страницу в Вестнике: http://localhost:3000/channels/c-9');
  });
});
