import { createServer as createHttpServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { paceKey } from '@vestnik/platforms/core';
import { MAX_BOT_RATE, MAX_BOT_SPACING_MS, MAX_CHAT_SPACING_MS, MAX_NOT_READY_DELAYS_MS, MaxAdapter } from './max-adapter';

const TOKEN = 'max-bot-secret-token-0001';
const channel = (target = '-72000000001') => ({ platform: 'max' as const, target, credentials: { botToken: TOKEN } });

describe('MaxAdapter: what it declares to the publishing engine', () => {
  const max = new MaxAdapter({ apiUrl: 'http://127.0.0.1:9', timeoutMs: 1000 });
  const paces = (imageCount: number, target = '-72000000001') => max.paces(channel(target), { remoteTargetId: '-72000000001', imageCount });

  it('has no idempotency key, so no repeat is ever safe', () => {
    expect(max.idempotentRetryWindowMs).toBeNull();
  });

  it('spaces within 10 % of 30 requests a second per bot and 2 messages a second per channel', () => {
    expect(MAX_BOT_RATE.limit).toBe(30);
    expect(MAX_BOT_SPACING_MS).toBeGreaterThanOrEqual(1000 / 30);
    expect(MAX_BOT_SPACING_MS).toBeLessThanOrEqual((1000 / 30) * 1.1);
    expect(MAX_CHAT_SPACING_MS).toBeGreaterThanOrEqual(500);
    expect(MAX_CHAT_SPACING_MS).toBeLessThanOrEqual(550);
  });

  it('paces a text as one request of the bot (by its token’s hash) and one message of the channel (by its chat id)', () => {
    expect(paces(0)).toEqual([
      { key: paceKey('max', 'bot', TOKEN), spacingMs: MAX_BOT_SPACING_MS },
      { key: 'max:chat:-72000000001', spacingMs: MAX_CHAT_SPACING_MS },
    ]);
    expect(JSON.stringify(paces(0))).not.toContain(TOKEN);
  });

  it('counts an upload URL per image and every message a not-ready image may cost; a link target costs its look-up', () => {
    const sends = 1 + MAX_NOT_READY_DELAYS_MS.length;
    expect(paces(3).map((p) => p.spacingMs)).toEqual([(3 + sends) * MAX_BOT_SPACING_MS, sends * MAX_CHAT_SPACING_MS]);
    expect(paces(0, '@city_news')[0].spacingMs).toBeCloseTo(2 * MAX_BOT_SPACING_MS);
  });

  it('counts its longest publish: the look-up, each image’s upload URL and upload, every send and its wait, and the pacing', () => {
    const unpaced = new MaxAdapter({ apiUrl: 'http://127.0.0.1:9', timeoutMs: 1000, uploadTimeoutMs: 5000, paced: false });
    expect(unpaced.longestPublishMs(0)).toBe(1000 + 1000);
    expect(unpaced.longestPublishMs(2)).toBe(1000 + 2 * (1000 + 5000) + 4 * 1000 + 1900);
    expect(max.longestPublishMs(0)).toBeCloseTo(2000 + 2 * MAX_BOT_SPACING_MS + MAX_CHAT_SPACING_MS);
  });
});

/** What a fake MAX saw: method, path with query, the Authorization header, and the JSON body. */
interface Seen {
  method: string;
  url: string;
  authorization?: string;
  body: string;
}

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function recording(seen: Seen[], handle: Handler) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization, body });
      handle(req, body, res);
    });
  };
}

function json(res: ServerResponse, status: number, data: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(data));
}

const CHANNEL = { chat_id: -72000000001, type: 'channel', status: 'active', title: 'Новости города', link: 'city_news' };
const IMAGE = { mimeType: 'image/png', size: 4, width: 10, height: 10, fileName: 'a.png' };

