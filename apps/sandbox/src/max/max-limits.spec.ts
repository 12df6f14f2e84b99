import axios from 'axios';
import { startTestSandbox, TestSandbox } from '../contract/contract-kit';

const TOKEN = 'max-bot-token-limits';
const CHANNEL = -72000000201;
const OTHER = -72000000202;

/** MAX's rates as the sandbox enforces them, and the faults tests inject into MAX requests. */
describe('sandbox MAX emulation: limits and faults', () => {
  let sandbox: TestSandbox;
  const http = axios.create({ proxy: false, validateStatus: () => true });
  const control = () => axios.create({ baseURL: `${sandbox.url}/control`, proxy: false, validateStatus: () => true });
  const api = (method: string, path: string, params?: Record<string, unknown>, data?: unknown) =>
    http.request({ method, url: `${sandbox.url}/max${path}`, params, data, headers: { Authorization: TOKEN } });
  const send = (text: string, chatId = CHANNEL) => api('POST', '/messages', { chat_id: chatId }, { text });
  const texts = async (chatId = CHANNEL) => (await sandbox.posts('max', String(chatId))).map((p) => p.text);

  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    await sandbox.reset();
    await sandbox.seed({
      max: {
        bots: [{ token: TOKEN, user_id: 9201, name: 'Вестник', username: 'vestnik_bot' }],
        chats: [
          { chat_id: CHANNEL, type: 'channel', title: 'Район', members: [{ user_id: 9201 }] },
          { chat_id: OTHER, type: 'channel', title: 'Город', members: [{ user_id: 9201 }] },
        ],
      },
    });
    await sandbox.freezeClock();
  });

  it('refuses a third message into one chat within a second with 429 too.many.requests, not another chat’s', async () => {
    expect((await send('1')).status).toBe(200);
    expect((await send('2')).status).toBe(200);
    const third = await send('3');
    expect([third.status, third.data.code]).toEqual([429, 'too.many.requests']);
    expect((await send('в другой канал', OTHER)).status).toBe(200);
    await sandbox.advanceClock(1);
    expect((await send('4')).status).toBe(200);
    expect(await texts()).toEqual(['1', '2', '4']);
    expect((await control().get('/rate-limits')).data.refused).toEqual({ 'max:429': 1 });
  });

  it('refuses the 31st request of a bot within a second, whatever the path', async () => {
    for (let i = 0; i < 30; i++) expect((await api('GET', '/me')).status).toBe(200);
    const limited = await api('GET', `/chats/${CHANNEL}`);
    expect([limited.status, limited.data.code]).toEqual([429, 'too.many.requests']);
    await sandbox.advanceClock(1);
    expect((await api('GET', '/me')).status).toBe(200);
  });

  it('enforces nothing while the limiter is off', async () => {
    await sandbox.setRateLimits(false);
    for (let i = 0; i < 5; i++) expect((await send(`m${i}`)).status).toBe(200);
    for (let i = 0; i < 40; i++) expect((await api('GET', '/me')).status).toBe(200);
  });

  it('injects MAX errors: a 5xx, a 429 and a named code, for the method and chat named', async () => {
    await sandbox.fault({ platform: 'max', kind: 'error', method: 'POST /messages', target: String(CHANNEL), errorCode: 503 });
    expect((await send('в другой канал', OTHER)).status).toBe(200);
    const unavailable = await send('x');
    expect([unavailable.status, unavailable.data]).toEqual([503, { code: 'internal.error', message: 'Injected fault' }]);
    await sandbox.fault({ platform: 'max', kind: 'error', method: 'POST /messages', errorCode: 429, errorMessage: 'Too many requests' });
    expect((await send('x')).data).toEqual({ code: 'too.many.requests', message: 'Too many requests' });
    await sandbox.fault({ platform: 'max', kind: 'error', method: 'POST /messages', errorCode: 400, errorKey: 'attachment.not.ready' });
    expect((await send('x')).data.code).toBe('attachment.not.ready');
    expect((await send('после сбоев')).status).toBe(200);
    expect(await texts()).toEqual(['после сбоев']);
  });

  it('answers a bare 502 for an http fault, storing nothing', async () => {
    await sandbox.fault({ platform: 'max', kind: 'http', method: 'POST /messages' });
    const res = await send('x');
    expect([res.status, res.headers['content-type']]).toEqual([502, expect.stringContaining('text/html')]);
    expect(await texts()).toEqual([]);
  });

  it('loses the answer after storing the message: socket dropped, or a 502 after the store', async () => {
    await sandbox.fault({ platform: 'max', kind: 'drop_after_store', method: 'POST /messages' });
    await expect(send('потерянный ответ')).rejects.toThrow();
    expect(await texts()).toEqual(['потерянный ответ']);
    await sandbox.advanceClock(1);
    await sandbox.fault({ platform: 'max', kind: 'drop_after_store', method: 'POST /messages', status: 502 });
    expect((await send('ответ 502')).status).toBe(502);
    expect(await texts()).toEqual(['потерянный ответ', 'ответ 502']);
    // The read-back a reconciler uses finds both.
    const read = (await api('GET', '/messages', { chat_id: CHANNEL, count: 10 })).data.messages;
    expect(read.map((m: { body: { text: string } }) => m.body.text)).toEqual(['ответ 502', 'потерянный ответ']);
  });

  it('holds a request (a hang) until released, then handles it', async () => {
    const id = (await control().post('/faults', { platform: 'max', kind: 'delay', method: 'POST /messages', delayMs: 600_000 })).data.fault.id;
    const answer = send('задержанный');
    while ((await control().get('/faults')).data.held !== 1) await new Promise((r) => setTimeout(r, 20));
    expect(await texts()).toEqual([]);
    expect((await control().post('/faults/release', { id })).data.released).toBe(1);
    expect((await answer).status).toBe(200);
    expect(await texts()).toEqual(['задержанный']);
  });

  it('injects faults into uploads too', async () => {
    const { url } = (await api('POST', '/uploads', { type: 'image' })).data;
    await sandbox.fault({ platform: 'max', kind: 'error', method: 'upload', errorCode: 500 });
    const form = new FormData();
    form.append('data', new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2])]), 'a.jpg');
    const res = await http.post(url, form);
    expect([res.status, res.data.code]).toEqual([500, 'upload.error']);
  });
});
