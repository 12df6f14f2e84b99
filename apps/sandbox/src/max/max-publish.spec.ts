import axios from 'axios';
import { startTestSandbox, TestSandbox, testImage } from '../contract/contract-kit';

const TOKEN = 'max-bot-token-publish';
const CHANNEL = -72000000101;

/** Publishing to MAX through the sandbox: upload → send, formats, read-back, edit and delete. */
describe('sandbox MAX emulation: publishing and reading back', () => {
  let sandbox: TestSandbox;
  const http = axios.create({ proxy: false, validateStatus: () => true });
  const api = (method: string, path: string, params?: Record<string, unknown>, data?: unknown) =>
    http.request({ method, url: `${sandbox.url}/max${path}`, params, data, headers: { Authorization: TOKEN } });
  const send = (data: unknown) => api('POST', '/messages', { chat_id: CHANNEL }, data);
  const upload = async (url: string, field = 'data', bytes: Buffer = Buffer.from(testImage(1).loaded.bytes)) => {
    const form = new FormData();
    form.append(field, new Blob([new Uint8Array(bytes)]), 'photo.jpg');
    return http.post(url, form);
  };
  const uploadImage = async (): Promise<string> => {
    const { url } = (await api('POST', '/uploads', { type: 'image' })).data as { url: string };
    const photos = (await upload(url)).data.photos as Record<string, { token: string }>;
    return Object.values(photos)[0].token;
  };

  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    await sandbox.reset();
    await sandbox.seed({
      max: {
        bots: [{ token: TOKEN, user_id: 9101, name: 'Вестник', username: 'vestnik_bot' }],
        chats: [{ chat_id: CHANNEL, type: 'channel', title: 'Сельсовет', link: 'selsovet', members: [{ user_id: 9101, is_admin: true, permissions: ['write'] }] }],
        attachmentReadyMs: 0,
      },
    });
  });

  it('answers a sent message with body.mid, url, recipient.chat_id and timestamp', async () => {
    const res = await send({ text: 'Приём граждан в среду', notify: false });
    expect(res.status).toBe(200);
    const { message } = res.data;
    expect(message).toMatchObject({
      recipient: { chat_id: CHANNEL, chat_type: 'channel' },
      timestamp: expect.any(Number),
      body: { mid: expect.stringMatching(/^mid\.[0-9a-f]{16}$/), text: 'Приём граждан в среду', attachments: null },
      stat: { views: 0 },
      sender: { user_id: 9101, is_bot: true },
    });
    expect(message.url).toBe(`https://max.ru/selsovet/${message.body.mid}`);
    const [post] = await sandbox.posts('max', 'selsovet');
    expect(post).toMatchObject({ id: message.body.mid, text: 'Приём граждан в среду', raw: 'Приём граждан в среду', format: null });
  });

  it('removes HTML tags outside MAX’s set silently and keeps markdown as it arrived', async () => {
    const html = await send({ text: '<h2>Объявление</h2><p>Приём <b>граждан</b> &amp; <u>жалобы</u></p>', format: 'html' });
    expect(html.status).toBe(200);
    expect(html.data.message.body.text).toBe('Объявление' + 'Приём граждан & жалобы');
    const markdown = await send({ text: '**Важно:** ++приём++ [сайт](https://gov.ru)', format: 'markdown' });
    expect(markdown.data.message.body.text).toBe('**Важно:** ++приём++ [сайт](https://gov.ru)');
    const [first, second] = await sandbox.posts('max', String(CHANNEL));
    expect(first).toMatchObject({ raw: '<h2>Объявление</h2><p>Приём <b>граждан</b> &amp; <u>жалобы</u></p>', format: 'html', html: 'ОбъявлениеПриём <b>граждан</b> &amp; <u>жалобы</u>' });
    expect(second).toMatchObject({ format: 'markdown', raw: '**Важно:** ++приём++ [сайт](https://gov.ru)' });
  });

  it('uploads an image through the URL it hands out (field data) and attaches it by token', async () => {
    const { url } = (await api('POST', '/uploads', { type: 'image' })).data;
    expect(url).toMatch(new RegExp(`^${sandbox.url}/max/upload/`));
    expect((await upload(url, 'photo')).data).toMatchObject({ code: 'upload.error', message: expect.stringContaining('"data"') });
    expect((await upload(url, 'data', Buffer.from('not an image'))).status).toBe(400);
    const uploaded = await upload(url);
    expect(uploaded.status).toBe(200);
    const [token] = Object.values(uploaded.data.photos as Record<string, { token: string }>).map((p) => p.token);
    expect((await upload(url)).status).toBe(404);

    const res = await send({ text: 'С фото', attachments: [{ type: 'image', payload: { token } }] });
    expect(res.status).toBe(200);
    expect(res.data.message.body.attachments).toEqual([{ type: 'image', payload: { photo_id: expect.any(Number), token, url: expect.stringContaining('/images/') } }]);
    const [post] = await sandbox.posts('max', String(CHANNEL));
    expect(post.imageUrls).toHaveLength(1);
    const image = await http.get(`${sandbox.url}${post.imageUrls[0]}`, { responseType: 'arraybuffer' });
    expect(Buffer.from(image.data)).toEqual(Buffer.from(testImage(1).loaded.bytes));
  });

  it('answers attachment.not.ready (HTTP 400) while an upload is processed, then accepts the same token', async () => {
    await sandbox.seed({ max: { attachmentReadyMs: 600_000 } });
    const token = await uploadImage();
    const early = await send({ text: 'Рано', attachments: [{ type: 'image', payload: { token } }] });
    expect([early.status, early.data]).toEqual([400, { code: 'attachment.not.ready', message: 'Key: errors.process.attachment.file.not.processed' }]);
    expect(await sandbox.posts('max', String(CHANNEL))).toEqual([]);

    await sandbox.advanceClock(600);
    const sent = await send({ text: 'Вовремя', attachments: [{ type: 'image', payload: { token } }] });
    expect(sent.status).toBe(200);
    const late = await uploadImage();
    // An edit with a busy attachment answers in HTTP 200, as reported for the real API.
    const edit = await api('PUT', '/messages', { message_id: sent.data.message.body.mid }, { attachments: [{ type: 'image', payload: { token: late } }] });
    expect([edit.status, edit.data]).toEqual([200, { success: false, message: 'Key: errors.process.attachment.file.not.processed' }]);
    await sandbox.seed({ max: { attachmentReadyMs: 0 } });
    expect((await send({ attachments: [{ type: 'image', payload: { token: late } }] })).status).toBe(200);
    expect((await sandbox.posts('max', String(CHANNEL))).map((p) => p.text)).toEqual(['Вовремя', '']);
  });

  it('reads a channel back newest first, by count and by ids, without deleted messages', async () => {
    await sandbox.setRateLimits(false);
    const mids: string[] = [];
    for (const text of ['первое', 'второе', 'третье']) mids.push((await send({ text })).data.message.body.mid);
    const all = (await api('GET', '/messages', { chat_id: CHANNEL })).data.messages;
    expect(all.map((m: { body: { text: string } }) => m.body.text)).toEqual(['третье', 'второе', 'первое']);
    expect((await api('GET', '/messages', { chat_id: CHANNEL, count: 2 })).data.messages).toHaveLength(2);
    const byIds = (await api('GET', '/messages', { message_ids: `${mids[0]},mid.0000000000000000,${mids[2]}` })).data.messages;
    expect(byIds.map((m: { body: { mid: string } }) => m.body.mid)).toEqual([mids[0], mids[2]]);

    expect((await api('DELETE', '/messages', { message_id: mids[1] })).data).toEqual({ success: true });
    expect((await api('DELETE', '/messages', { message_id: mids[1] })).data.code).toBe('not.found');
    expect((await api('GET', '/messages', { chat_id: CHANNEL })).data.messages).toHaveLength(2);
    expect((await sandbox.posts('max', String(CHANNEL), true)).find((p) => p.id === mids[1])?.deletedAt).toEqual(expect.any(String));
  });

  it('edits text and format in place, keeping what the edit leaves out', async () => {
    const token = await uploadImage();
    const mid = (await send({ text: 'Черновик', attachments: [{ type: 'image', payload: { token } }] })).data.message.body.mid;
    const edited = await api('PUT', '/messages', { message_id: mid }, { text: '<i>Итог</i><div>!</div>', format: 'html' });
    expect(edited.data).toEqual({ success: true });
    const [post] = await sandbox.posts('max', String(CHANNEL));
    expect(post).toMatchObject({ id: mid, text: 'Итог!', raw: '<i>Итог</i><div>!</div>', format: 'html', editedAt: expect.any(String) });
    expect(post.attachments).toEqual([`image:${token}`]);
    expect((await api('PUT', '/messages', { message_id: 'mid.ffffffffffffffff' }, { text: 'x' })).status).toBe(404);
    expect((await api('PUT', '/messages', { message_id: mid }, { text: 'x', bold: true })).data.code).toBe('proto.payload');
  });

  it('shows MAX channels and their messages on the feeds page', async () => {
    await send({ text: '<b>Субботник</b> <script>x</script>', format: 'html' });
    const page = (await http.get(`${sandbox.url}/`)).data as string;
    expect(page).toContain('MAX');
    expect(page).toContain('Сельсовет');
    expect(page).toContain('<b>Субботник</b> x');
    expect(page).not.toContain('<script>');
  });
});
