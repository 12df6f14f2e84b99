import axios from 'axios';
import { OkAdapter, okSignature } from '@vestnik/platforms/ok';
import type { PostContent } from '@vestnik/platforms/rules';
import { closedPortUrl, startTestSandbox, TestSandbox, testImages } from './contract-kit';

const GID = '57000000000001';
const APP = { applicationKey: 'CBAOKAPPKEY', applicationSecretKey: 'OK-APP-SECRET-0001' };
const ADMIN = 'ok-admin-long-token-0001';
const MEMBER = 'ok-member-long-token-0002';
const EXPIRED = 'ok-expired-long-token-0003';

describe('OkAdapter against the sandbox', () => {
  let sandbox: TestSandbox;
  let ok: OkAdapter;
  const channel = (accessToken = ADMIN) => ({ platform: 'ok' as const, target: GID, credentials: { accessToken } });
  const text = (t: string, link?: string): PostContent => ({ text: t, images: [], link });
  const ctx = (publicationId: string, images: ReturnType<typeof testImages>['loaded'] = []) => ({ publicationId, images });

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    ok = new OkAdapter({ apiUrl: `${sandbox.url}/ok/fb.do`, ...APP, timeoutMs: 3000 });
  });
  afterAll(() => sandbox.close());

  beforeEach(async () => {
    await sandbox.reset();
    await sandbox.seed({
      ok: {
        app: APP,
        groups: [{ gid: GID, name: 'Администрация района' }],
        tokens: [
          { token: ADMIN, uid: '5001', name: 'Анна Админова', roles: { [GID]: 'ADMIN' } },
          { token: MEMBER, uid: '5002', name: 'Иван Участников', roles: { [GID]: 'ACTIVE' } },
          { token: EXPIRED, uid: '5003', name: 'Пётр Просроченный', roles: { [GID]: 'ADMIN' }, expired: true },
        ],
      },
    });
  });

  describe('verify', () => {
    it('names the group and the admin, and allows posting', async () => {
      expect(await ok.verify(channel())).toMatchObject({ ok: true, canPost: true, displayName: 'Администрация района', resolvedTargetId: GID, actor: 'Анна Админова' });
    });

    it('refuses posting for an ordinary member', async () => {
      const result = await ok.verify(channel(MEMBER));
      expect(result).toMatchObject({ ok: true, canPost: false });
      expect(result.reason).toContain('ACTIVE');
    });

    it('reports an expired token as needing a person (error 102)', async () => {
      expect(await ok.verify(channel(EXPIRED))).toMatchObject({ ok: false, failure: { status: 'auth_expired', refreshable: false, platformCode: '102' } });
    });
  });

  describe('publish', () => {
    it('posts a GROUP_THEME topic with plain text and the link', async () => {
      const outcome = await ok.publish(channel(), text('**Важно**: [график](https://gov.ru/g)', 'https://gov.ru/news'), ctx('p-1'));
      expect(outcome).toEqual({ status: 'published', remoteId: '70000000001', url: `https://ok.ru/group/${GID}/topic/70000000001` });
      const [topic] = await sandbox.posts('ok', GID);
      expect(topic).toMatchObject({ text: 'Важно: график (https://gov.ru/g)', link: 'https://gov.ru/news' });
    });

    it('runs the photo upload flow (one multipart POST, pic1..picN) and attaches the tokens', async () => {
      const images = testImages(3);
      const outcome = await ok.publish(channel(), { text: 'Фотоотчёт', images: images.refs }, ctx('p-2', images.loaded));
      expect(outcome.status).toBe('published');
      const [topic] = await sandbox.posts('ok', GID);
      expect(topic.imageUrls).toHaveLength(3);
    });

    it('answers unconfirmed (not retry-safe) when the connection drops after the topic was stored', async () => {
      await sandbox.fault({ platform: 'ok', kind: 'drop_after_store', method: 'mediatopic.post' });
      expect(await ok.publish(channel(), text('Оборвалось'), ctx('p-3'))).toMatchObject({ status: 'unconfirmed', retrySafe: false });
      expect(await sandbox.posts('ok', GID)).toHaveLength(1);
    });

    it('is refused with error 104 when the application secret is wrong', async () => {
      const wrong = new OkAdapter({ apiUrl: `${sandbox.url}/ok/fb.do`, applicationKey: APP.applicationKey, applicationSecretKey: 'WRONG', timeoutMs: 3000 });
      const outcome = await wrong.publish(channel(), text('x'), ctx('p-4'));
      expect(outcome).toMatchObject({ status: 'rejected', code: 'ok:104' });
      expect(JSON.stringify(outcome)).not.toContain(ADMIN);
    });

    it('maps the platform errors to outcomes', async () => {
      const cases: Array<[number, string]> = [
        [454, 'rejected'],
        [8, 'rate_limited'],
        [2, 'unconfirmed'],
        [600, 'rejected'],
        [200, 'auth_expired'],
      ];
      for (const [errorCode, status] of cases) {
        await sandbox.fault({ platform: 'ok', kind: 'error', errorCode, errorMessage: `INJECTED : ${errorCode}`, method: 'mediatopic.post' });
        const outcome = await ok.publish(channel(), text('x'), ctx(`p-e${errorCode}`));
        expect({ errorCode, status: outcome.status }).toEqual({ errorCode, status });
      }
      expect(await sandbox.posts('ok', GID)).toHaveLength(0);
    });

    it('is transient when the upload URL request fails or OK is unreachable', async () => {
      const images = testImages(1);
      await sandbox.fault({ platform: 'ok', kind: 'http', status: 503, method: 'photosV2.getUploadUrl' });
      expect((await ok.publish(channel(), { text: 'x', images: images.refs }, ctx('p-5', images.loaded))).status).toBe('transient');
      const offline = new OkAdapter({ apiUrl: `${await closedPortUrl()}/ok/fb.do`, ...APP, timeoutMs: 1000 });
      expect((await offline.publish(channel(), text('x'), ctx('p-6'))).status).toBe('transient');
    });

    it('refuses a group it may not post to', async () => {
      expect(await ok.publish(channel(MEMBER), text('x'), ctx('p-7'))).toMatchObject({ status: 'rejected', code: 'ok:10' });
    });
  });

  describe('reconcile (mediatopic.getTopics)', () => {
    const since = () => new Date(Date.now() - 1000);

    it('finds the topic a dropped answer left behind, with its id and URL', async () => {
      const sentAfter = since();
      await sandbox.fault({ platform: 'ok', kind: 'drop_after_store', method: 'mediatopic.post' });
      expect(await ok.publish(channel(), text('График приёма граждан'), ctx('r-1'))).toMatchObject({ status: 'unconfirmed' });
      const [stored] = await sandbox.posts('ok', GID);
      expect(await ok.reconcile(channel(), { publicationId: 'r-1', content: text('График приёма граждан'), sentAfter })).toEqual({
        status: 'found',
        remoteId: stored.id,
        url: `https://ok.ru/group/${GID}/topic/${stored.id}`,
      });
    });

    it('answers absent when the lost request stored nothing', async () => {
      const sentAfter = since();
      await ok.publish(channel(), text('Другая новость'), ctx('r-2a'));
      await sandbox.fault({ platform: 'ok', kind: 'http', status: 502, method: 'mediatopic.post' });
      expect(await ok.publish(channel(), text('Не дошло'), ctx('r-2'))).toMatchObject({ status: 'unconfirmed' });
      expect(await ok.reconcile(channel(), { publicationId: 'r-2', content: text('Не дошло'), sentAfter })).toEqual({ status: 'absent' });
    });

    it('answers unknown when the feed cannot be read, and when two topics carry our text', async () => {
      await sandbox.fault({ platform: 'ok', kind: 'http', status: 502, method: 'mediatopic.getTopics' });
      expect(await ok.reconcile(channel(), { publicationId: 'r-3', content: text('Что угодно'), sentAfter: since() })).toMatchObject({ status: 'unknown' });
      const sentAfter = since();
      await ok.publish(channel(), text('Дважды'), ctx('r-4a'));
      await ok.publish(channel(), text('Дважды'), ctx('r-4b'));
      expect(await ok.reconcile(channel(), { publicationId: 'r-4b', content: text('Дважды'), sentAfter })).toMatchObject({ status: 'unknown' });
    });

    it('is signed and refuses parameters OK does not know, like every method', async () => {
      const params: Record<string, string> = { application_key: APP.applicationKey, format: 'json', method: 'mediatopic.getTopics', gid: GID, count: '5', since: '0' };
      params['sig'] = okSignature(params, ADMIN, APP.applicationSecretKey);
      const refused = await axios.post(`${sandbox.url}/ok/fb.do`, new URLSearchParams({ ...params, access_token: ADMIN }).toString(), { proxy: false });
      expect(refused.data).toMatchObject({ error_code: 100, error_msg: 'PARAM : Unknown parameter since for mediatopic.getTopics' });
      const unsigned = await axios.post(`${sandbox.url}/ok/fb.do`, new URLSearchParams({ ...params, sig: 'x', access_token: ADMIN }).toString(), { proxy: false });
      expect(unsigned.data).toMatchObject({ error_code: 104 });
    });
  });

  describe('edit and remove', () => {
    it('edits the topic, removes it, and a second remove finds it gone', async () => {
      const published = await ok.publish(channel(), text('Черновик'), ctx('p-8'));
      if (published.status !== 'published') throw new Error(JSON.stringify(published));
      expect(await ok.edit(channel(), published.remoteId, text('Исправлено'), ctx('p-8'))).toMatchObject({ status: 'edited' });
      expect((await sandbox.posts('ok', GID))[0]).toMatchObject({ text: 'Исправлено' });
      expect(await ok.remove(channel(), published.remoteId)).toEqual({ status: 'removed', alreadyGone: false });
      expect(await ok.remove(channel(), published.remoteId)).toEqual({ status: 'removed', alreadyGone: true });
    });
  });
});
