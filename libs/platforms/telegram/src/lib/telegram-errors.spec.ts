import { mapTelegramError } from './telegram-errors';

const ctx = { kind: 'write' as const, secrets: ['123456:AAH-secret'] };

describe('Telegram error mapping', () => {
  it.each([
    [400, 'Bad Request: chat not found', 'rejected'],
    [401, 'Unauthorized', 'auth_expired'],
    [403, 'Forbidden: bot is not a member of the channel chat', 'rejected'],
    [404, 'Not Found', 'rejected'],
    [429, 'Too Many Requests: retry after 17', 'rate_limited'],
    [500, 'Internal Server Error', 'unconfirmed'],
    [502, 'Bad Gateway', 'unconfirmed'],
  ])('maps %i "%s" to %s', (code, description, status) => {
    expect(mapTelegramError({ error_code: code, description }, ctx).status).toBe(status);
  });

  it('surfaces retry_after exactly', () => {
    const outcome = mapTelegramError({ error_code: 429, description: 'Too Many Requests: retry after 17', parameters: { retry_after: 17 } }, ctx);
    expect(outcome).toMatchObject({ status: 'rate_limited', retryAfterSeconds: 17, platformCode: '429' });
  });

  it('explains entity parsing errors in plain words and keeps the original', () => {
    const outcome = mapTelegramError({ error_code: 400, description: "Bad Request: can't parse entities: Unsupported start tag \"x\" at byte offset 2" }, ctx);
    expect(outcome).toMatchObject({ status: 'rejected', code: 'telegram:400' });
    expect(outcome.status === 'rejected' && outcome.reason).toMatch(/^Telegram не разобрал HTML-разметку текста \(Telegram, ошибка 400: Bad Request: can't parse entities/);
  });

  it('recognises edit and delete answers that are not failures for us', () => {
    expect(mapTelegramError({ error_code: 400, description: 'Bad Request: message is not modified: specified new message content' }, ctx).status).toBe('not_modified');
    expect(mapTelegramError({ error_code: 400, description: 'Bad Request: message to delete not found' }, ctx).status).toBe('not_found');
  });

  it('treats 5xx as transient on reads', () => {
    expect(mapTelegramError({ error_code: 500, description: 'x' }, { ...ctx, kind: 'read' }).status).toBe('transient');
  });

  it('names the new chat id after a migration', () => {
    const outcome = mapTelegramError({ error_code: 400, description: 'Bad Request: group chat was upgraded to a supergroup chat', parameters: { migrate_to_chat_id: -1009 } }, ctx);
    expect(outcome.status === 'rejected' && outcome.reason).toContain('-1009');
  });

  it('redacts the bot token if Telegram echoes it', () => {
    expect(JSON.stringify(mapTelegramError({ error_code: 401, description: 'bad token 123456:AAH-secret' }, ctx))).not.toContain('AAH-secret');
  });
});
