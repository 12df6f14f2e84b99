import axios from 'axios';
import { startTestSandbox, TestSandbox } from '../contract/contract-kit';

const TOKEN = 'max-bot-token-checks';
const CHANNEL = -72000000001;

/** The sandbox's MAX strictness: auth, paths, parameters, body fields, rights. */
describe('sandbox MAX emulation: what it refuses', () => {
  let sandbox: TestSandbox;
  const http = axios.create({ proxy: false, validateStatus: () => true });
  const call = (method: string, path: string, options: { params?: Record<string, unknown>; data?: unknown; token?: string | null } = {}) =>
    http.request({
      method,
      url: `${sandbox.url}/max${path}`,
      params: options.params,
      data: options.data,
      headers: options.token === null ? {} : { Authorization: options.token ?? TOKEN },
    });
  const send = (data: unknown, params: Record<string, unknown> = { chat_id: CHANNEL }, token?: string) => call('POST', '/messages', { params, data, token });

  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    await sandbox.reset();
    await sandbox.seed({
      max: {
        bots: [
          { token: TOKEN, user_id: 9001, name: 'Вестник', username: 'vestnik_bot' },
          { token: 'max-reader', user_id: 9002, name: 'Читатель', username: 'reader_bot' },
          { token: 'max-outsider', user_id: 9003, name: 'Чужой', username: 'outsider_bot' },
        ],
        chats: [
          {
            chat_id: CHANNEL,
            type: 'channel',
            title: 'Администрация',
            link: 'adm_news',
            members: [{ user_id: 9001 }, { user_id: 9002, is_admin: true, permissions: ['read_all_messages'] }],
          },
          { chat_id: -72000000002, type: 'channel', title: 'Закрытый', members: [{ user_id: 9001, is_admin: false }] },
          { chat_id: -72000000003, type: 'chat', title: 'Группа', members: [{ user_id: 9001, is_admin: false }] },
        ],
      },
    });
  });

  it('takes the token only from the Authorization header', async () => {
    expect((await call('GET', '/me')).data).toMatchObject({ user_id: 9001, username: 'vestnik_bot', is_bot: true });
    const inQuery = await call('GET', '/me', { params: { access_token: TOKEN }, token: null });
    expect([inQuery.status, inQuery.data.code]).toEqual([401, 'verify.token']);
    const both = await call('GET', '/me', { params: { access_token: TOKEN } });
    expect(both.status).toBe(401);
    const unknown = await call('GET', '/me', { token: 'nope' });
    expect([unknown.status, unknown.data]).toEqual([401, { code: 'verify.token', message: 'Invalid access_token' }]);
    expect((await call('GET', '/me', { token: `Bearer ${TOKEN}` })).status).toBe(401);
  });

  it('answers unknown paths 404, other methods 405, schema paths it does not emulate 400, all as {code, message}', async () => {
    const missing = await call('GET', '/mee');
    expect([missing.status, Object.keys(missing.data).sort()]).toEqual([404, ['code', 'message']]);
    expect(missing.data.code).toBe('not.found');
    expect((await call('PATCH', '/messages')).status).toBe(405);
    expect((await call('GET', '/uploads')).status).toBe(405);
    expect((await call('GET', '/chats')).data.code).toBe('not.emulated');
    expect((await call('GET', `/chats/${CHANNEL}/members/admins`)).status).toBe(400);
  });

  it('refuses unknown query parameters, wrong types, repeated values and missing required ones', async () => {
    expect((await call('GET', '/me', { params: { v: '0.0.32' } })).status).toBe(200);
    const typo = await send({ text: 'x' }, { chat_id: CHANNEL, disable_link_previews: true });
    expect([typo.status, typo.data.code]).toEqual([400, 'proto.payload']);
    expect(typo.data.message).toContain('disable_link_previews');
    expect((await send({ text: 'x' }, { chat_id: 'adm_news' })).data.message).toContain('"chat_id" must be an integer');
    expect((await send({ text: 'x' }, { chat_id: CHANNEL, disable_link_preview: 'yes' })).data.message).toContain('true or false');
    expect((await send({ text: 'x' }, {})).data.message).toContain('"chat_id" is required');
    expect((await http.post(`${sandbox.url}/max/messages?chat_id=${CHANNEL}&chat_id=1`, { text: 'x' }, { headers: { Authorization: TOKEN } })).data.message).toContain('once');
    expect((await call('GET', '/messages', { params: { chat_id: CHANNEL, count: 101 } })).data.message).toContain('at most 100');
    expect((await call('GET', '/messages')).data.message).toContain('"chat_id" or "message_ids"');
    expect((await call('POST', '/uploads', { params: { type: 'photo' } })).data.message).toContain('one of image');
  });

  it('refuses unknown body fields, wrong types, non-JSON bodies and text over 4000', async () => {
    expect((await send({ text: 'x', parse_mode: 'html' })).data.message).toContain('Unknown field "parse_mode"');
    expect((await send({ text: 42 })).data.message).toContain('"text" must be a string');
    expect((await send({ text: 'x', format: 'HTML' })).data.message).toContain('"format"');
    expect((await send({ text: 'x', notify: 'false' })).data.message).toContain('"notify" must be a boolean');
    expect((await send({ text: 'x', link: { type: 'reply', mid: 'mid.1', chat_id: 1 } })).data.message).toContain('link.chat_id');
    expect((await send({ text: 'x', attachments: [{ type: 'image', payload: { url: 'https://a.ru/i.jpg' } }] })).data.message).toContain('payload.url');
    expect((await send({ text: 'x', attachments: [{ type: 'image', payload: { token: 'never-uploaded' } }] })).data.code).toBe('proto.payload');
    expect((await send({})).data.message).toContain('"text" or "attachments"');
    const form = await http.post(`${sandbox.url}/max/messages?chat_id=${CHANNEL}`, 'text=x', { headers: { Authorization: TOKEN, 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect([form.status, form.data.message]).toEqual([400, expect.stringContaining('application/json')]);
    const broken = await http.post(`${sandbox.url}/max/messages?chat_id=${CHANNEL}`, '{"text": ', { headers: { Authorization: TOKEN, 'Content-Type': 'application/json' } });
    expect([broken.status, broken.data.code]).toEqual([400, 'proto.payload']);
    expect((await call('DELETE', '/messages', { params: { message_id: 'mid.x' }, data: { text: 'x' } })).data.message).toContain('takes no request body');

    const exactly = 'я'.repeat(4000);
    expect((await send({ text: exactly })).status).toBe(200);
    const over = await send({ text: `${exactly}!` });
    expect([over.status, over.data.code, over.data.message]).toEqual([400, 'proto.payload', expect.stringContaining('4000')]);
    expect(await sandbox.posts('max', String(CHANNEL))).toHaveLength(1);
  });

  it('checks the bot’s rights: a channel needs an admin with write; a group chat, membership', async () => {
    const outsider = await send({ text: 'x' }, { chat_id: CHANNEL }, 'max-outsider');
    expect([outsider.status, outsider.data.code]).toEqual([403, 'chat.denied']);
    const noWrite = await send({ text: 'x' }, { chat_id: CHANNEL }, 'max-reader');
    expect([noWrite.status, noWrite.data.code, noWrite.data.message]).toEqual([403, 'chat.denied', expect.stringContaining('"write"')]);
    expect((await send({ text: 'x' }, { chat_id: -72000000002 })).status).toBe(403);
    expect((await send({ text: 'в группу' }, { chat_id: -72000000003 })).status).toBe(200);
    expect((await send({ text: 'x' }, { chat_id: -72999999999 })).data.code).toBe('not.found');
    expect(await sandbox.posts('max', String(CHANNEL))).toEqual([]);
  });

  it('describes chats by id or public link and the bot’s membership with is_admin and permissions', async () => {
    const byId = (await call('GET', `/chats/${CHANNEL}`)).data;
    expect(byId).toMatchObject({ chat_id: CHANNEL, type: 'channel', title: 'Администрация', is_public: true, link: 'https://max.ru/adm_news', status: 'active' });
    expect((await call('GET', '/chats/adm_news')).data.chat_id).toBe(CHANNEL);
    expect((await call('GET', '/chats/@adm_news', { token: 'max-outsider' })).data.chat_id).toBe(CHANNEL);
    expect((await call('GET', '/chats/-72000000002', { token: 'max-outsider' })).data.code).toBe('chat.denied');
    expect((await call('GET', '/chats/nobody_here')).status).toBe(404);

    expect((await call('GET', `/chats/${CHANNEL}/members/me`)).data).toMatchObject({ user_id: 9001, is_admin: true, permissions: ['write', 'read_all_messages', 'edit', 'delete'] });
    expect((await call('GET', '/chats/-72000000002/members/me')).data).toMatchObject({ is_admin: false, permissions: null });
    const outsider = await call('GET', `/chats/${CHANNEL}/members/me`, { token: 'max-outsider' });
    expect([outsider.status, outsider.data.code]).toEqual([403, 'chat.denied']);
  });
});
