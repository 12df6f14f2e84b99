import { INestApplication, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChannelView, PostView } from '@vestnik/contracts';
import { loadConfig } from '@vestnik/server/config';
import { DroppedOutcomeEvent, PublicationEvent, PublishingEvents, PublishingWorker } from '@vestnik/server/publishing';
import { guidForPublication } from '@vestnik/platforms/vk';
import { createMember, localDateTime } from '../testing/factories';
import { startSandboxProcess, SandboxProcess } from '../testing/sandbox-process';
import { bearer, setupRoot, startTestServer, TestServer } from '../testing/test-server';
import { createApp } from './create-app';
import { platformAdapters } from './platforms.module';

const VK_TOKEN = 'vk1.a.fencing-admin-token';
const VK_GROUP = 2101;
const OK_TOKEN = 'ok-fencing-token';
const OK_APP = { applicationKey: 'CBFENCE', applicationSecretKey: 'ok-fencing-secret' };
const ENCRYPTION_KEY = randomBytes(32).toString('hex');

interface Feed {
  posts: { id: string; text: string; guid?: string }[];
}

/**
 * Two replicas, A and B, on one database. A request cannot outlive the sending lease (the lease is
 * longer than every timeout of the attempt), but a worker can: a GC pause, a frozen VM, SIGSTOP.
 * Moving A's lease into the past while the sandbox holds A's request stands for that stall. One
 * lane per worker keeps A from claiming anything else while its request is in flight.
 */
