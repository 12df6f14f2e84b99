import { randomBytes, randomUUID } from 'node:crypto';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import type { PublishOutcome } from '@vestnik/platforms/core';
import { sealChannelCredentials } from '@vestnik/server/channels';
import { SECRET_BOX, SecretBox } from '@vestnik/server/persistence';
import { claimPublications, movePublications, type ClaimedPublication } from '@vestnik/server/posts';
import { DroppedOutcomeEvent, OutcomeRecorder, PublicationEvent, PublishingChannels, PublishingEvents, PublishingWorker } from '@vestnik/server/publishing';
import { createMember, localDateTime } from '../testing/factories';
import { startSandboxProcess, SandboxProcess } from '../testing/sandbox-process';
import { bearer, setupRoot, startTestServer, TestServer } from '../testing/test-server';

const VK_TOKEN = 'vk1.a.batching-admin-token';
const BOT = '778001:AAbatching-bot-token-00000000';
const OK_APP = { applicationKey: 'CBBATCH', applicationSecretKey: 'ok-batching-secret' };
/** Pages with a token each: nothing in a batch on them waits for a pace. */
const OWN_TOKEN_PAGES = 20;

interface Feed {
  posts: { id: string; text: string }[];
}

/**
 * What batching could break: a batch is checked, paced and marked in one transaction, and answers
 * are recorded in groups. A cancel still wins over a claim not sent yet, a late write in a group
 * is dropped alone, a post finishing in one group is summed up once and right, and the number of
 * transactions per publication is bounded by counting them, not by time.
 */