describe('MaxAdapter against a fake MAX', () => {
  let server: Server;
  let base: string;
  const seen: Seen[] = [];
  let notReadyAnswers = 0;

  beforeAll(async () => {
    server = createHttpServer(
      recording(seen, (req, body, res) => {
        const url = new URL(req.url ?? '/', 'http://x');
        if (url.pathname === '/upload') return json(res, 200, { photos: { p1: { token: 'photo-token-1' } } });
        if (url.pathname === '/uploads') return json(res, 200, { url: `http://${base}/upload?sig=1` });
        if (req.method === 'POST' && url.pathname === '/messages') {
          if (body.includes('photo-token') && notReadyAnswers-- > 0) return json(res, 400, { code: 'attachment.not.ready', message: 'Key: errors.process.attachment.file.not.processed' });
          return json(res, 200, { message: { timestamp: 1, body: { mid: 'mid.1', seq: 1, text: 'x' }, url: 'https://max.ru/city_news/AZ1' } });
        }
        if (req.method === 'PUT' && url.pathname === '/messages') {
          if (!body.includes('photo-token')) return json(res, 200, { success: false, message: 'Message not found' });
          if (notReadyAnswers-- > 0) return json(res, 200, { success: false, message: 'Key: errors.process.attachment.file.not.processed' });
          return json(res, 200, { success: true });
        }
        if (req.method === 'GET' && url.pathname === '/messages') {
          return json(res, 200, { messages: [{ timestamp: 1, body: { mid: url.searchParams.get('message_ids'), seq: 1, text: 'x' }, url: 'https://max.ru/city_news/AZ1' }] });
        }
        if (req.method === 'DELETE' && url.pathname === '/messages') return json(res, 200, { success: false, message: 'Not enough rights' });
        if (url.pathname === '/chats/city_news') return json(res, 200, CHANNEL);
        json(res, 404, { code: 'not.found', message: 'Path not found' });
      }),
    );
    base = await listen(server);
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    seen.length = 0;
    notReadyAnswers = 0;
  });

  const adapter = () => new MaxAdapter({ apiUrl: `http://${base}`, timeoutMs: 3000, paced: false });
  const withImage = () => ({ publicationId: 'p', images: [{ ...IMAGE, bytes: new Uint8Array([1, 2, 3, 4]) }] });

  it('sends the token only in the Authorization header, and never to the upload host', async () => {
    expect(await adapter().publish(channel('@city_news'), { text: '**Привет**', images: [IMAGE] }, withImage())).toEqual({
      status: 'published',
      remoteId: 'mid.1',
      url: 'https://max.ru/city_news/AZ1',
    });
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual(['GET /chats/city_news', 'POST /uploads?type=image', 'POST /upload?sig=1', 'POST /messages?chat_id=-72000000001']);
    for (const s of seen) expect(`${s.url} ${s.body}`).not.toContain(TOKEN);
    expect(seen.map((s) => s.authorization)).toEqual([TOKEN, TOKEN, undefined, TOKEN]);
    expect(seen[2].body).toContain('name="data"; filename="a.png"');
    expect(JSON.parse(seen[3].body)).toEqual({ text: '<b>Привет</b>', format: 'html', attachments: [{ type: 'image', payload: { token: 'photo-token-1' } }] });
  });

  it('sends again after attachment.not.ready, a bounded number of times, then leaves it to the engine as safe to repeat', async () => {
    notReadyAnswers = 2;
    expect((await adapter().publish(channel(), { text: 'Фото', images: [IMAGE] }, withImage())).status).toBe('published');
    expect(seen.filter((s) => s.url.startsWith('/messages'))).toHaveLength(3);
    seen.length = 0;
    notReadyAnswers = 100;
    const outcome = await adapter().publish(channel(), { text: 'Фото', images: [IMAGE] }, withImage());
    expect(outcome.status).toBe('transient');
    expect(seen.filter((s) => s.url.startsWith('/messages'))).toHaveLength(1 + MAX_NOT_READY_DELAYS_MS.length);
  });

  it('reads success: false in an HTTP 200 as a failure: a gone message on edit, a refusal on remove', async () => {
    const edited = await adapter().edit(channel(), 'mid.1', { text: 'x', images: [] }, { publicationId: 'p', images: [] });
    expect(edited).toMatchObject({ status: 'rejected', code: 'max:404' });
    expect(JSON.parse(seen[0].body)).toEqual({ text: 'x', format: 'html', attachments: [] });
    expect(await adapter().remove(channel(), 'mid.1')).toMatchObject({ status: 'rejected', reason: expect.stringContaining('Not enough rights') });
  });

  it('edits text and images, sending again while the edit answers success: false for a not-ready image, and reads the link back', async () => {
    notReadyAnswers = 1;
    const edited = await adapter().edit(channel(), 'mid.1', { text: 'Новое', images: [IMAGE] }, withImage());
    expect(edited).toEqual({ status: 'edited', remoteId: 'mid.1', url: 'https://max.ru/city_news/AZ1' });
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'POST /uploads?type=image',
      'POST /upload?sig=1',
      'PUT /messages?message_id=mid.1',
      'PUT /messages?message_id=mid.1',
      'GET /messages?message_ids=mid.1',
    ]);
  });
});

