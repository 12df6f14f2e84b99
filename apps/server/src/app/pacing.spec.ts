import { randomUUID } from 'node:crypto';
import { sealChannelCredentials } from '@vestnik/server/channels';
import { SECRET_BOX, SecretBox } from '@vestnik/server/persistence';
import { PublishingWorker } from '@vestnik/server/publishing';
import { createMember, localDateTime } from '../testing/factories';
import { startSandboxProcess, SandboxProcess } from '../testing/sandbox-process';
import { bearer, setupRoot, startTestServer, TestServer } from '../testing/test-server';

const VK_TOKEN = 'vk1.a.coordinator-token';
const BOT = '880001:AAcoordinator-bot-token-0000000';
const PAGES = 60;

/**
 * One announcement to 120 pages, with the sandbox enforcing the platforms' limits (VK ~3 requests/s
 * per token, Telegram per bot and per channel): the shared pace must carry it out without a 429.
 */
describe('publishing at the platforms pace', () => {
  let sandbox: SandboxProcess;
  let server: TestServer;

  beforeAll(async () => {
    sandbox = await startSandboxProcess();
    const communities = Array.from({ length: PAGES }, (_, i) => ({ id: 5000 + i, name: `Школа ${i + 1}` }));
    const channels = Array.from({ length: PAGES }, (_, i) => ({ id: -1005000 - i, title: `Канал ${i + 1}`, members: [{ botId: 880001, status: 'administrator', canPostMessages: true }] }));
    await sandbox.control('/seed', {
      vk: { communities, tokens: [{ token: VK_TOKEN, userId: 9, adminOf: communities.map((c) => ({ groupId: c.id })) }] },
      telegram: { bots: [{ token: BOT, id: 880001, username: 'region_bot' }], channels },
    });
    server = await startTestServer(sandbox.env);
  });
  afterAll(async () => {
    await server?.close();
    await sandbox?.stop();
  });

  it('publishes one announcement to 120 pages once each, with no rate-limit refusal', async () => {
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
    for (let i = 0; i < PAGES; i++) {
      ids.push(await insert('vk', String(5000 + i), { accessToken: VK_TOKEN }));
      ids.push(await insert('telegram', String(-1005000 - i), { botToken: BOT }));
    }
    const supervisor = await createMember(server, setup.accessToken, rootId, 'supervisor');
    const post = await server.http.post('/api/v1/posts').set(bearer(setup.accessToken)).send({ organizationId: rootId, rubric: 'official', text: 'Единый день приёма граждан — 10 декабря', channelIds: ids, scheduledAt: localDateTime(1) }).expect(201);
    await server.http.post(`/api/v1/posts/${post.body.id}/submit`).set(bearer(setup.accessToken)).expect(200);
    await server.http.post(`/api/v1/posts/${post.body.id}/approve`).set(bearer(supervisor.token)).expect(200);
    await server.db.dataSource.query(`UPDATE publications SET next_attempt_at = now() WHERE post_id = $1`, [post.body.id]);

    const worker = server.app.get(PublishingWorker);
    const deadline = Date.now() + 120_000;
    for (;;) {
      await worker.tick();
      const [open] = await server.db.dataSource.query(`SELECT count(*)::int AS n FROM publications WHERE post_id = $1 AND status IN ('scheduled', 'publishing')`, [post.body.id]);
      if (open.n === 0) break;
      if (Date.now() > deadline) throw new Error(`${open.n} publications still open after 120 s`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const rows: { status: string; attempts: number; last_error_code: string | null }[] = await server.db.dataSource.query(`SELECT status, attempts, last_error_code FROM publications WHERE post_id = $1`, [post.body.id]);
    expect(rows).toHaveLength(2 * PAGES);
    expect(rows.filter((r) => r.status !== 'published')).toEqual([]);
    // The pace is kept when requests leave; on a loaded machine a few may still arrive bunched and be
    // asked to wait once. Without the shared pace most of the 60 VK posts on one token would be refused.
    const retried = rows.filter((r) => r.attempts !== 1);
    expect(retried.length).toBeLessThanOrEqual(3);
    for (let i = 0; i < PAGES; i++) {
      const vk = (await (await fetch(`${sandbox.url}/control/posts/vk/${5000 + i}`)).json()) as { posts: unknown[] };
      const tg = (await (await fetch(`${sandbox.url}/control/posts/telegram/${-1005000 - i}`)).json()) as { posts: unknown[] };
      expect([vk.posts.length, tg.posts.length]).toEqual([1, 1]);
    }
  });
});