describe('publishing engine: batches and grouped outcomes', () => {
  let sandbox: SandboxProcess;
  let server: TestServer;
  let admin: string;
  let supervisor: string;
  let rootId: string;
  let worker: PublishingWorker;
  const channel = { vk: '', ok: '', tg: '' };
  const ownToken: string[] = [];
  const announced: PublicationEvent[] = [];
  const dropped: DroppedOutcomeEvent[] = [];

  const db = () => server.db.dataSource;
  const feed = async (platform: string, target: string) => ((await (await fetch(`${sandbox.url}/control/posts/${platform}/${encodeURIComponent(target)}`)).json()) as Feed).posts;
  const publicationsOf = async (postId: string) => db().query(`SELECT * FROM publications WHERE post_id = $1 ORDER BY platform`, [postId]);
  const approved = async (channelIds: string[], text = `Новость ${randomBytes(4).toString('hex')}`): Promise<{ id: string; text: string }> => {
    const created = await server.http.post('/api/v1/posts').set(bearer(admin)).send({ organizationId: rootId, rubric: 'official', text, channelIds, scheduledAt: localDateTime(1) }).expect(201);
    await server.http.post(`/api/v1/posts/${created.body.id}/submit`).set(bearer(admin)).expect(200);
    await server.http.post(`/api/v1/posts/${created.body.id}/approve`).set(bearer(supervisor)).expect(200);
    return { id: created.body.id, text };
  };
  const makeDue = (postIds: string[]) => db().query(`UPDATE publications SET next_attempt_at = now() WHERE post_id = ANY($1)`, [postIds]);

  beforeAll(async () => {
    sandbox = await startSandboxProcess();
    const okGroups = Array.from({ length: OWN_TOKEN_PAGES }, (_, i) => ({ gid: String(7900 + i), name: `Клуб ${i}` }));
    await sandbox.control('/seed', {
      vk: { communities: [{ id: 2201, name: 'Администрация округа' }], tokens: [{ token: VK_TOKEN, userId: 11, adminOf: [{ groupId: 2201 }] }] },
      ok: {
        app: OK_APP,
        groups: [{ gid: '7899', name: 'Музей' }, ...okGroups],
        tokens: [{ token: 'ok-batching-token', uid: '3', name: 'Админ', roles: { '7899': 'ADMIN' } }, ...okGroups.map((g, i) => ({ token: `ok-batching-own-${i}`, uid: String(400 + i), name: `Админ ${i}`, roles: { [g.gid]: 'ADMIN' } }))],
      },
      telegram: { bots: [{ token: BOT, id: 778001, username: 'okrug_bot' }], channels: [{ id: -100778, username: 'okrug', title: 'Округ', members: [{ botId: 778001, status: 'administrator', canPostMessages: true }] }] },
    });
    await sandbox.control('/rate-limits', { enabled: false }, 'PUT');
    server = await startTestServer({ ...sandbox.env, OK_APPLICATION_KEY: OK_APP.applicationKey, OK_APPLICATION_SECRET_KEY: OK_APP.applicationSecretKey });
    const setup = await setupRoot(server);
    admin = setup.accessToken;
    rootId = setup.user.memberships[0].organizationId;
    supervisor = (await createMember(server, admin, rootId, 'supervisor')).token;
    const box = server.app.get<SecretBox>(SECRET_BOX);
    const insert = async (platform: string, target: string, remoteTargetId: string, credentials: Record<string, string>) => {
      const id = randomUUID();
      await db().query(
        `INSERT INTO channels (id, organization_id, platform, name, target, remote_target_id, credentials, state, can_post) VALUES ($1, $2, $3, $4, $5, $6, $7, 'active', true)`,
        [id, rootId, platform, `${platform} ${target}`, target, remoteTargetId, sealChannelCredentials(box, id, credentials)],
      );
      return id;
    };
    channel.vk = await insert('vk', '2201', '2201', { accessToken: VK_TOKEN });
    channel.ok = await insert('ok', '7899', '7899', { accessToken: 'ok-batching-token' });
    channel.tg = await insert('telegram', '@okrug', '-100778', { botToken: BOT });
    for (let i = 0; i < OWN_TOKEN_PAGES; i++) ownToken.push(await insert('ok', String(7900 + i), String(7900 + i), { accessToken: `ok-batching-own-${i}` }));
    worker = server.app.get(PublishingWorker);
    server.app.get(PublishingEvents).subscribe({ onPublication: (e) => void announced.push(e), onOutcomeDropped: (e) => void dropped.push(e) });
  });
  afterEach(() => sandbox.control('/faults', undefined, 'DELETE'));
  afterAll(async () => {
    await server?.close();
    await sandbox?.stop();
  });

  it('sends the rest of a batch and not the post cancelled while its publication waited claimed for its pace slot', async () => {
    // Two posts on one Telegram channel (3.1 s apart by its pace) and one each on VK and OK: one batch.
    const first = await approved([channel.tg]);
    const second = await approved([channel.tg]);
    const vk = await approved([channel.vk]);
    const ok = await approved([channel.ok]);
    await makeDue([first.id, second.id, vk.id, ok.id]);
    const tick = worker.tick();
    // One Telegram publication goes now; the other waits claimed for its slot.
    let waiting: { id: string; post_id: string } | undefined;
    while (!waiting) {
      const rows = await db().query(`SELECT id, post_id, status, phase FROM publications WHERE post_id = ANY($1)`, [[first.id, second.id]]);
      if (rows.some((r: { status: string }) => r.status === 'published')) waiting = rows.find((r: { phase: string | null }) => r.phase === 'claimed');
      await new Promise((r) => setTimeout(r, 20));
    }
    const cancelled = waiting.post_id === first.id ? first : second;
    const sent = cancelled === first ? second : first;
    await server.http.post(`/api/v1/posts/${cancelled.id}/cancel`).set(bearer(admin)).expect(200);
    await tick;

    expect(await publicationsOf(cancelled.id)).toEqual([expect.objectContaining({ status: 'cancelled', last_error_code: 'post_cancelled', attempts: 0 })]);
    for (const p of [sent, vk, ok]) expect(await publicationsOf(p.id)).toEqual([expect.objectContaining({ status: 'published', attempts: 1 })]);
    const texts = (await feed('telegram', '-100778')).map((p) => p.text);
    expect(texts.filter((t) => t.includes(sent.text))).toHaveLength(1);
    expect(texts.filter((t) => t.includes(cancelled.text))).toEqual([]);
    expect(announced.filter((e) => e.publicationId === waiting?.id)).toEqual([expect.objectContaining({ status: 'cancelled', outcome: 'post_cancelled' })]);
  });

  describe('a group of answers written in one transaction', () => {
    /** Publications of `postId` claimed and marked sending by a stand-in worker, as the engine leaves them before its calls. */
    const sending = async (postId: string, workerId: string): Promise<ClaimedPublication[]> => {
      await makeDue([postId]);
      const claims = (await claimPublications(db().manager, { worker: workerId, limit: 10, leaseMs: 60_000 })).filter((c) => c.post_id === postId);
      const moved = await movePublications(db().manager, 'send', claims.map((c) => ({ id: c.id, claim: { token: c.claim_token, worker: workerId }, leaseMs: 60_000 })));
      expect(moved).toHaveLength(claims.length);
      return claims;
    };
    const answer = async (claim: ClaimedPublication, outcome: PublishOutcome) => {
      const opened = await server.app.get(PublishingChannels).open(claim.channel_id);
      if (!opened) throw new Error('channel gone');
      return { claim: { ...claim, first_sent_at: new Date() }, organizationId: rootId, channel: opened, outcome, paces: [] };
    };
    /** SQL statements the application sends while `work` runs, by their text. */
    const statementsDuring = async (work: () => Promise<void>): Promise<string[]> => {
      const seen: string[] = [];
      const original = PostgresQueryRunner.prototype.query;
      const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query').mockImplementation(function (this: PostgresQueryRunner, ...args: Parameters<PostgresQueryRunner['query']>) {
        seen.push(args[0]);
        return original.apply(this, args);
      });
      try {
        await work();
      } finally {
        spy.mockRestore();
      }
      return seen;
    };

    it('records the others and drops only the row whose claim was taken back', async () => {
      const post = await approved([channel.vk, channel.ok, channel.tg]);
      const claims = await sending(post.id, 'stand-in-worker');
      // One of them was taken back meanwhile and is held by another claim now.
      const [stolen, ...kept] = claims;
      await db().query(`UPDATE publications SET claimed_by = 'another-worker', claim_token = claim_token + 1 WHERE id = $1`, [stolen.id]);
      const before = await db().query(`SELECT * FROM publications WHERE id = $1`, [stolen.id]);
      const group = await Promise.all(claims.map((c) => answer(c, { status: 'published', remoteId: `r-${c.id}`, url: `https://example.org/${c.id}` })));

      await server.app.get(OutcomeRecorder).recordMany(group);

      for (const c of kept) {
        expect((await db().query(`SELECT * FROM publications WHERE id = $1`, [c.id]))[0]).toMatchObject({ status: 'published', remote_id: `r-${c.id}`, claimed_by: null });
        expect(announced.filter((e) => e.publicationId === c.id)).toEqual([expect.objectContaining({ status: 'published' })]);
      }
      expect(await db().query(`SELECT * FROM publications WHERE id = $1`, [stolen.id])).toEqual(before);
      expect(announced.filter((e) => e.publicationId === stolen.id)).toEqual([]);
      expect(dropped.filter((e) => e.publicationId === stolen.id)).toEqual([expect.objectContaining({ write: 'outcome', status: 'published', phase: 'sending' })]);
      const audits = await db().query(`SELECT target_id FROM audit_entries WHERE action = 'publication.published' AND target_id = ANY($1)`, [claims.map((c) => c.id)]);
      expect(audits.map((a: { target_id: string }) => a.target_id).sort()).toEqual(kept.map((c) => c.id).sort());
      // The post still has one publication out with another worker: not summed up yet.
      expect((await db().query(`SELECT status FROM posts WHERE id = $1`, [post.id]))[0].status).toBe('scheduled');
    });

    it('sums up a post whose publications all finish in one group once, and right', async () => {
      const post = await approved([channel.vk, channel.ok, channel.tg]);
      const claims = await sending(post.id, 'stand-in-worker');
      const group = await Promise.all(
        claims.map((c, i) =>
          answer(c, i === 0 ? { status: 'rejected', reason: 'Запись отклонена площадкой', code: 'test:1' } : { status: 'published', remoteId: `r-${c.id}`, url: `https://example.org/${c.id}` }),
        ),
      );

      const statements = await statementsDuring(() => server.app.get(OutcomeRecorder).recordMany(group));

      expect((await db().query(`SELECT status FROM posts WHERE id = $1`, [post.id]))[0].status).toBe('partially_published');
      // One lock of the posts and one count of their publications for the whole group.
      expect(statements.filter((s) => /FROM posts WHERE id = ANY\(\$1::uuid\[\]\) ORDER BY id FOR UPDATE/.test(s))).toHaveLength(1);
      expect(statements.filter((s) => /GROUP BY c\.id, p\.status/.test(s))).toHaveLength(1);
      // One multi-row audit insert; one UPDATE per transition in the group (published, failed), not one per row.
      expect(statements.filter((s) => /^INSERT INTO "audit_entries"/.test(s))).toHaveLength(1);
      expect(statements.filter((s) => /^UPDATE publications p/.test(s))).toHaveLength(2);
    });
  });

  it('sends a batch of publications with a bounded number of transactions each, counted', async () => {
    const posts = [await approved(ownToken), await approved(ownToken)];
    await makeDue(posts.map((p) => p.id));
    let transactions = 0;
    const original = PostgresQueryRunner.prototype.query;
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query').mockImplementation(function (this: PostgresQueryRunner, ...args: Parameters<PostgresQueryRunner['query']>) {
      // A transaction ends with COMMIT; a statement outside one is a transaction of its own.
      if (args[0] === 'COMMIT' || !this.isTransactionActive) transactions += 1;
      return original.apply(this, args);
    });
    try {
      await worker.tick();
    } finally {
      spy.mockRestore();
    }
    const rows = (await Promise.all(posts.map((p) => publicationsOf(p.id)))).flat();
    expect(rows).toHaveLength(2 * OWN_TOKEN_PAGES);
    expect(rows.filter((r: { status: string }) => r.status !== 'published')).toEqual([]);
    // Per batch: the claim, an unlocked read of its posts, one transaction to check, pace and mark, a
    // claim that finds nothing more, the answers' groups, and the housekeeping of the pass; per
    // publication one way (claim, check, pace, mark, record each: about six) this would be 240.
    console.log(`${transactions} transactions for ${rows.length} publications (${(transactions / rows.length).toFixed(2)} each)`);
    expect(transactions).toBeLessThanOrEqual(rows.length / 2);
  });
});