describe('publishing engine: outcomes fenced to their claim', () => {
  let sandbox: SandboxProcess;
  let server: TestServer;
  let replica: INestApplication;
  let replicaDir: string;
  let admin: string;
  let rootId: string;
  let supervisor: string;
  let vk: ChannelView;
  let ok: ChannelView;
  let workerA: PublishingWorker;
  let workerB: PublishingWorker;
  /** What worker A's replica announced and what it dropped as late, in order. */
  const announcedByA: PublicationEvent[] = [];
  const droppedByA: DroppedOutcomeEvent[] = [];

  const env = () => ({ ...sandbox.env, OK_APPLICATION_KEY: OK_APP.applicationKey, OK_APPLICATION_SECRET_KEY: OK_APP.applicationSecretKey, VESTNIK_ENCRYPTION_KEY: ENCRYPTION_KEY, PUBLISH_CONCURRENCY: '1' });
  const feed = async (platform: string, target: string) => ((await (await fetch(`${sandbox.url}/control/posts/${platform}/${encodeURIComponent(target)}`)).json()) as Feed).posts;
  const outWith = async (channel: ChannelView, text: string) => (await feed(channel.platform, channel.remoteTargetId ?? '')).filter((p) => p.text.includes(text));
  const publication = async (postId: string) => (await server.db.dataSource.query(`SELECT * FROM publications WHERE post_id = $1`, [postId]))[0];
  const postStatus = async (postId: string) => (await server.db.dataSource.query(`SELECT status FROM posts WHERE id = $1`, [postId]))[0].status as string;
  const audits = async (publicationId: string, action: string) =>
    (await server.db.dataSource.query(`SELECT count(*)::int AS n FROM audit_entries WHERE target_id = $1 AND action = $2`, [publicationId, action]))[0].n as number;

  /** A fault whose request waits in the sandbox until `release(id)`. */
  const hold = async (spec: Record<string, unknown>): Promise<string> => ((await sandbox.control('/faults', { ...spec, delayMs: 600_000 })) as { fault: { id: string } }).fault.id;
  const release = (id: string) => sandbox.control('/faults/release', { id });
  const untilHeld = async (n: number): Promise<void> => {
    while (((await sandbox.control('/faults', undefined, 'GET')) as { held: number }).held !== n) await new Promise((r) => setTimeout(r, 25));
  };
  /** The stall: A's lease runs out while A still waits for its answer. */
  const expireLease = (publicationId: string) => server.db.dataSource.query(`UPDATE publications SET lease_until = now() - interval '1 second' WHERE id = $1`, [publicationId]);

  const approvedDue = async (channel: ChannelView, text = `Новость ${randomBytes(4).toString('hex')}`): Promise<PostView> => {
    const created = await server.http.post('/api/v1/posts').set(bearer(admin)).send({ organizationId: rootId, rubric: 'official', text, channelIds: [channel.id], scheduledAt: localDateTime(1) }).expect(201);
    await server.http.post(`/api/v1/posts/${created.body.id}/submit`).set(bearer(admin)).expect(200);
    await server.http.post(`/api/v1/posts/${created.body.id}/approve`).set(bearer(supervisor)).expect(200);
    await server.db.dataSource.query(`UPDATE publications SET next_attempt_at = now() WHERE post_id = $1`, [created.body.id]);
    return created.body;
  };

  beforeAll(async () => {
    sandbox = await startSandboxProcess();
    await sandbox.control('/seed', {
      vk: { communities: [{ id: VK_GROUP, name: 'Администрация поселения' }], tokens: [{ token: VK_TOKEN, userId: 8, adminOf: [{ groupId: VK_GROUP }] }] },
      ok: { app: OK_APP, groups: [{ gid: '7800', name: 'Библиотека' }], tokens: [{ token: OK_TOKEN, uid: '2', name: 'Админ', roles: { '7800': 'ADMIN' } }] },
    });
    await sandbox.control('/rate-limits', { enabled: false }, 'PUT');
    server = await startTestServer(env());
    // Replica B: the same database and encryption key, a data folder of its own.
    replicaDir = mkdtempSync(join(tmpdir(), 'vestnik-replica-'));
    replica = await createApp(loadConfig({ ...env(), VESTNIK_DATA_DIR: replicaDir, LOG_LEVEL: 'error', VESTNIK_EDITOR_DIR: join(replicaDir, 'no-editor'), VESTNIK_ROLES: 'api' }), server.db.url);
    await replica.init();
    const setup = await setupRoot(server);
    admin = setup.accessToken;
    rootId = setup.user.memberships[0].organizationId;
    supervisor = (await createMember(server, admin, rootId, 'supervisor')).token;
    const connect = async (body: Record<string, unknown>) => (await server.http.post('/api/v1/channels').set(bearer(admin)).send({ organizationId: rootId, ...body }).expect(201)).body as ChannelView;
    vk = await connect({ platform: 'vk', name: 'ВК поселения', target: String(VK_GROUP), credentials: { accessToken: VK_TOKEN } });
    ok = await connect({ platform: 'ok', name: 'ОК библиотеки', target: '7800', credentials: { accessToken: OK_TOKEN } });
    workerA = server.app.get(PublishingWorker);
    workerB = replica.get(PublishingWorker);
    expect(workerA.id).not.toBe(workerB.id);
    server.app.get(PublishingEvents).subscribe({ onPublication: (e) => void announcedByA.push(e), onOutcomeDropped: (e) => void droppedByA.push(e) });
  });
  afterEach(() => sandbox.control('/faults', undefined, 'DELETE'));
  afterAll(async () => {
    await replica?.close();
    await server?.close();
    await sandbox?.stop();
    if (replicaDir) rmSync(replicaDir, { recursive: true, force: true });
  });

  it('drops a stalled worker’s late answer after another took the VK publication back and resent it with the same guid', async () => {
    const post = await approvedDue(vk);
    const held = await hold({ platform: 'vk', method: 'wall.post', kind: 'delay' });
    const a = workerA.tick();
    await untilHeld(1);
    const sending = await publication(post.id);
    expect(sending).toMatchObject({ status: 'publishing', phase: 'sending', claimed_by: workerA.id });

    await expireLease(sending.id);
    await workerB.tick();
    const byB = await publication(post.id);
    // B's recovery counted A's attempt, B's own attempt is the second.
    expect(byB).toMatchObject({ status: 'published', attempts: 2, phase: null, claimed_by: null });

    await release(held);
    await a;
    expect(await publication(post.id)).toEqual(byB);
    const out = await outWith(vk, post.text);
    expect(out).toHaveLength(1);
    expect(out[0].guid).toBe(guidForPublication(sending.id));
    expect(byB.remote_id).toBe(`-${VK_GROUP}_${out[0].id}`);
    expect(await audits(sending.id, 'publication.published')).toBe(1);
    expect(await postStatus(post.id)).toBe('published');
  });

  it('drops a stalled worker’s late "published" after another took the OK publication back, and finds the post it left instead of sending it twice', async () => {
    const post = await approvedDue(ok);
    const held = await hold({ platform: 'ok', method: 'mediatopic.post', kind: 'delay' });
    const a = workerA.tick();
    await untilHeld(1);
    const sending = await publication(post.id);
    expect(sending).toMatchObject({ phase: 'sending', claimed_by: workerA.id });

    // B takes it back; OK can be asked, so nobody is yet: the first look finds nothing, but A's request
    // went out a moment ago and may still land, so B looks again later instead of sending.
    await expireLease(sending.id);
    await workerB.tick();
    const byB = await publication(post.id);
    expect(byB).toMatchObject({ status: 'publishing', phase: 'reconciling', last_error_code: 'reconcile_unknown', attempts: 1, claimed_by: null });
    expect(await outWith(ok, post.text)).toHaveLength(0);
    expect(await audits(sending.id, 'publication.unconfirmed')).toBe(0);

    // A's request lands late; its answer is dropped.
    await release(held);
    await a;
    expect(await publication(post.id)).toEqual(byB);
    expect(await outWith(ok, post.text)).toHaveLength(1);
    expect(await audits(sending.id, 'publication.published')).toBe(0);

    // B's next look finds the topic A's request left: published with it, once.
    await server.db.dataSource.query(`UPDATE publications SET next_attempt_at = now() WHERE id = $1`, [sending.id]);
    await workerB.tick();
    const [topic] = await outWith(ok, post.text);
    expect(await publication(post.id)).toMatchObject({ status: 'published', remote_id: topic.id });
    expect(await outWith(ok, post.text)).toHaveLength(1);
    expect(await audits(sending.id, 'publication.reconciled')).toBe(1);
    expect(await postStatus(post.id)).toBe('published');
  });

  it.each([
    ['failed', { errorCode: 214, errorMessage: 'Access to adding post denied' }],
    ['rescheduled', { errorCode: 6, errorMessage: 'Too many requests per second' }],
  ])('never lets a stalled worker’s late "%s" overwrite the claim another worker holds now', async (_late, error) => {
    const post = await approvedDue(vk);
    const lateAnswer = await hold({ platform: 'vk', method: 'wall.post', kind: 'error', ...error });
    const a = workerA.tick();
    await untilHeld(1);
    const sending = await publication(post.id);
    await expireLease(sending.id);

    const bAnswer = await hold({ platform: 'vk', method: 'wall.post', kind: 'delay' });
    const b = workerB.tick();
    await untilHeld(2);
    const heldByB = await publication(post.id);
    expect(heldByB).toMatchObject({ status: 'publishing', phase: 'sending', claimed_by: workerB.id });

    await release(lateAnswer);
    await a;
    expect(await publication(post.id)).toEqual(heldByB);

    await release(bAnswer);
    await b;
    expect(await publication(post.id)).toMatchObject({ status: 'published', attempts: 2, last_error_code: null });
    expect(await outWith(vk, post.text)).toHaveLength(1);
    expect(await audits(sending.id, 'publication.failed')).toBe(0);
    expect(await postStatus(post.id)).toBe('published');
  });

  it.each([
    // OK can be asked whether the post is there: taken back, it is looked up first.
    ['unconfirmed', 'ok', { method: 'mediatopic.post', kind: 'http', status: 503 }, { status: 'publishing', phase: 'reconciling', last_error_code: 'reconcile_unknown' }, 0],
    ['failed', 'vk', { method: 'wall.post', kind: 'error', errorCode: 214, errorMessage: 'Access to adding post denied' }, { status: 'unconfirmed', phase: null, last_error_code: 'worker_lost' }, 1],
  ] as const)('drops, logs and counts a stalled worker’s late "%s" after its publication was taken back', async (late, platform, answer, takenBack, unconfirmedAudits) => {
    const post = await approvedDue(platform === 'ok' ? ok : vk);
    const lateAnswer = await hold({ platform, ...answer });
    const a = workerA.tick();
    await untilHeld(1);
    const sending = await publication(post.id);
    expect(sending).toMatchObject({ phase: 'sending', claimed_by: workerA.id });

    // A stalls past its lease (and, on VK, past the guid window): B takes it back, nothing is resent.
    await server.db.dataSource.query(`UPDATE publications SET lease_until = now() - interval '1 second', first_sent_at = now() - interval '31 minutes' WHERE id = $1`, [sending.id]);
    await workerB.tick();
    const byB = await publication(post.id);
    expect(byB).toMatchObject({ ...takenBack, attempts: 1, claimed_by: null });

    const warn = jest.spyOn(Logger.prototype, 'warn');
    try {
      await release(lateAnswer);
      await a;
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(new RegExp(`^publication ${sending.id}: outcome "\\w+" dropped`)));
    } finally {
      warn.mockRestore();
    }
    expect(await publication(post.id)).toEqual(byB);
    expect(await audits(sending.id, 'publication.unconfirmed')).toBe(unconfirmedAudits);
    expect(await audits(sending.id, 'publication.failed')).toBe(0);
    expect(await outWith(platform === 'ok' ? ok : vk, post.text)).toHaveLength(0);
    // No notification or metric of A's late answer, but one count of an outcome dropped as late.
    expect(announcedByA.filter((e) => e.publicationId === sending.id)).toEqual([]);
    expect(droppedByA.filter((e) => e.publicationId === sending.id)).toEqual([expect.objectContaining({ platform, phase: 'sending', write: 'outcome', status: late })]);
  });

  it('holds a sending claim at least as long as the adapter’s longest publish with every image of the post', async () => {
    const mediaIds: string[] = [];
    for (const background of ['#3366cc', '#cc6633', '#33cc66']) {
      const png = await sharp({ create: { width: 64, height: 48, channels: 3, background } }).png().toBuffer();
      mediaIds.push((await server.http.post('/api/v1/media').set(bearer(admin)).field('organizationId', rootId).attach('file', png, { filename: 'photo.png', contentType: 'image/png' }).expect(201)).body.id);
    }
    const text = `Фото ${randomBytes(4).toString('hex')}`;
    const created = await server.http.post('/api/v1/posts').set(bearer(admin)).send({ organizationId: rootId, rubric: 'useful', text, mediaIds, channelIds: [vk.id], scheduledAt: localDateTime(1) }).expect(201);
    await server.http.post(`/api/v1/posts/${created.body.id}/submit`).set(bearer(admin)).expect(200);
    await server.http.post(`/api/v1/posts/${created.body.id}/approve`).set(bearer(supervisor)).expect(200);
    await server.db.dataSource.query(`UPDATE publications SET next_attempt_at = now() WHERE post_id = $1`, [created.body.id]);

    const held = await hold({ platform: 'vk', method: 'wall.post', kind: 'delay' });
    const a = workerA.tick();
    await untilHeld(1);
    const sending = await publication(created.body.id);
    const adapter = platformAdapters(loadConfig(env())).find((candidate) => candidate.platform === 'vk');
    const leaseMs = new Date(sending.lease_until).getTime() - new Date(sending.sent_at).getTime();
    expect(adapter?.longestPublishMs(3)).toBeGreaterThan(adapter?.longestPublishMs(0) ?? Infinity);
    expect(leaseMs).toBeGreaterThanOrEqual(adapter?.longestPublishMs(3) ?? Infinity);

    await release(held);
    await a;
    expect(await publication(created.body.id)).toMatchObject({ status: 'published', attempts: 1 });
    expect(await outWith(vk, text)).toHaveLength(1);
  });

  describe('a VK publication whose worker died while sending', () => {
    /** The state a dead worker leaves: sending since `minutesAgo`, its lease run out; its post may be out already. */
    const diedWhileSending = async (post: PostView, minutesAgo: number) => {
      const [[pub]] = await server.db.dataSource.query(
        `UPDATE publications SET status = 'publishing', phase = 'sending', claimed_by = 'worker-that-died', lease_until = now() - interval '1 second',
                sent_at = now() - make_interval(mins => $2), first_sent_at = now() - make_interval(mins => $2), updated_at = now()
          WHERE post_id = $1 RETURNING *`,
        [post.id, minutesAgo],
      );
      await server.db.dataSource.query(`UPDATE posts SET status = 'publishing' WHERE id = $1`, [post.id]);
      // Its request did go out: the wall holds the post under the publication's guid.
      const body = new URLSearchParams({ owner_id: `-${VK_GROUP}`, from_group: '1', message: post.text, guid: guidForPublication(pub.id), v: '5.199' });
      const res = await fetch(`${sandbox.env['VK_API_URL']}/wall.post`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${VK_TOKEN}` }, body });
      expect(((await res.json()) as { response?: { post_id: number } }).response?.post_id).toEqual(expect.any(Number));
      return pub as { id: string; attempts: number };
    };

    it('is unconfirmed, its attempt counted, when its first send started 31 minutes ago: past the guid window nothing is resent', async () => {
      const post = await approvedDue(vk);
      const pub = await diedWhileSending(post, 31);
      await workerA.tick();
      expect(await publication(post.id)).toMatchObject({ status: 'unconfirmed', last_error_code: 'worker_lost', attempts: pub.attempts + 1, phase: null });
      expect(await outWith(vk, post.text)).toHaveLength(1);
      expect(await postStatus(post.id)).toBe('failed');
    });

    it('is resent with the same guid, its attempt counted, when its first send started 29 minutes ago: the wall holds it once', async () => {
      const post = await approvedDue(vk);
      const pub = await diedWhileSending(post, 29);
      await workerA.tick();
      const after = await publication(post.id);
      expect(after).toMatchObject({ status: 'published', attempts: pub.attempts + 2, phase: null });
      const out = await outWith(vk, post.text);
      expect(out).toHaveLength(1);
      expect(after.remote_id).toBe(`-${VK_GROUP}_${out[0].id}`);
      expect(await postStatus(post.id)).toBe('published');
    });
  });

  describe('a VK repeat with the same guid', () => {
    const dueAgain = (postId: string) => server.db.dataSource.query(`UPDATE publications SET next_attempt_at = now() WHERE post_id = $1`, [postId]);

    it('goes again after three lost answers in a row, within the attempts every publication has: the guid keeps the wall at one post', async () => {
      const post = await approvedDue(vk);
      await sandbox.control('/faults', { platform: 'vk', method: 'wall.post', kind: 'drop_after_store', times: 3 });
      for (let attempt = 1; attempt <= 3; attempt++) {
        await workerA.tick();
        expect(await publication(post.id)).toMatchObject({ status: 'scheduled', attempts: attempt, last_error_code: 'unconfirmed' });
        await dueAgain(post.id);
      }
      await workerA.tick();
      const after = await publication(post.id);
      expect(after).toMatchObject({ status: 'published', attempts: 4 });
      expect(await outWith(vk, post.text)).toHaveLength(1);
    });

    it('does not start the guid window with a send VK refused before doing anything (error 6)', async () => {
      const post = await approvedDue(vk);
      await sandbox.control('/faults', { platform: 'vk', method: 'wall.post', kind: 'error', errorCode: 6, errorMessage: 'Too many requests per second' });
      await workerA.tick();
      expect(await publication(post.id)).toMatchObject({ status: 'scheduled', attempts: 1, first_sent_at: null });
      await server.db.dataSource.query(`DELETE FROM rate_buckets`);
      await dueAgain(post.id);
      await workerA.tick();
      const after = await publication(post.id);
      expect(after).toMatchObject({ status: 'published', attempts: 2 });
      expect(after.first_sent_at).toEqual(after.sent_at);
    });

    it('is not sent when a queue delayed it past the guid window since it was decided: a person checks the page', async () => {
      const post = await approvedDue(vk);
      await sandbox.control('/faults', { platform: 'vk', method: 'wall.post', kind: 'drop_after_store' });
      await workerA.tick();
      const lost = await publication(post.id);
      expect(lost).toMatchObject({ status: 'scheduled', attempts: 1 });
      // The repeat waited in the queue: its key first went out 29 min 45 s ago, and its call could be answered only after 30 min.
      await server.db.dataSource.query(`UPDATE publications SET first_sent_at = now() - interval '29 minutes 45 seconds', sent_at = now() - interval '29 minutes 45 seconds', next_attempt_at = now() WHERE id = $1`, [lost.id]);
      await workerA.tick();
      expect(await publication(post.id)).toMatchObject({ status: 'unconfirmed', attempts: 1, last_error_code: 'key_lapsed', phase: null, claimed_by: null });
      expect(await audits(lost.id, 'publication.unconfirmed')).toBe(1);
      expect(announcedByA).toContainEqual(expect.objectContaining({ publicationId: lost.id, status: 'unconfirmed', outcome: 'key_lapsed' }));
      expect(await outWith(vk, post.text)).toHaveLength(1);
      expect(await postStatus(post.id)).toBe('failed');
    });
  });
});
