import { paceKey } from '@vestnik/platforms/core';
import { TELEGRAM_BOT_SPACING_MS, TELEGRAM_CHAT_SPACING_MS, TelegramAdapter } from './telegram-adapter';

describe('TelegramAdapter: what it declares to the publishing engine', () => {
  const telegram = new TelegramAdapter({ apiUrl: 'http://127.0.0.1:9', timeoutMs: 1000 });
  const channel = { platform: 'telegram' as const, target: '@city_news', credentials: { botToken: '880001:AAsecret-bot-token' } };
  const paces = (imageCount: number) => telegram.paces(channel, { remoteTargetId: '-1001234', imageCount });

  it('counts its longest publish: the message with its photos, then a follow-up text', () => {
    expect(telegram.longestPublishMs()).toBe(2000);
  });

  it('has no idempotency key, so no repeat is ever safe', () => {
    expect(telegram.idempotentRetryWindowMs).toBeNull();
  });

  it('spaces messages within 10 % of 30 a second per bot and 20 a minute per channel', () => {
    expect(TELEGRAM_BOT_SPACING_MS).toBeGreaterThanOrEqual(1000 / 30);
    expect(TELEGRAM_BOT_SPACING_MS).toBeLessThanOrEqual((1000 / 30) * 1.1);
    expect(TELEGRAM_CHAT_SPACING_MS).toBeGreaterThanOrEqual(60_000 / 20);
    expect(TELEGRAM_CHAT_SPACING_MS).toBeLessThanOrEqual((60_000 / 20) * 1.1);
  });

  it('paces a text as one message under the bot (by its token’s hash) and under the channel (by its numeric id)', () => {
    expect(paces(0)).toEqual([
      { key: paceKey('telegram', 'bot', '880001:AAsecret-bot-token'), spacingMs: 35 },
      { key: 'telegram:chat:-1001234', spacingMs: 3100 },
    ]);
    expect(JSON.stringify(paces(0))).not.toContain('secret-bot-token');
  });

  it('counts every photo of a media group as a message, and a possible follow-up text', () => {
    expect(paces(1).map((p) => p.spacingMs)).toEqual([2 * 35, 2 * 3100]);
    expect(paces(4).map((p) => p.spacingMs)).toEqual([5 * 35, 5 * 3100]);
  });
});
