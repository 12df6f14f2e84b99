import { MaxAdapter } from '@vestnik/platforms/max';
import type { PostContent } from '@vestnik/platforms/rules';
import { closedPortUrl, startTestSandbox, TestSandbox, testImages } from './contract-kit';

const BOT = 'max-vestnik-bot-token-0001';
const OTHER_BOT = 'max-other-bot-token-0002';
const NEWS = -72000000001;
const NO_WRITE = -72000000002;
const NOT_ADMIN = -72000000003;
const FOREIGN = -72000000004;
const GROUP = -72000000005;
const PRIVATE = -72000000006;

describe('MaxAdapter against the sandbox', () => {
  let sandbox: TestSandbox;
  let max: MaxAdapter;
  const channel = (target = '@city_news', botToken = BOT) => ({ platform: 'max' as const, target, credentials: { botToken } });
  const text = (t: string, link?: string): PostContent => ({ text: t, images: [], link });
  const ctx = (publicationId: string, images: ReturnType<typeof testImages>['loaded'] = []) => ({ publicationId, images });
  const posts = (includeDeleted = false) => sandbox.posts('max', String(NEWS), includeDeleted);
  const published = async (t: string) => {
    const outcome = await max.publish(channel(), text(t), ctx(`seed-${t}`));
    if (outcome.status !== 'published') throw new Error(JSON.stringify(outcome));
    return outcome;
  };

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    max = new MaxAdapter({ apiUrl: `${sandbox.url}/max`, timeoutMs: 3000 });
  });
  afterAll(() => sandbox.close());

  beforeEach(async () => {
    await sandbox.reset();
    const admin = (userId: number, permissions?: string[]) => ({ user_id: userId, is_admin: true, ...(permissions ? { permissions } : {}) });
    await sandbox.seed({
      max: {
        bots: [
          { token: BOT, user_id: 9001, name: 'Вестник', username: 'vestnik_bot' },
          { token: OTHER_BOT, user_id: 9002, name: 'Другой', username: 'other_bot' },
        ],
        chats: [
          { chat_id: NEWS, type: 'channel', title: 'Новости города', link: 'city_news', members: [admin(9001, ['write', 'read_all_messages', 'edit', 'delete', 'can_call'])] },
          { chat_id: NO_WRITE, type: 'channel', title: 'Только чтение', link: 'read_only', members: [admin(9001, ['read_all_messages', 'edit'])] },
          { chat_id: NOT_ADMIN, type: 'channel', title: 'Подписчик', members: [{ user_id: 9001, is_admin: false }] },
          { chat_id: FOREIGN, type: 'channel', title: 'Чужой канал', link: 'foreign', members: [admin(9002)] },
          { chat_id: GROUP, type: 'chat', title: 'Чат совета', members: [admin(9001)] },
          { chat_id: PRIVATE, type: 'channel', title: 'Закрытый', members: [admin(9002)] },
        ],
      },
    });
  });

  describe('verify', () => {
    it('resolves the link to the chat id and allows an admin with write (other permissions as they come)', async () => {
      const expected = { ok: true, canPost: true, displayName: 'Новости города', resolvedTargetId: String(NEWS), actor: '@vestnik_bot' };
      expect(await max.verify(channel())).toEqual(expected);
      expect(await max.verify(channel(String(NEWS)))).toEqual(expected);
      expect(await max.verify(channel('https://max.ru/city_news'))).toEqual(expected);
    });

    it('refuses an admin without write, naming the right', async () => {
      const result = await max.verify(channel('@read_only'));
      expect(result).toMatchObject({ ok: true, canPost: false, resolvedTargetId: String(NO_WRITE) });
      expect(result.reason).toContain('«Писать сообщения» (write)');
    });

    it('refuses a bot that is a member but not an admin', async () => {
      const result = await max.verify(channel(String(NOT_ADMIN)));
      expect(result).toMatchObject({ ok: true, canPost: false });
      expect(result.reason).toContain('не администратор');
    });

    it('refuses a public channel the bot is not in, a private one it cannot see, and a group chat', async () => {
      const foreign = await max.verify(channel('@foreign'));
      expect(foreign).toMatchObject({ ok: true, canPost: false, displayName: 'Чужой канал' });
      expect(foreign.reason).toContain('не состоит в канале');
      const hidden = await max.verify(channel(String(PRIVATE)));
      expect(hidden).toMatchObject({ ok: false, canPost: false, reason: expect.stringContaining('не состоит в этом закрытом канале'), failure: { status: 'rejected', code: 'max:403' } });
      const group = await max.verify(channel(String(GROUP)));
      expect(group).toMatchObject({ ok: true, canPost: false });
      expect(group.reason).toContain('не канал');
    });

    it('says plainly when the channel is unknown or the address is not one', async () => {
      expect(await max.verify(channel('-72999999999'))).toMatchObject({ ok: false, canPost: false, reason: expect.stringContaining('Канал MAX не найден') });
      expect(await max.verify(channel('Новости города'))).toMatchObject({ ok: false, reason: expect.stringContaining('Непонятный адрес канала MAX') });
    });

    it('reports a revoked bot token as auth_expired, for a person to reconnect', async () => {
      expect(await max.verify(channel('@city_news', 'max-revoked-token-0003'))).toMatchObject({
        ok: false,
        failure: { status: 'auth_expired', refreshable: false, platformCode: 'verify.token' },
      });
    });
  });

  describe('publish', () => {
    it('sends our markdown as MAX’s HTML with exact escaping, and answers body.mid and the public link', async () => {
      const outcome = await max.publish(channel(), text('**Итоги**: 2 < 3 && 5 > 4 [подробнее](https://gov.ru/?a=1&b=2)'), ctx('m-1'));
      const [post] = await posts();
      expect(outcome).toEqual({ status: 'published', remoteId: post.id, url: `https://max.ru/city_news/${post.id}` });
      expect(post).toMatchObject({
        text: 'Итоги: 2 < 3 && 5 > 4 подробнее',
        raw: '<b>Итоги</b>: 2 &lt; 3 &amp;&amp; 5 &gt; 4 <a href="https://gov.ru/?a=1&amp;b=2">подробнее</a>',
        format: 'html',
      });
    });

    it('keeps an author’s HTML-like text as text, which MAX would otherwise strip', async () => {
      await max.publish(channel(), text('Пишите <u>нам</u> <br> и <script>x</script>', 'https://gov.ru/n'), ctx('m-2'));
      const [post] = await posts();
      expect(post.text).toBe('Пишите <u>нам</u> <br> и <script>x</script>\n\nhttps://gov.ru/n');
    });

    it('uploads images (field data) and attaches their tokens, sending again while MAX says attachment.not.ready', async () => {
      const images = testImages(2);
      const outcome = await max.publish(channel(String(NEWS)), { text: 'Фотоотчёт', images: images.refs }, ctx('m-3', images.loaded));
      expect(outcome.status).toBe('published');
      const [post] = await posts();
      expect(post).toMatchObject({ text: 'Фотоотчёт', imageUrls: [expect.stringMatching(/^\/images\//), expect.stringMatching(/^\/images\//)] });
    });

    it('sends images alone, without text', async () => {
      const images = testImages(1);
      expect((await max.publish(channel(), { text: '', images: images.refs }, ctx('m-4', images.loaded))).status).toBe('published');
      expect((await posts())[0]).toMatchObject({ text: '', imageUrls: [expect.any(String)] });
    });

    it('waits out a slower image within its tries, and leaves a longer one to the engine as transient, having created nothing', async () => {
      const images = testImages(1);
      await sandbox.seed({ max: { attachmentReadyMs: 800 } });
      expect((await max.publish(channel(), { text: 'Медленное фото', images: images.refs }, ctx('m-5', images.loaded))).status).toBe('published');
      await sandbox.seed({ max: { attachmentReadyMs: 60_000 } });
      const outcome = await max.publish(channel(), { text: 'Очень медленное фото', images: images.refs }, ctx('m-6', images.loaded));
      expect(outcome).toMatchObject({ status: 'transient', reason: expect.stringContaining('attachment.not.ready') });
      expect((await posts()).map((p) => p.text)).toEqual(['Медленное фото']);
    });

    it('keeps to 2 messages a second per channel by itself', async () => {
      for (let i = 0; i < 3; i++) expect((await max.publish(channel(), text(`Подряд ${i}`), ctx(`p-${i}`))).status).toBe('published');
    });

    it('surfaces MAX’s 2 messages a second per channel as rate_limited', async () => {
      const unpaced = new MaxAdapter({ apiUrl: `${sandbox.url}/max`, timeoutMs: 3000, paced: false });
      await sandbox.freezeClock();
      for (let i = 0; i < 2; i++) expect((await unpaced.publish(channel(String(NEWS)), text(`Сообщение ${i}`), ctx(`rl-${i}`))).status).toBe('published');
      expect(await unpaced.publish(channel(String(NEWS)), text('Третье'), ctx('rl-2'))).toMatchObject({ status: 'rate_limited', retryAfterSeconds: 1, platformCode: '429' });
      await sandbox.advanceClock(1);
      expect((await unpaced.publish(channel(String(NEWS)), text('Третье'), ctx('rl-2'))).status).toBe('published');
    });

    it('answers unconfirmed when the answer is lost after the message was stored (dropped, or a 502 after it)', async () => {
      await sandbox.fault({ platform: 'max', kind: 'drop_after_store', method: 'POST /messages' });
      expect(await max.publish(channel(), text('Оборвалось'), ctx('m-7'))).toMatchObject({ status: 'unconfirmed', retrySafe: false });
      await sandbox.fault({ platform: 'max', kind: 'drop_after_store', method: 'POST /messages', status: 502 });
      expect(await max.publish(channel(), text('Ответ 502'), ctx('m-8'))).toMatchObject({ status: 'unconfirmed', retrySafe: false });
      expect(await posts()).toHaveLength(2);
    });

    it('maps 5xx to unconfirmed, 403 to rejected, 401 to auth_expired and an unreachable API to transient', async () => {
      await sandbox.fault({ platform: 'max', kind: 'error', errorCode: 503, method: 'POST /messages' });
      expect((await max.publish(channel(), text('x'), ctx('m-9'))).status).toBe('unconfirmed');
      const refused = await max.publish(channel('@foreign'), text('x'), ctx('m-10'));
      expect(refused).toMatchObject({ status: 'rejected', code: 'max:403' });
      expect(refused.status === 'rejected' && refused.reason).toContain('администратором');
      expect(await max.publish(channel(String(NEWS), 'max-revoked-token-0003'), text('x'), ctx('m-11'))).toMatchObject({ status: 'auth_expired', refreshable: false });
      const offline = new MaxAdapter({ apiUrl: `${await closedPortUrl()}/max`, timeoutMs: 1000 });
      expect((await offline.publish(channel(String(NEWS)), text('x'), ctx('m-12'))).status).toBe('transient');
      expect(await posts()).toHaveLength(0);
    });

    it('is transient when an upload fails: no message was sent', async () => {
      const images = testImages(1);
      await sandbox.fault({ platform: 'max', kind: 'error', errorCode: 500, method: 'upload' });
      expect((await max.publish(channel(), { text: 'x', images: images.refs }, ctx('m-13', images.loaded))).status).toBe('transient');
      expect(await posts()).toHaveLength(0);
    });

    it('keeps the bot token out of every outcome', async () => {
      await sandbox.fault({ platform: 'max', kind: 'error', errorCode: 400, errorKey: 'proto.payload', errorMessage: `token ${BOT} leaked`, method: 'POST /messages' });
      const outcome = await max.publish(channel(), text('x'), ctx('m-14'));
      expect(outcome).toMatchObject({ status: 'rejected', code: 'max:400' });
      expect(JSON.stringify(outcome)).not.toContain(BOT);
    });
  });

  describe('edit and remove', () => {
    it('edits the text in place and reads its link back', async () => {
      const sent = await published('Было');
      expect(await max.edit(channel(), sent.remoteId, text('**Стало**'), ctx('e-1'))).toEqual({ status: 'edited', remoteId: sent.remoteId, url: sent.url });
      expect((await posts())[0]).toMatchObject({ text: 'Стало', raw: '<b>Стало</b>', format: 'html' });
    });

    it('replaces the images on edit, and takes them away', async () => {
      const images = testImages(2);
      const sent = await max.publish(channel(), { text: 'Альбом', images: images.refs.slice(0, 1) }, ctx('e-2', images.loaded.slice(0, 1)));
      if (sent.status !== 'published') throw new Error(JSON.stringify(sent));
      expect((await max.edit(channel(), sent.remoteId, { text: 'Альбом', images: images.refs }, ctx('e-2', images.loaded))).status).toBe('edited');
      expect((await posts())[0].imageUrls).toHaveLength(2);
      expect((await max.edit(channel(), sent.remoteId, text('Без фото'), ctx('e-2'))).status).toBe('edited');
      expect((await posts())[0]).toMatchObject({ text: 'Без фото', imageUrls: [] });
    });

    it('refuses to edit a message that is gone', async () => {
      const sent = await published('Удалю');
      await max.remove(channel(), sent.remoteId);
      expect(await max.edit(channel(), sent.remoteId, text('x'), ctx('e-3'))).toMatchObject({ status: 'rejected', code: 'max:404' });
    });

    it('removes the message; a second remove finds it gone', async () => {
      const sent = await published('Временное');
      expect(await max.remove(channel(), sent.remoteId)).toEqual({ status: 'removed', alreadyGone: false });
      expect(await posts()).toHaveLength(0);
      expect(await max.remove(channel(), sent.remoteId)).toEqual({ status: 'removed', alreadyGone: true });
    });
  });

  describe('reconcile (GET /messages?chat_id=…&count=100)', () => {
    const since = () => new Date(Date.now() - 1000);

    it('finds the message a dropped answer left behind, with its mid and link', async () => {
      const sentAfter = since();
      await published('Другая новость');
      await sandbox.fault({ platform: 'max', kind: 'drop_after_store', method: 'POST /messages' });
      const content = text('**График** приёма граждан', 'https://gov.ru/g');
      expect(await max.publish(channel(), content, ctx('r-1'))).toMatchObject({ status: 'unconfirmed' });
      const stored = (await posts()).find((p) => p.text === 'График приёма граждан\n\nhttps://gov.ru/g');
      if (!stored) throw new Error('the dropped message was not stored');
      expect(await max.reconcile(channel(), { publicationId: 'r-1', content, sentAfter })).toEqual({
        status: 'found',
        remoteId: stored.id,
        url: `https://max.ru/city_news/${stored.id}`,
      });
    });

    it('answers absent when the lost request stored nothing', async () => {
      const sentAfter = since();
      await published('Другая новость');
      await sandbox.fault({ platform: 'max', kind: 'http', status: 502, method: 'POST /messages' });
      expect(await max.publish(channel(), text('Не дошло'), ctx('r-2'))).toMatchObject({ status: 'unconfirmed' });
      expect(await max.reconcile(channel(), { publicationId: 'r-2', content: text('Не дошло'), sentAfter })).toEqual({ status: 'absent' });
    });

    it('answers unknown when the channel cannot be read, and when two messages carry our text', async () => {
      await sandbox.fault({ platform: 'max', kind: 'http', status: 502, method: 'GET /messages' });
      expect(await max.reconcile(channel(), { publicationId: 'r-3', content: text('Что угодно'), sentAfter: since() })).toMatchObject({ status: 'unknown' });
      const sentAfter = since();
      await published('Дважды');
      await max.publish(channel(), text('Дважды'), ctx('r-4b'));
      expect(await max.reconcile(channel(), { publicationId: 'r-4b', content: text('Дважды'), sentAfter })).toMatchObject({ status: 'unknown' });
    });
  });
});
