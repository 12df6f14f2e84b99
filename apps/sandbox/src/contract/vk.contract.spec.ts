import { VkAdapter } from '@vestnik/platforms/vk';
import type { PostContent } from '@vestnik/platforms/rules';
import { closedPortUrl, startTestSandbox, TestSandbox, testImages } from './contract-kit';

const GROUP_ID = 101;
const ADMIN = 'vk1.a.admin-token-0001';
const EDITOR_WITHOUT_RIGHTS = 'vk1.a.member-token-0002';
const COMMUNITY_TOKEN = 'vk1.g.community-token-0003';
const REFRESH = 'vk2.r.refresh-token-0001';
const CLIENT_ID = '5555555';

describe('VkAdapter against the sandbox', () => {
  let sandbox: TestSandbox;
  let vk: VkAdapter;
  const channel = (accessToken = ADMIN, target = String(GROUP_ID)) => ({
    platform: 'vk' as const,
    target,
    credentials: { accessToken, refreshToken: REFRESH, deviceId: 'device-1' },
  });
  const text = (t: string): PostContent => ({ text: t, images: [] });
  const ctx = (publicationId: string, images: ReturnType<typeof testImages>['loaded'] = []) => ({ publicationId, images });

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    vk = new VkAdapter({ apiUrl: `${sandbox.url}/vk/method`, idUrl: `${sandbox.url}/vk-id`, clientId: CLIENT_ID, timeoutMs: 3000 });
  });
  afterAll(() => sandbox.close());

  beforeEach(async () => {
    await sandbox.reset();
    await sandbox.seed({
      vk: {
        communities: [{ id: GROUP_ID, name: 'Администрация города', screenName: 'city_admin' }],
        tokens: [
          { token: ADMIN, userId: 1, adminOf: [{ groupId: GROUP_ID, level: 3 }], expiresInSeconds: 3600, refreshToken: REFRESH, deviceId: 'device-1', clientId: CLIENT_ID },
          { token: EDITOR_WITHOUT_RIGHTS, userId: 2, adminOf: [{ groupId: GROUP_ID, level: 1 }] },
          { token: COMMUNITY_TOKEN, userId: 0, type: 'group', groupId: GROUP_ID },
        ],
      },
    });
  });

  describe('verify', () => {
    it('names the community, resolves a screen name and allows an administrator to post', async () => {
      const result = await vk.verify(channel(ADMIN, 'city_admin'));
      expect(result).toMatchObject({ ok: true, canPost: true, displayName: 'Администрация города', resolvedTargetId: '101', actor: 'id1' });
      expect(result.tokenExpiresAt).toBeUndefined();
    });

    it('refuses posting for a moderator, with the reason', async () => {
      const result = await vk.verify(channel(EDITOR_WITHOUT_RIGHTS));
      expect(result).toMatchObject({ ok: true, canPost: false });
      expect(result.reason).toContain('не администратор');
    });

    it('spots a community token through the photo upload (error 27)', async () => {
      const result = await vk.verify(channel(COMMUNITY_TOKEN));
      expect(result).toMatchObject({ ok: true, canPost: false, failure: { status: 'auth_expired', refreshable: false, platformCode: '27' } });
    });
  });

  describe('publish', () => {
    it('posts plain text with links written out, from the community', async () => {
      const outcome = await vk.publish(channel(), text('**Приём** граждан: [запись](https://gov.ru/z)'), ctx('pub-1'));
      expect(outcome).toEqual({ status: 'published', remoteId: '-101_1', url: 'https://vk.com/wall-101_1' });
      const [post] = await sandbox.posts('vk', '101');
      expect(post.text).toBe('Приём граждан: запись (https://gov.ru/z)');
    });

    it('runs the photo upload flow and attaches photos and the link', async () => {
      const images = testImages(2);
      const outcome = await vk.publish(channel(), { text: 'С фото', images: images.refs, link: 'https://gov.ru/news/1' }, ctx('pub-2', images.loaded));
      expect(outcome.status).toBe('published');
      const [post] = await sandbox.posts('vk', '101');
      expect(post.attachments).toEqual(['photo-101_1', 'photo-101_2', 'https://gov.ru/news/1']);
      expect(post.imageUrls).toHaveLength(2);
      expect(post.link).toBe('https://gov.ru/news/1');
    });

    it('sends the same guid for the same publication, so a repeat makes no second post', async () => {
      const first = await vk.publish(channel(), text('Один раз'), ctx('pub-3'));
      const again = await vk.publish(channel(), text('Один раз'), ctx('pub-3'));
      expect(again).toEqual(first);
      expect(await sandbox.posts('vk', '101')).toHaveLength(1);
    });

    it('answers unconfirmed (retry-safe) when the connection drops after the post was stored', async () => {
      await sandbox.fault({ platform: 'vk', kind: 'drop_after_store', method: 'wall.post' });
      const outcome = await vk.publish(channel(), text('Оборванное соединение'), ctx('pub-4'));
      expect(outcome).toMatchObject({ status: 'unconfirmed', retrySafe: true });
      expect(await sandbox.posts('vk', '101')).toHaveLength(1);
      const retry = await vk.publish(channel(), text('Оборванное соединение'), ctx('pub-4'));
      expect(retry).toMatchObject({ status: 'published', remoteId: '-101_1' });
      expect(await sandbox.posts('vk', '101')).toHaveLength(1);
    });

    it('answers unconfirmed on a timeout after sending and on a 5xx from wall.post', async () => {
      await sandbox.fault({ platform: 'vk', kind: 'http', status: 502, method: 'wall.post' });
      expect(await vk.publish(channel(), text('x'), ctx('pub-5'))).toMatchObject({ status: 'unconfirmed', retrySafe: true });
      await sandbox.fault({ platform: 'vk', kind: 'delay', delayMs: 1500, method: 'wall.post' });
      const slow = await vk.publish(channel(), text('y'), { ...ctx('pub-6'), timeoutMs: 200 });
      expect(slow).toMatchObject({ status: 'unconfirmed', retrySafe: true });
      expect(slow.status === 'unconfirmed' && slow.reason).toContain('не ответил вовремя');
    });

    it('is transient when photo upload fails: no post can exist yet', async () => {
      const images = testImages(1);
      await sandbox.fault({ platform: 'vk', kind: 'http', status: 503, method: 'photos.getWallUploadServer' });
      const outcome = await vk.publish(channel(), { text: 'x', images: images.refs }, ctx('pub-7', images.loaded));
      expect(outcome.status).toBe('transient');
      expect(await sandbox.posts('vk', '101')).toHaveLength(0);
    });

    it('is transient when the platform cannot be reached', async () => {
      const offline = new VkAdapter({ apiUrl: `${await closedPortUrl()}/vk/method`, timeoutMs: 1000 });
      expect((await offline.publish(channel(), text('x'), ctx('pub-8'))).status).toBe('transient');
    });

    it('paces a multi-photo post under 3 requests a second, so the sandbox never answers error 6', async () => {
      const images = testImages(4);
      const outcome = await vk.publish(channel(), { text: 'Четыре фото', images: images.refs }, ctx('pub-paced', images.loaded));
      expect(outcome.status).toBe('published');
      expect((await sandbox.posts('vk', '101'))[0].imageUrls).toHaveLength(4);
    });

    it('maps error 6 to rate_limited with a one-second wait', async () => {
      await sandbox.freezeClock();
      for (const id of ['a', 'b', 'c']) expect((await vk.publish(channel(), text(id), ctx(`rl-${id}`))).status).toBe('published');
      const outcome = await vk.publish(channel(), text('d'), ctx('rl-d'));
      expect(outcome).toMatchObject({ status: 'rate_limited', retryAfterSeconds: 1, platformCode: '6' });
      await sandbox.advanceClock(1);
      expect((await vk.publish(channel(), text('d'), ctx('rl-d'))).status).toBe('published');
    });

    it('enforces 50 posts a day per community (error 214) as a rate limit', async () => {
      // The sandbox clock moves a second per post, so the adapter's own pacing is not needed here.
      const unpaced = new VkAdapter({ apiUrl: `${sandbox.url}/vk/method`, timeoutMs: 3000, paced: false });
      await sandbox.freezeClock();
      for (let i = 0; i < 50; i++) {
        expect((await unpaced.publish(channel(), text(`Запись ${i}`), ctx(`day-${i}`))).status).toBe('published');
        await sandbox.advanceClock(1);
      }
      const outcome = await unpaced.publish(channel(), text('51'), ctx('day-51'));
      expect(outcome).toMatchObject({ status: 'rate_limited', retryAfterSeconds: 3600, platformCode: '214' });
    });

    it('maps platform refusals with the reason in plain words', async () => {
      await sandbox.seed({ vk: { communities: [{ id: GROUP_ID, name: 'Администрация города', screenName: 'city_admin', linksForbidden: true }] } });
      const outcome = await vk.publish(channel(), { text: 'см.', images: [], link: 'https://gov.ru' }, ctx('pub-9'));
      expect(outcome).toMatchObject({ status: 'rejected', code: 'vk:222', platformMessage: 'Hyperlinks are forbidden' });
      await sandbox.fault({ platform: 'vk', kind: 'error', errorCode: 14, errorMessage: 'Captcha needed', method: 'wall.post' });
      expect(await vk.publish(channel(), text('x'), ctx('pub-10'))).toMatchObject({ status: 'rejected', code: 'vk:14' });
      await sandbox.fault({ platform: 'vk', kind: 'error', errorCode: 9, errorMessage: 'Flood control', method: 'wall.post' });
      expect(await vk.publish(channel(), text('x'), ctx('pub-11'))).toMatchObject({ status: 'rate_limited', platformCode: '9' });
    });

    it('refuses content VK would refuse before sending anything', async () => {
      const outcome = await vk.publish(channel(), text('я'.repeat(16000)), ctx('pub-12'));
      expect(outcome).toMatchObject({ status: 'rejected', code: 'content:text_too_long' });
      expect(await sandbox.posts('vk', '101')).toHaveLength(0);
    });
  });

  describe('expired tokens and refresh', () => {
    it('reports an expired token as refreshable, refreshes it, and the old refresh token is refused on reuse', async () => {
      await sandbox.expireVkToken(ADMIN);
      const expired = await vk.publish(channel(), text('x'), ctx('pub-13'));
      expect(expired).toMatchObject({ status: 'auth_expired', refreshable: true, platformCode: '5' });

      const refreshed = await vk.refreshAccessToken(channel().credentials);
      if (refreshed.status !== 'refreshed') throw new Error(`refresh failed: ${JSON.stringify(refreshed)}`);
      expect(refreshed.credentials.refreshToken).not.toBe(REFRESH);
      expect(refreshed.credentials.userId).toBe('1');
      expect(Date.parse(refreshed.credentials.expiresAt)).toBeGreaterThan(Date.now());

      const renewed = { ...channel(), credentials: refreshed.credentials };
      expect((await vk.publish(renewed, text('x'), ctx('pub-13'))).status).toBe('published');

      const reuse = await vk.refreshAccessToken(channel().credentials);
      expect(reuse).toMatchObject({ status: 'auth_expired', refreshable: false, platformCode: 'invalid_grant' });
      expect((await vk.refreshAccessToken(refreshed.credentials)).status).toBe('refreshed');
    });

    it('answers unconfirmed when the refresh answer is lost (the old token may be spent)', async () => {
      await sandbox.fault({ platform: 'vk-id', kind: 'drop_after_store' });
      expect(await vk.refreshAccessToken(channel().credentials)).toMatchObject({ status: 'unconfirmed', retrySafe: false });
      expect(await vk.refreshAccessToken(channel().credentials)).toMatchObject({ status: 'auth_expired', refreshable: false });
    });

    it('cannot refresh without a refresh token', async () => {
      expect(await vk.refreshAccessToken({ accessToken: ADMIN })).toMatchObject({ status: 'auth_expired', refreshable: false });
    });
  });

  describe('edit and remove', () => {
    it('edits text and photos in place, then removes; a second remove finds it gone', async () => {
      const published = await vk.publish(channel(), text('Черновик'), ctx('pub-14'));
      if (published.status !== 'published') throw new Error('publish failed');
      const images = testImages(1);
      const edited = await vk.edit(channel(), published.remoteId, { text: 'Исправлено', images: images.refs }, ctx('pub-14', images.loaded));
      expect(edited).toMatchObject({ status: 'edited', remoteId: '-101_1' });
      const [post] = await sandbox.posts('vk', '101');
      expect(post).toMatchObject({ text: 'Исправлено', attachments: ['photo-101_1'] });
      expect(post.editedAt).toBeDefined();

      expect(await vk.remove(channel(), published.remoteId)).toEqual({ status: 'removed', alreadyGone: false });
      expect(await sandbox.posts('vk', '101')).toHaveLength(0);
      expect(await vk.remove(channel(), published.remoteId)).toEqual({ status: 'removed', alreadyGone: true });
    });
  });

  it('never puts a token into any outcome', async () => {
    await sandbox.expireVkToken(ADMIN);
    const outcomes = [await vk.publish(channel(), text('x'), ctx('s-1')), await vk.verify(channel(COMMUNITY_TOKEN)), await vk.refreshAccessToken({ ...channel().credentials, refreshToken: 'vk2.r.unknown-token' })];
    const serialized = JSON.stringify(outcomes);
    for (const secret of [ADMIN, COMMUNITY_TOKEN, REFRESH, 'vk2.r.unknown-token']) expect(serialized).not.toContain(secret);
  });
});
