import { chatIdParam, formatTelegramRemoteId, parseTelegramRemoteId, telegramMessageUrl } from './telegram-remote-id';

describe('Telegram remote id', () => {
  it('round-trips an album with a follow-up text', () => {
    const id = { chatId: '-1001234567890', messages: [{ role: 'p' as const, messageId: 43 }, { role: 'p' as const, messageId: 44 }, { role: 't' as const, messageId: 45 }] };
    const text = formatTelegramRemoteId(id);
    expect(text).toBe('-1001234567890:p43,p44,t45');
    expect(parseTelegramRemoteId(text)).toEqual(id);
  });

  it('refuses malformed ids', () => {
    expect(parseTelegramRemoteId('-100:x1')).toBeNull();
    expect(parseTelegramRemoteId('42')).toBeNull();
  });

  it('links public channels by username and private ones by internal id', () => {
    expect(telegramMessageUrl('-1001234', 5, 'gov_news')).toBe('https://t.me/gov_news/5');
    expect(telegramMessageUrl('-1001234', 5)).toBe('https://t.me/c/1234/5');
  });
});

describe('chatIdParam', () => {
  it('sends numeric ids as numbers and usernames as text', () => {
    expect(chatIdParam('-1001234567890')).toBe(-1001234567890);
    expect(chatIdParam(' @city_news ')).toBe('@city_news');
  });
});
