import { randomUUID } from 'node:crypto';
import { sealChannelCredentials } from '@vestnik/server/channels';
import { SECRET_BOX, SecretBox } from '@vestnik/server/persistence';
import { PublishingWorker } from '@vestnik/server/publishing';
import { createMember, localDateTime } from '../testing/factories';
import { startSandboxProcess, SandboxProcess } from '../testing/sandbox-process';
import { bearer, setupRoot, startTestServer, TestServer } from '../testing/test-server';

const VK_TOKEN = 'vk1.a.region-coordinator-token';
const OK_TOKEN = 'ok-region-coordinator-long-token';
const OK_APP = { applicationKey: 'CBREGIONKEY', applicationSecretKey: 'ok-region-secret' };
const BOT = '880002:AAregion-bot-token-00000000000';
const BOT_ID = 880002;
/** Pages per platform: 600 in all, one token, one OK token, one bot. */
const PER_PLATFORM = 200;
const DRAIN_LIMIT_MS = 300_000;

/**
 * The platforms' documented rates (PLATFORMS.md) as the time one call takes from a key's budget.
 * OK documents none: its pace (200 ms a call, 40 s for 200 topics) is our own and not a bound.
 */
const DOCUMENTED_MS = { vkToken: 1000 / 3, telegramBot: 1000 / 30, telegramChat: 60_000 / 20 };

/**
 * One announcement to 600 pages (200 VK communities on one user token, 200 OK groups on one token,
 * 200 Telegram channels of one bot) with the sandbox enforcing the limits. The busiest key is the
 * VK token: 200 wall.post calls at 3 a second, 66.7 s; the bot's 200 messages need 6.7 s and each
 * channel holds one. The mix keeps three platforms' paces in one run, so a slot held on one key must
 * not delay the others; its bound is the VK token's. Prints the drain against that bound; asserts
 * no 429 and no error 6 and one post per page (no timing assertion).
 */
/**
 * A load run of about two minutes whose refusal count depends on the machine's load (a request
 * delayed on a busy machine can reach the sandbox inside another's window): run on its own with
 * `npm run bench:pacing`, not inside `npm test` beside other suites. The 120-page `pacing.spec.ts`
 * keeps asserting a limit-clean drain in every `npm test`.
 */
const RUN = process.env['VESTNIK_PACING_600'] === '1';

