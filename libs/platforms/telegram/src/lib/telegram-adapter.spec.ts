import { paceKey } from '@vestnik/platforms/core';
import { TELEGRAM_BOT_RATE, TELEGRAM_BOT_SPACING_MS, TELEGRAM_CHAT_SPACING_MS, TelegramAdapter } from './telegram-adapter';

describe('TelegramAdapter: what it declares to the publishing engine', () => {
  const telegram = new TelegramAdapter({ apiUrl: 'http://127.0.0.1:9', timeoutMs: 1000 });
  const channel = { platform: 'telegram' as const, target: '@city_news', credentials: { botToken: '880001:AAsecret-bot-token' } };
  const paces = (imageCount: number) => telegram.paces(channel, { remoteTargetId: '-1001234', imageCount });

  it('counts its longest publish: the message with its photos, then a follow-up text, each message after its pace', () => {
    expect(telegram.longestPublishMs(0)).toBeCloseTo(2000 + TELEGRAM_BOT_SPACING_MS);
    expect(telegram.longestPublishMs(3)).toBeCloseTo(2000 + 4 * TELEGRAM_BOT_SPACING_MS);
    expect(new TelegramAdapter({ apiUrl: 'http://127.0.0.1:9', timeoutMs: 1000, paced: false }).longestPublishMs(3)).toBe(2000);
  });

  it('has no idempotency key, so no repeat is ever safe', () => {
    expect(telegram.idempotentRetryWindowMs).toBeNull();
  });

  it('spaces messages within 10 % of 30 a second per bot and 20 a minute per channel', () => {
    expect(TELEGRAM_BOT_RATE.limit).toBe(30);
    expect(TELEGRAM_BOT_RATE.windowMs).toBeGreaterThanOrEqual(1000);
    expect(TELEGRAM_BOT_RATE.windowMs).toBeLessThanOrEqual(1100);
    expect(TELEGRAM_BOT_SPACING_MS).toBeCloseTo(TELEGRAM_BOT_RATE.windowMs / TELEGRAM_BOT_RATE.limit);
    expect(TELEGRAM_CHAT_SPACING_MS).toBeGreaterThanOrEqual(60_000 / 20);
    expect(TELEGRAM_CHAT_SPACING_MS).toBeLessThanOrEqual((60_000 / 20) * 1.1);
  });

  it('paces a text as one message under the bot (by its token’s hash) and under the channel (by its numeric id)', () => {
    expect(paces(0)).toEqual([
      { key: paceKey('telegram', 'bot', '880001:AAsecret-bot-token'), spacingMs: TELEGRAM_BOT_SPACING_MS },
      { key: 'telegram:chat:-1001234', spacingMs: 3100 },
    ]);
    expect(JSON.stringify(paces(0))).not.toContain('secret-bot-token');
  });

  it('counts every photo of a media group as a message, and a possible follow-up text', () => {
    expect(paces(1).map((p) => p.spacingMs)).toEqual([2 * TELEGRAM_BOT_SPACING_MS, 2 * 3100]);
    expect(paces(4).map((p) => p.spacingMs)).toEqual([5 * TELEGRAM_BOT_SPACING_MS, 5 * 3100]);
  });
});
