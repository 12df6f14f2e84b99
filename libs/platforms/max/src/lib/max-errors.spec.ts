import { asFailure, MAX_ERROR_TABLE, mapMaxError } from './max-errors';

const TOKEN = 'max-bot-secret-token-0001';
const write = { kind: 'write' as const, secrets: [TOKEN] };
const read = { kind: 'read' as const, secrets: [TOKEN] };

describe('MAX error mapping', () => {
  it.each([
    [400, 'proto.payload', 'rejected'],
    [401, 'verify.token', 'auth_expired'],
    [403, 'chat.denied', 'rejected'],
    [404, 'not.found', 'not_found'],
    [405, 'method.not.allowed', 'rejected'],
    [429, 'too.many.requests', 'rate_limited'],
    [500, 'internal', 'unconfirmed'],
    [502, '', 'unconfirmed'],
    [503, '', 'unconfirmed'],
  ])('maps HTTP %i %s to %s for a message', (status, code, outcome) => {
    expect(mapMaxError({ status, code, message: 'x' }, write).status).toBe(outcome);
  });

  it('has a rule for every 4xx it names', () => {
    expect(Object.keys(MAX_ERROR_TABLE).map(Number)).toEqual([400, 401, 403, 404, 405, 429]);
  });

  it('treats a revoked token as needing a person, as Telegram does for its bots', () => {
    const outcome = mapMaxError({ status: 401, code: 'verify.token', message: 'Invalid access_token' }, write);
    expect(outcome).toMatchObject({ status: 'auth_expired', refreshable: false, platformCode: 'verify.token', platformMessage: 'Invalid access_token' });
    expect(outcome.status === 'auth_expired' && outcome.reason).toMatch(/^Токен бота MAX недействителен .*переподключите канал \(MAX, ошибка 401 verify\.token: Invalid access_token\)$/);
    expect(mapMaxError({ status: 400, code: 'verify.token', message: 'Empty access_token' }, write).status).toBe('auth_expired');
  });

  it('says in Russian what a 403 lacks', () => {
    const outcome = mapMaxError({ status: 403, code: 'chat.denied', message: 'Bot is not admin' }, write);
    expect(outcome).toMatchObject({ status: 'rejected', code: 'max:403', platformMessage: 'Bot is not admin' });
    expect(outcome.status === 'rejected' && outcome.reason).toContain('администратором с правом «Писать сообщения» (write)');
  });

  it('waits as long as Retry-After says, a second when MAX says nothing', () => {
    expect(mapMaxError({ status: 429, code: 'too.many.requests', message: 'Too many requests', retryAfterSeconds: 7 }, write)).toMatchObject({
      status: 'rate_limited',
      retryAfterSeconds: 7,
      platformCode: '429',
    });
    expect(mapMaxError({ status: 429, retryAfterSeconds: 0.2 }, write)).toMatchObject({ retryAfterSeconds: 1 });
    expect(mapMaxError({ status: 429 }, write)).toMatchObject({ retryAfterSeconds: 1 });
    expect(mapMaxError({ status: 400, code: 'too.many.requests' }, write).status).toBe('rate_limited');
  });

  it('makes 5xx transient for reads and unconfirmed for writes, retry-safe only where the caller says so', () => {
    expect(mapMaxError({ status: 500 }, read).status).toBe('transient');
    expect(mapMaxError({ status: 500 }, write)).toMatchObject({ status: 'unconfirmed', retrySafe: false });
    expect(mapMaxError({ status: 500 }, { ...write, retrySafe: true })).toMatchObject({ status: 'unconfirmed', retrySafe: true });
  });

  it('knows attachment.not.ready whatever its status, and makes it safe to send later once retries are spent', () => {
    const notReady = mapMaxError({ status: 400, code: 'attachment.not.ready', message: 'Key: errors.process.attachment.file.not.processed' }, write);
    expect(notReady.status).toBe('not_ready');
    expect(asFailure(notReady)).toMatchObject({ status: 'transient' });
  });

  it('turns not_found into a refusal outside edits and deletes', () => {
    expect(asFailure(mapMaxError({ status: 404, code: 'not.found' }, write))).toMatchObject({ status: 'rejected', code: 'max:404' });
  });

  it('refuses unknown statuses keeping the status in the code', () => {
    expect(mapMaxError({ status: 418, code: 'teapot', message: 'x' }, write)).toMatchObject({ status: 'rejected', code: 'max:418' });
  });

  it('never lets the bot token through', () => {
    const outcome = mapMaxError({ status: 400, code: `bad ${TOKEN}`, message: `token ${TOKEN} refused` }, write);
    expect(JSON.stringify(outcome)).not.toContain(TOKEN);
  });
});