(RUN ? describe : describe.skip)('a cross-post to 600 pages at the platforms pace', () => {
  let sandbox: SandboxProcess;
  let server: TestServer;

  beforeAll(async () => {
    sandbox = await startSandboxProcess();
    const communities = Array.from({ length: PER_PLATFORM }, (_, i) => ({ id: 7000 + i, name: `Сельсовет ${i + 1}` }));
    const groups = Array.from({ length: PER_PLATFORM }, (_, i) => ({ gid: String(57700000000000 + i), name: `Дом культуры ${i + 1}` }));
    const channels = Array.from({ length: PER_PLATFORM }, (_, i) => ({ id: -1007000 - i, title: `Канал ${i + 1}`, members: [{ botId: BOT_ID, status: 'administrator', canPostMessages: true }] }));
    await sandbox.control('/seed', {
      vk: { communities, tokens: [{ token: VK_TOKEN, userId: 11, adminOf: communities.map((c) => ({ groupId: c.id })) }] },
      ok: { app: OK_APP, groups, tokens: [{ token: OK_TOKEN, uid: '77', name: 'Координатор', roles: Object.fromEntries(groups.map((g) => [g.gid, 'ADMIN'])) }] },
      telegram: { bots: [{ token: BOT, id: BOT_ID, username: 'region_news_bot' }], channels },
    });
    server = await startTestServer({ ...sandbox.env, OK_APPLICATION_KEY: OK_APP.applicationKey, OK_APPLICATION_SECRET_KEY: OK_APP.applicationSecretKey });
  });
  afterAll(async () => {
    await server?.close();
    await sandbox?.stop();
  });

  it('publishes to every page once, with no 429 and no error 6, and prints the drain against the bound', async () => {
    const setup = await setupRoot(server);
    const rootId = setup.user.memberships[0].organizationId;
    const box = server.app.get<SecretBox>(SECRET_BOX);
    const insert = async (platform: string, target: string, credentials: Record<string, string>) => {
      const id = randomUUID();
      await server.db.dataSource.query(
        `INSERT INTO channels (id, organization_id, platform, name, target, remote_target_id, credentials, state, can_post) VALUES ($1, $2, $3, $4, $5, $5, $6, 'active', true)`,
        [id, rootId, platform, `${platform} ${target}`, target, sealChannelCredentials(box, id, credentials)],
      );
      return id;
    };
    const ids: string[] = [];
    for (let i = 0; i < PER_PLATFORM; i++) {
      ids.push(await insert('vk', String(7000 + i), { accessToken: VK_TOKEN }));
      ids.push(await insert('ok', String(57700000000000 + i), { accessToken: OK_TOKEN }));
      ids.push(await insert('telegram', String(-1007000 - i), { botToken: BOT }));
    }
    const supervisor = await createMember(server, setup.accessToken, rootId, 'supervisor');
    const post = await server.http
      .post('/api/v1/posts')
      .set(bearer(setup.accessToken))
      .send({ organizationId: rootId, rubric: 'official', text: 'Режим повышенной готовности: график работы служб 31 декабря', channelIds: ids, scheduledAt: localDateTime(1) })
      .expect(201);
    await server.http.post(`/api/v1/posts/${post.body.id}/submit`).set(bearer(setup.accessToken)).expect(200);
    await server.http.post(`/api/v1/posts/${post.body.id}/approve`).set(bearer(supervisor.token)).expect(200);
    await server.db.dataSource.query(`UPDATE publications SET next_attempt_at = now() WHERE post_id = $1`, [post.body.id]);

    const worker = server.app.get(PublishingWorker);
    const started = Date.now();
    for (;;) {
      await worker.tick();
      const [open] = await server.db.dataSource.query(`SELECT count(*)::int AS n FROM publications WHERE post_id = $1 AND status IN ('scheduled', 'publishing')`, [post.body.id]);
      if (open.n === 0) break;
      if (Date.now() - started > DRAIN_LIMIT_MS) throw new Error(`${open.n} publications still open after ${DRAIN_LIMIT_MS / 1000} s`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const [last] = await server.db.dataSource.query(`SELECT max(published_at) AS at FROM publications WHERE post_id = $1`, [post.body.id]);
    const drainMs = new Date(last.at).getTime() - started;

    const rows: { platform: string; status: string; attempts: number; claim_token: number }[] = await server.db.dataSource.query(
      `SELECT c.platform, p.status, p.attempts, p.claim_token::int AS claim_token FROM publications p JOIN channels c ON c.id = p.channel_id WHERE p.post_id = $1`,
      [post.body.id],
    );
    const { refused } = (await sandbox.control('/rate-limits', undefined, 'GET')) as { refused: Record<string, number> };
    const busiest = [
      { key: 'VK token', ms: PER_PLATFORM * DOCUMENTED_MS.vkToken },
      { key: 'Telegram bot', ms: PER_PLATFORM * DOCUMENTED_MS.telegramBot },
      { key: 'Telegram channel', ms: 1 * DOCUMENTED_MS.telegramChat },
    ].reduce((a, b) => (b.ms > a.ms ? b : a));
    const claims = rows.reduce((sum, r) => sum + r.claim_token, 0);
    console.log(
      [
        `600 pages (${PER_PLATFORM} VK on one token, ${PER_PLATFORM} OK on one token, ${PER_PLATFORM} Telegram on one bot), sandbox limits on`,
        `drain ${(drainMs / 1000).toFixed(1)} s (worker start to the last published_at)`,
        `bound ${(busiest.ms / 1000).toFixed(1)} s (${busiest.key}: ${PER_PLATFORM} calls at its documented rate); ratio ${(drainMs / busiest.ms).toFixed(3)}`,
        `refused: 429 ${refused['telegram:429'] ?? 0}, VK error 6 ${refused['vk:6'] ?? 0}`,
        `claims ${claims} (${(claims / rows.length).toFixed(2)} per publication), attempts ${rows.reduce((s, r) => s + r.attempts, 0)}`,
      ].join('\n'),
    );

    expect(rows).toHaveLength(3 * PER_PLATFORM);
    expect(rows.filter((r) => r.status !== 'published')).toEqual([]);
    expect(refused).toEqual({});
    const counts = new Map<string, number>();
    for (let i = 0; i < PER_PLATFORM; i++) {
      for (const [platform, target] of [['vk', String(7000 + i)], ['ok', String(57700000000000 + i)], ['telegram', String(-1007000 - i)]]) {
        const page = (await sandbox.control(`/posts/${platform}/${target}`, undefined, 'GET')) as { posts: unknown[] };
        counts.set(`${platform}:${target}`, page.posts.length);
      }
    }
    expect([...counts.entries()].filter(([, n]) => n !== 1)).toEqual([]);
  }, DRAIN_LIMIT_MS + 120_000);
});
