import axios from 'axios';
import { startSandbox, SandboxHandle } from '../app/sandbox';
import { TELEGRAM_METHOD_HANDLERS } from './tg-methods';

/** The sandbox's own Telegram checks, driven by api.json. */
describe('sandbox Telegram emulation', () => {
  let sandbox: SandboxHandle;
  const token = '100:AAH-checks';
  const http = axios.create({ proxy: false, validateStatus: () => true });
  const call = (method: string, body: unknown, t = token) => http.post(`${sandbox.url}/telegram/bot${t}/${method}`, body);

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    await http.post(`${sandbox.url}/control/seed`, {
      telegram: { bots: [{ token, id: 100, username: 'checks_bot' }], channels: [{ id: -1005, username: 'chan', title: 'Канал', members: [{ botId: 100 }] }] },
    });
  });
  afterAll(() => sandbox.close());

  it('emulates only methods that exist in api.json', () => {
    for (const method of Object.keys(TELEGRAM_METHOD_HANDLERS)) expect(sandbox.context.specs.telegram.methods.has(method)).toBe(true);
  });

  it('answers an unknown method with 404 Not Found and an unknown token with 401', async () => {
    const missing = await call('sendMesage', { chat_id: -1005, text: 'x' });
    expect([missing.status, missing.data]).toEqual([404, { ok: false, error_code: 404, description: 'Not Found' }]);
    const unauthorized = await call('getMe', {}, '1:nope');
    expect([unauthorized.status, unauthorized.data]).toEqual([401, { ok: false, error_code: 401, description: 'Unauthorized' }]);
  });

  it('refuses wrong types, missing required parameters and unknown parameters with 400', async () => {
    expect((await call('deleteMessage', { chat_id: -1005, message_id: 'first' })).data).toMatchObject({ error_code: 400, description: expect.stringContaining('"message_id" must be Integer') });
    expect((await call('sendMessage', { chat_id: -1005, text: 'x', disable_notification: 'maybe' })).data.description).toContain('must be Boolean');
    expect((await call('sendMessage', { chat_id: -1005 })).data.description).toContain('"text" is required');
    expect((await call('sendMessage', { chat_id: -1005, text: 'x', parse_mod: 'HTML' })).data.description).toContain('unknown parameter "parse_mod"');
    expect((await call('sendMessage', { chat_id: -1005, text: 'x', link_preview_options: { url: 'https://a.ru', bogus: 1 } })).data.description).toContain('unknown field "bogus"');
  });

  it('validates HTML: an unescaped < is "can\'t parse entities"', async () => {
    const res = await call('sendMessage', { chat_id: -1005, text: '1 < 2', parse_mode: 'HTML' });
    expect(res.status).toBe(400);
    expect(res.data.description).toMatch(/^Bad Request: can't parse entities: /);
    expect((await call('sendMessage', { chat_id: '@chan', text: '1 &lt; 2', parse_mode: 'HTML' })).data.ok).toBe(true);
  });

  it('counts 4096 characters after entity parsing', async () => {
    const exactly = `<b>${'я'.repeat(4096)}</b>`;
    expect((await call('sendMessage', { chat_id: -1005, text: exactly, parse_mode: 'HTML' })).data.ok).toBe(true);
    expect((await call('sendMessage', { chat_id: -1005, text: `${exactly}!`, parse_mode: 'HTML' })).data.description).toBe('Bad Request: message is too long');
  });

  it('accepts form-encoded and multipart bodies as well as JSON', async () => {
    expect((await http.post(`${sandbox.url}/telegram/bot${token}/sendMessage`, 'chat_id=-1005&text=form')).data.ok).toBe(true);
    const form = new FormData();
    form.append('chat_id', '-1005');
    form.append('media', JSON.stringify([{ type: 'photo', media: 'attach://a' }, { type: 'photo', media: 'attach://b' }]));
    form.append('a', new Blob([Buffer.from([0xff, 0xd8, 0xff, 0xe0])]), 'a.jpg');
    form.append('b', new Blob([Buffer.from([0xff, 0xd8, 0xff, 0xe0])]), 'b.jpg');
    const album = await call('sendMediaGroup', form);
    expect(album.data.result).toHaveLength(2);
    const single = new FormData();
    single.append('chat_id', '-1005');
    single.append('media', JSON.stringify([{ type: 'photo', media: 'attach://a' }]));
    single.append('a', new Blob([Buffer.from([0xff, 0xd8, 0xff, 0xe0])]), 'a.jpg');
    expect((await call('sendMediaGroup', single)).data.description).toContain('2-10');
  });

  it('answers 429 with parameters.retry_after past 20 messages a minute', async () => {
    await http.post(`${sandbox.url}/control/seed`, { telegram: { channels: [{ id: -1006, title: 'Лимит', members: [{ botId: 100 }] }] } });
    await http.post(`${sandbox.url}/control/clock`, { freeze: true });
    for (let i = 0; i < 20; i++) expect((await call('sendMessage', { chat_id: -1006, text: `m${i}` })).data.ok).toBe(true);
    const limited = await call('sendMessage', { chat_id: -1006, text: 'm20' });
    expect([limited.status, limited.data]).toEqual([429, { ok: false, error_code: 429, description: 'Too Many Requests: retry after 60', parameters: { retry_after: 60 } }]);
    await http.put(`${sandbox.url}/control/rate-limits`, { enabled: false });
    expect((await call('sendMessage', { chat_id: -1006, text: 'm21' })).data.ok).toBe(true);
    await http.put(`${sandbox.url}/control/rate-limits`, { enabled: true });
    await http.post(`${sandbox.url}/control/clock`, { freeze: false });
  });
});
