import { randomBytes } from 'node:crypto';
import type { ChannelView, PostView } from '@vestnik/contracts';
import { PublicationEvent, PublishingEvents, PublishingWorker } from '@vestnik/server/publishing';
import { createMember, localDateTime } from '../testing/factories';
import { startSandboxProcess, SandboxProcess } from '../testing/sandbox-process';
import { bearer, setupRoot, startTestServer, TestServer } from '../testing/test-server';

const BOT = '777002:AAreconcile-bot-token-0000000';
const OK_TOKEN = 'ok-reconcile-token';

/**
 * A lost answer on a platform that can read its posts back (OK) is looked up before anyone is
 * asked: found → published with the platform's id, absent → sent again, once. Telegram cannot read
 * back: a lost answer there still waits for a person.
 */
describe('reconciling a lost answer before asking a person', () => {
  let sandbox: SandboxProcess;
  let server: TestServer;
  let admin: string;
  let rootId: string;
  let supervisor: string;
  let ok: ChannelView;
  let tg: ChannelView;
  let worker: PublishingWorker;
  const announced: PublicationEvent[] = [];

  const feed = async (platform: string, target: string) =>
    ((await (await fetch(`${sandbox.url}/control/posts/${platform}/${encodeURIComponent(target)}`)).json()) as { posts: { id: string; text: string }[] }).posts;
  const publication = async (postId: string) => (await server.db.dataSource.query(`SELECT * FROM publications WHERE post_id = $1`, [postId]))[0];
  const audited = async (publicationId: string) =>
    ((await server.db.dataSource.query(`SELECT action FROM audit_entries WHERE target_id = $1 ORDER BY at`, [publicationId])) as { action: string }[]).map((r) => r.action);
  const approvedDue = async (channel: ChannelView): Promise<PostView> => {
    const text = `Сообщение ${randomBytes(4).toString('hex')}`;
    const created = await server.http.post('/api/v1/posts').set(bearer(admin)).send({ organizationId: rootId, rubric: 'official', text, channelIds: [channel.id], scheduledAt: localDateTime(1) }).expect(201);
    await server.http.post(`/api/v1/posts/${created.body.id}/submit`).set(bearer(admin)).expect(200);
    await server.http.post(`/api/v1/posts/${created.body.id}/approve`).set(bearer(supervisor)).expect(200);
    await server.db.dataSource.query(`UPDATE publications SET next_attempt_at = now() WHERE post_id = $1`, [created.body.id]);
    return created.body;
  };
  /**
   * Ticks until the post's publication is settled; between ticks time moves on a minute (the next look
   * is due, and a lost request can no longer land); answers the ticks taken.
   */
  const settle = async (postId: string): Promise<number> => {
    for (let ticks = 1; ticks <= 6; ticks++) {
      await worker.tick();
      const pub = await publication(postId);
      if (!['scheduled', 'publishing'].includes(pub.status)) return ticks;
      await server.db.dataSource.query(
        `UPDATE publications SET next_attempt_at = now(), sent_at = sent_at - interval '1 minute', first_sent_at = first_sent_at - interval '1 minute'
          WHERE id = $1 AND status IN ('scheduled', 'publishing')`,
        [pub.id],
      );
    }
    throw new Error(`not settled: ${JSON.stringify(await publication(postId))}`);
  };

  beforeAll(async () => {
    sandbox = await startSandboxProcess();
    await sandbox.control('/seed', {
      ok: { app: { applicationKey: 'CBKEY', applicationSecretKey: 'ok-secret' }, groups: [{ gid: '7800', name: 'Библиотека' }], tokens: [{ token: OK_TOKEN, uid: '2', name: 'Админ', roles: { '7800': 'ADMIN' } }] },
      telegram: { bots: [{ token: BOT, id: 777002, username: 'library_bot' }], channels: [{ id: -100778, username: 'library', title: 'Библиотека', members: [{ botId: 777002, status: 'administrator', canPostMessages: true }] }] },
    });
    await sandbox.control('/rate-limits', { enabled: false }, 'PUT');
    server = await startTestServer({ ...sandbox.env, OK_APPLICATION_KEY: 'CBKEY', OK_APPLICATION_SECRET_KEY: 'ok-secret' });
    const setup = await setupRoot(server);
    admin = setup.accessToken;
    rootId = setup.user.memberships[0].organizationId;
    supervisor = (await createMember(server, admin, rootId, 'supervisor')).token;
    const connect = async (body: Record<string, unknown>) => (await server.http.post('/api/v1/channels').set(bearer(admin)).send({ organizationId: rootId, ...body }).expect(201)).body as ChannelView;
    ok = await connect({ platform: 'ok', name: 'ОК библиотеки', target: '7800', credentials: { accessToken: OK_TOKEN } });
    tg = await connect({ platform: 'telegram', name: 'Телеграм библиотеки', target: '@library', credentials: { botToken: BOT } });
    worker = server.app.get(PublishingWorker);
    server.app.get(PublishingEvents).subscribe({ onPublication: (e) => void announced.push(e) });
  });
  afterEach(() => sandbox.control('/faults', undefined, 'DELETE'));
  afterAll(async () => {
    await server?.close();
    await sandbox?.stop();
  });

  it('OK: the answer lost after the topic was stored ends published with the topic OK keeps, and nobody is asked', async () => {
    const post = await approvedDue(ok);
    await sandbox.control('/faults', { platform: 'ok', kind: 'drop_after_store', method: 'mediatopic.post' });
    await worker.tick();
    expect(await publication(post.id)).toMatchObject({ status: 'publishing', phase: 'reconciling', claimed_by: null });
    await settle(post.id);

    const [topic] = (await feed('ok', '7800')).filter((t) => t.text === post.text);
    const pub = await publication(post.id);
    expect(pub).toMatchObject({ status: 'published', remote_id: topic.id, url: `https://ok.ru/group/7800/topic/${topic.id}`, attempts: 1 });
    expect((await feed('ok', '7800')).filter((t) => t.text === post.text)).toHaveLength(1);
    expect(await audited(pub.id)).toEqual(['publication.reconciled']);
    expect(announced.filter((e) => e.publicationId === pub.id).map((e) => e.status)).toEqual(['published']);
  });

  it('OK: when the lost request stored nothing, it is sent again, once', async () => {
    const post = await approvedDue(ok);
    await sandbox.control('/faults', { platform: 'ok', kind: 'http', status: 503, method: 'mediatopic.post' });
    await settle(post.id);
    const pub = await publication(post.id);
    expect(pub).toMatchObject({ status: 'published', attempts: 2 });
    expect((await feed('ok', '7800')).filter((t) => t.text === post.text)).toHaveLength(1);
    expect(await audited(pub.id)).toEqual(['publication.published']);
  });

  it('OK: when the worker died while sending, the platform is asked before anyone: nothing there, so it goes again, once', async () => {
    const post = await approvedDue(ok);
    // The state a dead worker leaves: sending, its lease run out, its request never reached OK.
    await server.db.dataSource.query(
      `UPDATE publications SET status = 'publishing', phase = 'sending', claimed_by = 'worker-that-died', claim_token = claim_token + 1,
              lease_until = now() - interval '1 second', sent_at = now() - interval '1 minute', first_sent_at = now() - interval '1 minute'
        WHERE post_id = $1`,
      [post.id],
    );
    await server.db.dataSource.query(`UPDATE posts SET status = 'publishing' WHERE id = $1`, [post.id]);
    await settle(post.id);
    const pub = await publication(post.id);
    expect(pub).toMatchObject({ status: 'published', attempts: 2 });
    expect((await feed('ok', '7800')).filter((t) => t.text === post.text)).toHaveLength(1);
    expect(await audited(pub.id)).toEqual(['publication.published']);
  });

  it('Telegram: a bot cannot read its channel back, so a lost answer still waits for a person', async () => {
    const post = await approvedDue(tg);
    await sandbox.control('/faults', { platform: 'telegram', kind: 'drop_after_store', method: 'sendMessage' });
    await worker.tick();
    const pub = await publication(post.id);
    expect(pub).toMatchObject({ status: 'unconfirmed', phase: null });
    expect(await audited(pub.id)).toEqual(['publication.unconfirmed']);
    expect((await feed('telegram', '@library')).filter((m) => m.text === post.text)).toHaveLength(1);
  });
});
