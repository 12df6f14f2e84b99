import { TelegramAdapter } from './telegram-adapter';

describe('TelegramAdapter: what it declares to the publishing engine', () => {
  const telegram = new TelegramAdapter({ apiUrl: 'http://127.0.0.1:9', timeoutMs: 1000 });

  it('counts its longest publish: the message with its photos, then a follow-up text', () => {
    expect(telegram.longestPublishMs()).toBe(2000);
  });

  it('has no idempotency key, so no repeat is ever safe', () => {
    expect(telegram.idempotentRetryWindowMs).toBeNull();
  });
});
