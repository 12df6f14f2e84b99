import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import type { ChannelView, PostView } from '@vestnik/contracts';
import { SECRET_BOX, SecretBox } from '@vestnik/server/persistence';
import { openChannelCredentials } from '@vestnik/server/channels';
import { PublicationEvent, PublishingEvents, PublishingWorker } from '@vestnik/server/publishing';
import { createMember, localDateTime } from '../testing/factories';
import { startSandboxProcess, SandboxProcess } from '../testing/sandbox-process';
import { bearer, setupRoot, startTestServer, TestServer } from '../testing/test-server';

const VK_TOKEN = 'vk1.a.publishing-admin-token';
const VK_REFRESH = 'vk1.r.publishing-refresh-token';
const BOT = '777001:AApublishing-bot-token-000000';
const OK_TOKEN = 'ok-publishing-token';

interface Feed {
  posts: { id: string; text: string; guid?: string }[];
}

describe('publishing engine: every outcome path', () => {
  let sandbox: SandboxProcess;
  let server: TestServer;
  let admin: string;
  let rootId: string;
  let supervisor: string;
  let vk: ChannelView;
  let tg: ChannelView;
  let ok: ChannelView;
  let worker: PublishingWorker;
  /** Every publication event the engine announced, in order. */
  const announced: PublicationEvent[] = [];

  const feed = async (platform: string, target: string) => ((await (await fetch(`${sandbox.url}/control/posts/${platform}/${encodeURIComponent(target)}`)).json()) as Feed).posts;
  const publication = async (postId: string) => (await server.db.dataSource.query(`SELECT * FROM publications WHERE post_id = $1`, [postId]))[0];
  const postStatus = async (postId: string) => (await server.db.dataSource.query(`SELECT status FROM posts WHERE id = $1`, [postId]))[0].status as string;

  /** An approved post for one channel, made due now (the worker takes publications whose next attempt has come). */
  const approvedDue = async (channel: ChannelView, text = `Новость ${randomBytes(4).toString('hex')}`): Promise<PostView> => {
    const created = await server.http.post('/api/v1/posts').set(bearer(admin)).send({ organizationId: rootId, rubric: 'official', text, channelIds: [channel.id], scheduledAt: localDateTime(1) }).expect(201);
    await server.http.post(`/api/v1/posts/${created.body.id}/submit`).set(bearer(admin)).expect(200);
    await server.http.post(`/api/v1/posts/${created.body.id}/approve`).set(bearer(supervisor)).expect(200);
    await server.db.dataSource.query(`UPDATE publications SET next_attempt_at = now() WHERE post_id = $1`, [created.body.id]);
    return created.body;
  };
  const fault = (spec: Record<string, unknown>) => sandbox.control('/faults', spec);

  beforeAll(async () => {
    sandbox = await startSandboxProcess();
    await sandbox.control('/seed', {
      vk: { communities: [{ id: 2001, name: 'Администрация района' }], tokens: [{ token: VK_TOKEN, userId: 5, adminOf: [{ groupId: 2001 }], refreshToken: VK_REFRESH, deviceId: 'dev-9', clientId: '5000', expiresInSeconds: 3600 }] },
      ok: { app: { applicationKey: 'CBKEY', applicationSecretKey: 'ok-secret' }, groups: [{ gid: '7700', name: 'Дом культуры' }], tokens: [{ token: OK_TOKEN, uid: '1', name: 'Админ', roles: { '7700': 'ADMIN' } }] },
      telegram: { bots: [{ token: BOT, id: 777001, username: 'district_bot' }], channels: [{ id: -100777, username: 'district', title: 'Район', members: [{ botId: 777001, status: 'administrator', canPostMessages: true }] }] },
    });
    await sandbox.control('/rate-limits', { enabled: false }, 'PUT');
    server = await startTestServer({ ...sandbox.env, VK_CLIENT_ID: '5000', OK_APPLICATION_KEY: 'CBKEY', OK_APPLICATION_SECRET_KEY: 'ok-secret', PUBLISH_MAX_ATTEMPTS: '3' });
    const setup = await setupRoot(server);
    admin = setup.accessToken;
    rootId = setup.user.memberships[0].organizationId;
    supervisor = (await createMember(server, admin, rootId, 'supervisor')).token;
    const connect = async (body: Record<string, unknown>) => (await server.http.post('/api/v1/channels').set(bearer(admin)).send({ organizationId: rootId, ...body }).expect(201)).body as ChannelView;
    vk = await connect({ platform: 'vk', name: 'ВК района', target: '2001', credentials: { accessToken: VK_TOKEN, refreshToken: VK_REFRESH, deviceId: 'dev-9' } });
    tg = await connect({ platform: 'telegram', name: 'Телеграм района', target: '@district', credentials: { botToken: BOT } });
    ok = await connect({ platform: 'ok', name: 'ОК дома культуры', target: '7700', credentials: { accessToken: OK_TOKEN } });
    worker = server.app.get(PublishingWorker);
    server.app.get(PublishingEvents).subscribe({ onPublication: (e) => void announced.push(e) });
  });
  afterEach(() => sandbox.control('/faults', undefined, 'DELETE'));
  afterAll(async () => {
    await server?.close();
    await sandbox?.stop();
  });

  it('publishes to each platform once, storing the remote id and URL, and sums up the post', async () => {
    for (const channel of [vk, tg, ok]) {
      const post = await approvedDue(channel);
      await worker.tick();
      const pub = await publication(post.id);
      expect(pub).toMatchObject({ status: 'published', attempts: 1, phase: null, claimed_by: null });
      expect(pub.remote_id).toEqual(expect.any(String));
      expect(pub.url).toMatch(/^https:\/\//);
      expect(await postStatus(post.id)).toBe('published');
      const posts = (await feed(channel.platform, channel.remoteTargetId!)).filter((p) => p.text.includes(post.text));
      expect(posts).toHaveLength(1);
    }
    const audit = await server.db.dataSource.query(`SELECT count(*)::int AS n FROM audit_entries WHERE action = 'publication.published'`);
    expect(audit[0].n).toBe(3);
  });

  it('waits as long as the platform asks when rate-limited', async () => {
    const post = await approvedDue(tg);
    await fault({ platform: 'telegram', kind: 'error', method: 'sendMessage', errorCode: 429, retryAfter: 42 });
    await worker.tick();
    const pub = await publication(post.id);
    expect(pub.status).toBe('scheduled');
    const wait = (new Date(pub.next_attempt_at).getTime() - Date.now()) / 1000;
    expect(wait).toBeGreaterThan(35);
    expect(wait).toBeLessThanOrEqual(42);
    expect(await feed('telegram', tg.remoteTargetId!)).not.toContainEqual(expect.objectContaining({ text: expect.stringContaining(post.text) }));
    await server.db.dataSource.query(`UPDATE publications SET next_attempt_at = now() WHERE id = $1`, [pub.id]);
    await server.db.dataSource.query(`DELETE FROM rate_buckets`);
    await worker.tick();
    expect((await publication(post.id)).status).toBe('published');
  });

  it('retries a failure before sending with growing waits, then fails after the attempt limit with the reason', async () => {
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3366cc' } }).png().toBuffer();
    const media = await server.http.post('/api/v1/media').set(bearer(admin)).field('organizationId', rootId).attach('file', png, { filename: 'photo.png', contentType: 'image/png' }).expect(201);
    const created = await server.http.post('/api/v1/posts').set(bearer(admin)).send({ organizationId: rootId, rubric: 'useful', text: 'Фото с субботника', mediaIds: [media.body.id], channelIds: [vk.id], scheduledAt: localDateTime(1) }).expect(201);
    await server.http.post(`/api/v1/posts/${created.body.id}/submit`).set(bearer(admin)).expect(200);
    await server.http.post(`/api/v1/posts/${created.body.id}/approve`).set(bearer(supervisor)).expect(200);
    // The upload-server request is read-only and comes before the post: its failure is safe to retry.
    await fault({ platform: 'vk', kind: 'http', method: 'photos.getWallUploadServer', status: 502, times: 10 });
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      await server.db.dataSource.query(`UPDATE publications SET next_attempt_at = now() WHERE post_id = $1`, [created.body.id]);
      await worker.tick();
      const pub = await publication(created.body.id);
      expect(pub.attempts).toBe(attempt);
      if (attempt < 3) {
        expect(pub.status).toBe('scheduled');
        waits.push((new Date(pub.next_attempt_at).getTime() - Date.now()) / 1000);
      } else {
        expect(pub.status).toBe('failed');
        expect(pub.last_error).toMatch(/после 3 попыток/);
      }
    }
    expect(waits[0]).toBeGreaterThan(5);
    expect(waits[1]).toBeGreaterThan(waits[0] - 1);
    expect(await feed('vk', vk.remoteTargetId!)).not.toContainEqual(expect.objectContaining({ text: 'Фото с субботника' }));
  });

  it('treats a 5xx on the OK post itself as a lost answer: OK has no idempotency key, so the group is read before anything is sent again', async () => {
    const post = await approvedDue(ok);
    await fault({ platform: 'ok', kind: 'http', method: 'mediatopic.post', status: 503 });
    await worker.tick();
    const pub = await publication(post.id);
    expect(pub).toMatchObject({ status: 'publishing', phase: 'reconciling', claimed_by: null, attempts: 1 });
    expect(pub.last_error).toEqual(expect.any(String));
    expect(new Date(pub.next_attempt_at).getTime()).toBeGreaterThan(Date.now());
  });

  it('refreshes an expired VK token once, stores the rotated pair, and publishes', async () => {
    await sandbox.control('/vk/expire-token', { token: VK_TOKEN });
    const post = await approvedDue(vk);
    await worker.tick();
    await worker.tick();
    expect((await publication(post.id)).status).toBe('published');
    const [row] = await server.db.dataSource.query(`SELECT credentials, token_expires_at FROM channels WHERE id = $1`, [vk.id]);
    const stored = openChannelCredentials(server.app.get<SecretBox>(SECRET_BOX), { id: vk.id, credentials: row.credentials });
    expect(stored.accessToken).not.toBe(VK_TOKEN);
    expect(stored.refreshToken).not.toBe(VK_REFRESH);
    expect(stored.refreshToken).toEqual(expect.any(String));
    expect(new Date(row.token_expires_at).getTime()).toBeGreaterThan(Date.now());
    const audit = await server.db.dataSource.query(`SELECT count(*)::int AS n FROM audit_entries WHERE action = 'channel.needs_attention'`);
    expect(audit[0].n).toBe(0);
  });

  it('marks the channel as needing attention when the token cannot be renewed, and holds its publications', async () => {
    const post = await approvedDue(tg);
    await fault({ platform: 'telegram', kind: 'error', method: 'sendMessage', errorCode: 401, errorMessage: 'Unauthorized' });
    await worker.tick();
    const pub = await publication(post.id);
    expect(pub.status).toBe('scheduled');
    const [channel] = await server.db.dataSource.query(`SELECT state, last_error FROM channels WHERE id = $1`, [tg.id]);
    expect(channel.state).toBe('needs_attention');
    await worker.tick();
    expect((await publication(post.id)).attempts).toBe(1); // held, not hammered
    // Reconnecting (a fresh verification) releases the held publication.
    await server.http.post(`/api/v1/channels/${tg.id}/verify`).set(bearer(admin)).expect(200);
    await worker.tick();
    expect((await publication(post.id)).status).toBe('published');
  });

  it('fails for good with the platform reason when rejected', async () => {
    const post = await approvedDue(vk);
    await fault({ platform: 'vk', kind: 'error', method: 'wall.post', errorCode: 214, errorMessage: 'Access to adding post denied' });
    await worker.tick();
    const pub = await publication(post.id);
    expect(pub.status).toBe('failed');
    expect(pub.last_error).toEqual(expect.any(String));
    expect(pub.last_error_code).toBe('vk:214');
    expect(await postStatus(post.id)).toBe('failed');
  });

  it('never retries an unconfirmed Telegram post blindly; a person settles it', async () => {
    const post = await approvedDue(tg);
    await fault({ platform: 'telegram', kind: 'drop_after_store', method: 'sendMessage' });
    await worker.tick();
    await worker.tick();
    const pub = await publication(post.id);
    expect(pub.status).toBe('unconfirmed');
    expect((await feed('telegram', tg.remoteTargetId!)).filter((p) => p.text.includes(post.text))).toHaveLength(1);
    const attention = (await server.http.get(`/api/v1/publications/attention?organizationId=${rootId}`).set(bearer(supervisor)).expect(200)).body;
    expect(attention.map((a: { id: string }) => a.id)).toContain(pub.id);
    const marked = await server.http.post(`/api/v1/publications/${pub.id}/mark-published`).set(bearer(supervisor)).send({ url: 'https://t.me/district/1' }).expect(200);
    expect(marked.body.status).toBe('published');
    expect(await postStatus(post.id)).toBe('published');

    const other = await approvedDue(tg);
    await fault({ platform: 'telegram', kind: 'drop_after_store', method: 'sendMessage' });
    await worker.tick();
    const lost = await publication(other.id);
    expect(lost.status).toBe('unconfirmed');
    const editor = await createMember(server, admin, rootId, 'editor');
    await server.http.post(`/api/v1/publications/${lost.id}/republish`).set(bearer(editor.token)).expect(403);
    await server.http.post(`/api/v1/publications/${lost.id}/republish`).set(bearer(supervisor)).expect(200);
    await worker.tick();
    expect((await publication(other.id)).status).toBe('published');
  });

  it('retries VK with the same guid after a dropped connection, so the wall gets it once', async () => {
    const post = await approvedDue(vk);
    await fault({ platform: 'vk', kind: 'drop_after_store', method: 'wall.post' });
    await worker.tick();
    expect((await publication(post.id)).status).toBe('scheduled');
    await server.db.dataSource.query(`UPDATE publications SET next_attempt_at = now() WHERE post_id = $1`, [post.id]);
    await worker.tick();
    expect((await publication(post.id)).status).toBe('published');
    expect((await feed('vk', vk.remoteTargetId!)).filter((p) => p.text.includes(post.text))).toHaveLength(1);
  });

  it('marks a publication missed instead of going out hours late after an outage', async () => {
    const post = await approvedDue(ok);
    await server.db.dataSource.query(`UPDATE posts SET scheduled_at = now() - interval '3 hours' WHERE id = $1`, [post.id]);
    await worker.tick();
    const pub = await publication(post.id);
    expect(pub.status).toBe('missed');
    expect(await feed('ok', ok.remoteTargetId!)).not.toContainEqual(expect.objectContaining({ text: expect.stringContaining(post.text) }));
  });

  it('never sends a cancelled post, a post edited after approval, or to a disabled channel', async () => {
    const cancelled = await approvedDue(tg);
    await server.http.post(`/api/v1/posts/${cancelled.id}/cancel`).set(bearer(admin)).expect(200);
    const edited = await approvedDue(tg);
    await server.http.patch(`/api/v1/posts/${edited.id}`).set(bearer(admin)).send({ text: 'Исправленный текст после согласования' }).expect(200);
    const disabled = await approvedDue(ok);
    await server.http.post(`/api/v1/channels/${ok.id}/disable`).set(bearer(admin)).expect(200);
    await worker.tick();
    expect((await publication(cancelled.id)).status).toBe('cancelled');
    expect((await publication(edited.id)).status).toBe('pending');
    expect((await publication(disabled.id)).status).toBe('cancelled');
    const texts = (await feed('telegram', tg.remoteTargetId!)).map((p) => p.text).join('\n') + (await feed('ok', ok.remoteTargetId!)).map((p) => p.text).join('\n');
    for (const p of [cancelled, edited, disabled]) expect(texts).not.toContain(p.text);
    await server.http.post(`/api/v1/channels/${ok.id}/enable`).set(bearer(admin)).expect(200);
  });

  it('announces a decision taken before sending only once its transaction has committed', async () => {
    const post = await approvedDue(ok);
    const { id } = await publication(post.id);
    const about = () => announced.filter((e) => e.publicationId === id);
    // The worker finds the page disabled in the transaction that checks the post before sending.
    await server.http.post(`/api/v1/channels/${ok.id}/disable`).set(bearer(admin)).expect(200);
    // That transaction then fails at its commit, after the decision was taken inside it.
    const db = server.db.dataSource;
    await db.query(`CREATE FUNCTION refuse_commit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'commit refused by the test'; END $$`);
    await db.query(
      `CREATE CONSTRAINT TRIGGER refuse_commit AFTER UPDATE ON publications DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
         WHEN (NEW.id = '${id}'::uuid AND NEW.status = 'cancelled') EXECUTE FUNCTION refuse_commit()`,
    );
    try {
      await worker.tick();
      expect(await publication(post.id)).toMatchObject({ status: 'publishing', phase: 'claimed' });
      expect(about()).toEqual([]);
    } finally {
      await db.query(`DROP TRIGGER refuse_commit ON publications`);
      await db.query(`DROP FUNCTION refuse_commit()`);
    }
    // Taken back once its lease runs out and decided again: this time it commits, and is announced once.
    await db.query(`UPDATE publications SET lease_until = now() - interval '1 second' WHERE id = $1`, [id]);
    await worker.tick();
    expect(await publication(post.id)).toMatchObject({ status: 'cancelled', last_error_code: 'channel_disabled' });
    expect(about()).toEqual([expect.objectContaining({ status: 'cancelled', outcome: 'channel_disabled' })]);
    await server.http.post(`/api/v1/channels/${ok.id}/enable`).set(bearer(admin)).expect(200);
  });

  it('measures the lateness of a republished publication from the republish, not from the post’s time', async () => {
    const post = await approvedDue(vk);
    await fault({ platform: 'vk', kind: 'error', method: 'wall.post', errorCode: 214, errorMessage: 'Access to adding post denied' });
    await worker.tick();
    const { id, status } = await publication(post.id);
    expect(status).toBe('failed');
    // A person sends it out again an hour after the post's time.
    await server.db.dataSource.query(`UPDATE posts SET scheduled_at = now() - interval '1 hour' WHERE id = $1`, [post.id]);
    await server.http.post(`/api/v1/publications/${id}/republish`).set(bearer(supervisor)).expect(200);
    await worker.tick();
    const published = announced.filter((e) => e.publicationId === id && e.status === 'published');
    expect(published).toHaveLength(1);
    // Seconds since the republish, where the post's time would say an hour.
    expect(published[0].latenessSeconds).toBeGreaterThanOrEqual(0);
    expect(published[0].latenessSeconds).toBeLessThan(600);
  });

  it('lets a cancel that loses the race to the worker answer 409, not pretend', async () => {
    const post = await approvedDue(tg);
    await worker.tick();
    const res = await server.http.post(`/api/v1/posts/${post.id}/cancel`).set(bearer(admin)).expect(409);
    expect(res.body.code).toBe('invalid_transition');
  });
});