/** A self-signed root standing in for the Минцифры one: valid for 127.0.0.1 until 2126. Test-only key. */
const TEST_ROOT_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgRk66kd8+iryK9ySE
WrQgAd82ZvtAHWRy8Whw9RFE/2uhRANCAAQn2vzcma4WSOyFhfAhKW0SnySzBbZG
cbB0J4C7ZAAMiFbwT5D8F9yzbiOtuB17mke4AzVkaRoNRNXQinK22Y7V
-----END PRIVATE KEY-----
`;
const TEST_ROOT_CERT = `-----BEGIN CERTIFICATE-----
MIIB1TCCAXugAwIBAgIUCUICAaDFIL3N+l/UNCCAwMB6uVcwCgYIKoZIzj0EAwIw
MTEvMC0GA1UEAwwmVmVzdG5payB0ZXN0IHJvb3QgKE1BWCBDQSBidW5kbGUgc3Bl
YykwIBcNMjYxMjAzMTg0NDI3WhgPMjEyNjExMDkxODQ0MjdaMDExLzAtBgNVBAMM
JlZlc3RuaWsgdGVzdCByb290IChNQVggQ0EgYnVuZGxlIHNwZWMpMFkwEwYHKoZI
zj0CAQYIKoZIzj0DAQcDQgAEJ9r83JmuFkjshYXwISltEp8kswW2RnGwdCeAu2QA
DIhW8E+Q/Bfcs24jrbgde5pHuAM1ZGkaDUTV0IpyttmO1aNvMG0wHQYDVR0OBBYE
FJpbhRwf3/YeGvepY6wQ/bRkmBGrMB8GA1UdIwQYMBaAFJpbhRwf3/YeGvepY6wQ
/bRkmBGrMBoGA1UdEQQTMBGHBH8AAAGCCWxvY2FsaG9zdDAPBgNVHRMBAf8EBTAD
AQH/MAoGCCqGSM49BAMCA0gAMEUCIQDL7lAnhmWYapLZq56zbbkHMa9Qb9uxfGqP
2NpwseVbQgIgO1VYSdYbArDBUJ5pF3hUzoTlMGKW+Et0ngEDSQQZAUs=
-----END CERTIFICATE-----
`;

describe('MaxAdapter over https with a CA bundle', () => {
  let server: Server;
  let base: string;
  const seen: Seen[] = [];

  beforeAll(async () => {
    server = createHttpsServer(
      { key: TEST_ROOT_KEY, cert: TEST_ROOT_CERT },
      recording(seen, (req, _body, res) => {
        if (req.url === '/me') return json(res, 200, { user_id: 1, first_name: 'Вестник', username: 'vestnik_bot', is_bot: true });
        if (req.url === '/chats/-72000000001') return json(res, 200, CHANNEL);
        json(res, 200, { user_id: 1, is_admin: true, permissions: ['write', 'read_all_messages', 'post_edit_delete_message', 'something_new'] });
      }),
    );
    base = `https://${await listen(server)}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('refuses a server its roots do not trust, before sending anything', async () => {
    const result = await new MaxAdapter({ apiUrl: base, timeoutMs: 3000 }).verify(channel());
    expect(result).toMatchObject({ ok: false, failure: { status: 'transient' } });
    expect(seen).toHaveLength(0);
  });

  it('trusts the root given as caBundle, besides the system’s', async () => {
    const result = await new MaxAdapter({ apiUrl: base, timeoutMs: 3000, caBundle: TEST_ROOT_CERT }).verify(channel());
    expect(result).toEqual({ ok: true, canPost: true, displayName: 'Новости города', resolvedTargetId: '-72000000001', actor: '@vestnik_bot' });
  });
});
