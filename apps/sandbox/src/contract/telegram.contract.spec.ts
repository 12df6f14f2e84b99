import { parseTelegramRemoteId, TelegramAdapter } from '@vestnik/platforms/telegram';
import type { PostContent } from '@vestnik/platforms/rules';
import { closedPortUrl, startTestSandbox, TestSandbox, testImages } from './contract-kit';

const BOT = '123456:AAH-vestnik-test-token';
const OTHER_BOT = '654321:AAH-other-test-token';
const NEWS = -1001000000001;
const NO_RIGHTS = -1001000000002;
const FOREIGN = -1001000000003;

describe('TelegramAdapter against the sandbox', () => {
  let sandbox: TestSandbox;
  let tg: TelegramAdapter;
  const channel = (target = '@city_news', botToken = BOT) => ({ platform: 'telegram' as const, target, credentials: { botToken } });
  const text = (t: string, link?: string): PostContent => ({ text: t, images: [], link });
  const ctx = (publicationId: string, images: ReturnType<typeof testImages>['loaded'] = []) => ({ publicationId, images });

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    tg = new TelegramAdapter({ apiUrl: `${sandbox.url}/telegram`, timeoutMs: 3000 });
  });
  afterAll(() => sandbox.close());

  beforeEach(async () => {
    await sandbox.reset();
    await sandbox.seed({
      telegram: {
        bots: [
          { token: BOT, id: 123456, username: 'vestnik_bot', firstName: 'Вестник' },
          { token: OTHER_BOT, id: 654321, username: 'other_bot' },
        ],
        channels: [
          { id: NEWS, username: 'city_news', title: 'Новости города', members: [{ botId: 123456, status: 'administrator', canPostMessages: true }] },
          { id: NO_RIGHTS, title: 'Закрытый канал', members: [{ botId: 123456, status: 'administrator', canPostMessages: false }] },
          { id: FOREIGN, username: 'foreign', title: 'Чужой канал', members: [{ botId: 654321, status: 'administrator' }] },
        ],
      },
    });
  });

  describe('verify', () => {
    it('resolves @username to the numeric id and checks can_post_messages', async () => {
      expect(await tg.verify(channel())).toMatchObject({ ok: true, canPost: true, displayName: 'Новости города', resolvedTargetId: String(NEWS), actor: '@vestnik_bot' });
    });

    it('refuses an administrator without can_post_messages', async () => {
      const result = await tg.verify(channel(String(NO_RIGHTS)));
      expect(result).toMatchObject({ ok: true, canPost: false });
      expect(result.reason).toContain('can_post_messages');
    });

    it('refuses a channel the bot is not an administrator of', async () => {
      const result = await tg.verify(channel('@foreign'));
      expect(result).toMatchObject({ ok: true, canPost: false });
      expect(result.reason).toContain('не администратор');
    });

    it('reports a revoked bot token as auth_expired', async () => {
      expect(await tg.verify(channel('@city_news', '999:revoked-token-abc'))).toMatchObject({ ok: false, failure: { status: 'auth_expired', refreshable: false } });
    });
  });

  describe('publish', () => {
    it('sends text as HTML with exact escaping', async () => {
      const outcome = await tg.publish(channel(), text('**Итоги**: 2 < 3 && 5 > 4 [подробнее](https://gov.ru/?a=1&b=2)'), ctx('t-1'));
      expect(outcome).toMatchObject({ status: 'published', remoteId: `${NEWS}:t1`, url: 'https://t.me/city_news/1' });
      const [message] = await sandbox.posts('telegram', '@city_news');
      expect(message.text).toBe('Итоги: 2 < 3 && 5 > 4 подробнее');
      expect(message.html).toContain('<b>Итоги</b>: 2 &lt; 3 &amp;&amp; 5 &gt; 4 <a href="https://gov.ru/?a=1&amp;b=2"');
    });

    it('sends one photo with the caption', async () => {
      const images = testImages(1);
      const outcome = await tg.publish(channel(), { text: 'Подпись', images: images.refs }, ctx('t-2', images.loaded));
      expect(outcome).toMatchObject({ status: 'published', remoteId: `${NEWS}:p1` });
      const [message] = await sandbox.posts('telegram', '@city_news');
      expect(message).toMatchObject({ text: 'Подпись', imageUrls: [expect.stringMatching(/^\/images\//)] });
    });

    it('sends a media group with the caption on the first item', async () => {
      const images = testImages(3);
      const outcome = await tg.publish(channel(), { text: 'Альбом', images: images.refs }, ctx('t-3', images.loaded));
      expect(outcome).toMatchObject({ status: 'published', remoteId: `${NEWS}:p1,p2,p3` });
      const messages = await sandbox.posts('telegram', '@city_news');
      expect(messages.map((m) => m.text)).toEqual(['Альбом', '', '']);
      expect(new Set(messages.map((m) => m.mediaGroupId)).size).toBe(1);
    });

    it('sends long text with media as the media plus a follow-up message', async () => {
      const images = testImages(2);
      const long = 'Длинный текст. '.repeat(100).trim();
      const outcome = await tg.publish(channel(), { text: long, images: images.refs }, ctx('t-4', images.loaded));
      expect(outcome).toMatchObject({ status: 'published', remoteId: `${NEWS}:p1,p2,t3`, url: 'https://t.me/city_news/1' });
      const messages = await sandbox.posts('telegram', '@city_news');
      expect(messages.map((m) => m.text)).toEqual(['', '', long]);
    });

    it('reports a follow-up that failed as a note on published, never as a failure to retry', async () => {
      const images = testImages(1);
      await sandbox.fault({ platform: 'telegram', kind: 'http', status: 502, method: 'sendMessage' });
      const outcome = await tg.publish(channel(), { text: 'я'.repeat(1500), images: images.refs }, ctx('t-5', images.loaded));
      expect(outcome).toMatchObject({ status: 'published', remoteId: `${NEWS}:p1` });
      expect(outcome.status === 'published' && outcome.note).toContain('неизвестно, отправлен ли текст');
    });

    it('surfaces 20 messages a minute per channel as rate_limited with retry_after', async () => {
      await sandbox.freezeClock();
      for (let i = 0; i < 20; i++) expect((await tg.publish(channel(), text(`Сообщение ${i}`), ctx(`rl-${i}`))).status).toBe('published');
      const limited = await tg.publish(channel(), text('21-е'), ctx('rl-20'));
      expect(limited).toMatchObject({ status: 'rate_limited', retryAfterSeconds: 60, platformCode: '429' });
      await sandbox.advanceClock(30);
      expect(await tg.publish(channel(), text('21-е'), ctx('rl-20'))).toMatchObject({ status: 'rate_limited', retryAfterSeconds: 30 });
      await sandbox.advanceClock(30);
      expect((await tg.publish(channel(), text('21-е'), ctx('rl-20'))).status).toBe('published');
    });

    it('surfaces 30 messages a second per bot as rate_limited, across its channels', async () => {
      const others = [NEWS - 10, NEWS - 11, NEWS - 12];
      await sandbox.seed({ telegram: { channels: others.map((id, i) => ({ id, title: `Канал ${i}`, members: [{ botId: 123456, status: 'administrator', canPostMessages: true }] })) } });
      await sandbox.freezeClock();
      for (let i = 0; i < 30; i++) expect((await tg.publish(channel(String(others[i % 2])), text(`Сообщение ${i}`), ctx(`bot-${i}`))).status).toBe('published');
      const limited = await tg.publish(channel(String(others[2])), text('31-е'), ctx('bot-30'));
      expect(limited).toMatchObject({ status: 'rate_limited', retryAfterSeconds: 1, platformCode: '429' });
      await sandbox.advanceClock(1);
      expect((await tg.publish(channel(String(others[2])), text('31-е'), ctx('bot-30'))).status).toBe('published');
    });

    it('answers unconfirmed when the connection drops after the message was stored, and the channel holds one message', async () => {
      await sandbox.fault({ platform: 'telegram', kind: 'drop_after_store', method: 'sendMessage' });
      expect(await tg.publish(channel(), text('Оборвалось'), ctx('t-6'))).toMatchObject({ status: 'unconfirmed', retrySafe: false });
      expect(await sandbox.posts('telegram', '@city_news')).toHaveLength(1);
    });

    it('maps 5xx to unconfirmed, 403 to rejected and an unreachable API to transient', async () => {
      await sandbox.fault({ platform: 'telegram', kind: 'http', status: 500, method: 'sendMessage' });
      expect((await tg.publish(channel(), text('x'), ctx('t-7'))).status).toBe('unconfirmed');
      expect(await tg.publish(channel('@foreign'), text('x'), ctx('t-8'))).toMatchObject({ status: 'rejected', code: 'telegram:403' });
      const offline = new TelegramAdapter({ apiUrl: `${await closedPortUrl()}/telegram`, timeoutMs: 1000 });
      expect((await offline.publish(channel(), text('x'), ctx('t-9'))).status).toBe('transient');
    });

    it('keeps the bot token out of every outcome', async () => {
      await sandbox.fault({ platform: 'telegram', kind: 'error', errorCode: 400, errorMessage: `Bad Request: token ${BOT} leaked`, method: 'sendMessage' });
      const outcome = await tg.publish(channel(), text('x'), ctx('t-10'));
      expect(outcome.status).toBe('rejected');
      expect(JSON.stringify(outcome)).not.toContain('AAH-vestnik-test-token');
    });
  });

  describe('edit and remove', () => {
    it('edits a text message; editing to the same text is still edited', async () => {
      const published = await tg.publish(channel(), text('Было'), ctx('t-11'));
      if (published.status !== 'published') throw new Error(JSON.stringify(published));
      expect(await tg.edit(channel(), published.remoteId, text('Стало'), ctx('t-11'))).toMatchObject({ status: 'edited' });
      expect(await tg.edit(channel(), published.remoteId, text('Стало'), ctx('t-11'))).toMatchObject({ status: 'edited' });
      expect((await sandbox.posts('telegram', '@city_news'))[0].text).toBe('Стало');
    });

    it('edits a caption, and refuses changing the set of photos', async () => {
      const images = testImages(2);
      const published = await tg.publish(channel(), { text: 'Подпись', images: images.refs }, ctx('t-12', images.loaded));
      if (published.status !== 'published') throw new Error(JSON.stringify(published));
      expect(await tg.edit(channel(), published.remoteId, { text: 'Новая подпись', images: images.refs }, ctx('t-12', images.loaded))).toMatchObject({ status: 'edited' });
      expect((await sandbox.posts('telegram', '@city_news'))[0].text).toBe('Новая подпись');
      expect(await tg.edit(channel(), published.remoteId, { text: 'x', images: images.refs.slice(0, 1) }, ctx('t-12'))).toMatchObject({
        status: 'rejected',
        code: 'telegram:media_change',
      });
    });

    it('removes every message of the publication; a second remove finds them gone', async () => {
      const images = testImages(2);
      const published = await tg.publish(channel(), { text: 'т'.repeat(1100), images: images.refs }, ctx('t-13', images.loaded));
      if (published.status !== 'published') throw new Error(JSON.stringify(published));
      expect(parseTelegramRemoteId(published.remoteId)?.messages).toHaveLength(3);
      expect(await tg.remove(channel(), published.remoteId)).toEqual({ status: 'removed', alreadyGone: false });
      expect(await sandbox.posts('telegram', '@city_news')).toHaveLength(0);
      expect(await tg.remove(channel(), published.remoteId)).toEqual({ status: 'removed', alreadyGone: true });
    });
  });
});
