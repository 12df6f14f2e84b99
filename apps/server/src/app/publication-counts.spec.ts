import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { PLATFORMS, PUBLICATION_STATUSES, type PostView } from '@vestnik/contracts';
import { POSTS_SCHEMA } from '@vestnik/server/posts';
import { createOrganization, insertChannel, localDateTime } from '../testing/factories';
import { bearer, setupRoot, startTestServer, TestServer } from '../testing/test-server';

type Counts = Record<string, number>;

/** Every known status × platform pair, at zero where there are none: the shape `/metrics` answers. */
function allPairs(rows: { status: string; platform: string; n: number | string }[]): Counts {
  const counts: Counts = {};
  for (const status of PUBLICATION_STATUSES) for (const platform of PLATFORMS) counts[`${status}/${platform}`] = 0;
  for (const r of rows) counts[`${r.status}/${r.platform}`] = Number(r.n);
  return counts;
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}
const relationsOf = (node: PlanNode): string[] => [...(node['Relation Name'] ? [node['Relation Name']] : []), ...(node.Plans ?? []).flatMap(relationsOf)];

describe('publication counts kept by the database (/metrics without a full scan)', () => {
  let server: TestServer;
  let admin: string;
  let orgId: string;
  let channels: string[];

  /** The truth: a full count, as /metrics did before. */
  const counted = async (): Promise<Counts> => allPairs(await server.db.dataSource.query(`SELECT status, platform, count(*) AS n FROM publications GROUP BY status, platform`));
  const scraped = async (): Promise<Counts> => {
    const text = (await server.http.get('/metrics').expect(200)).text;
    const rows = [...text.matchAll(/^vestnik_publications\{status="([a-z_]+)",platform="([a-z]+)"\} (\d+)$/gm)].map(([, status, platform, n]) => ({ status, platform, n }));
    expect(rows).toHaveLength(PUBLICATION_STATUSES.length * PLATFORMS.length);
    return allPairs(rows);
  };
  const expectAgreement = async () => expect(await scraped()).toEqual(await counted());
  const compact = () => server.db.dataSource.query(`SELECT publication_counts_compact()`);
  const createPost = async (): Promise<PostView> =>
    (await server.http.post('/api/v1/posts').set(bearer(admin)).send({ organizationId: orgId, rubric: 'useful', text: 'Музеи открыты до полуночи.', channelIds: channels, scheduledAt: localDateTime(2) }).expect(201)).body;
  const connect = async (): Promise<Client> => {
    const c = new Client({ connectionString: server.db.url });
    await c.connect();
    return c;
  };

  beforeAll(async () => {
    server = await startTestServer();
    const setup = await setupRoot(server);
    admin = setup.accessToken;
    orgId = (await createOrganization(server, admin, setup.user.memberships[0].organizationId, 'Министерство культуры')).id;
    channels = [await insertChannel(server, orgId, 'vk'), await insertChannel(server, orgId, 'ok'), await insertChannel(server, orgId, 'telegram')];
  });
  afterAll(() => server.close());

  it('a scrape reads no publication rows: its queries touch only the small count tables', async () => {
    await createPost();
    const dataSource = server.app.get(DataSource);
    const spy = jest.spyOn(dataSource, 'query');
    let statements: string[];
    try {
      await server.http.get('/metrics').expect(200);
      statements = spy.mock.calls.map(([sql]) => sql);
    } finally {
      spy.mockRestore();
    }
    expect(statements.length).toBeGreaterThan(0);
    const touched = new Set<string>();
    for (const sql of statements) {
      if (!/^\s*SELECT/i.test(sql)) continue;
      const [{ 'QUERY PLAN': plan }]: { 'QUERY PLAN': { Plan: PlanNode }[] }[] = await server.db.dataSource.query(`EXPLAIN (FORMAT JSON) ${sql}`);
      for (const r of relationsOf(plan[0].Plan)) touched.add(r);
    }
    expect(touched.has('publications')).toBe(false);
    expect([...touched].sort()).toEqual(['publication_count_changes', 'publication_counts']);
  });

  it('agree with count(*) after inserts, status changes, deletes and a cancellation through the API', async () => {
    await expectAgreement();
    const post = await createPost();
    await expectAgreement();

    await server.db.dataSource.query(`UPDATE publications SET status = 'scheduled' WHERE post_id = $1`, [post.id]);
    await server.db.dataSource.query(`UPDATE publications SET status = 'failed' WHERE post_id = $1 AND platform = 'ok'`, [post.id]);
    // A write that leaves the status alone counts nothing.
    await server.db.dataSource.query(`UPDATE publications SET attempts = attempts + 1, updated_at = now() WHERE post_id = $1`, [post.id]);
    await expectAgreement();
    await compact();
    await expectAgreement();

    // A page taken off the post: its publication row is deleted.
    await server.http.patch(`/api/v1/posts/${post.id}`).set(bearer(admin)).send({ channelIds: channels.filter((_, i) => i !== 0) }).expect(200);
    expect((await server.db.dataSource.query(`SELECT count(*)::int AS n FROM publications WHERE post_id = $1`, [post.id]))[0].n).toBe(2);
    await expectAgreement();

    const cancelled = await createPost();
    await server.http.post(`/api/v1/posts/${cancelled.id}/cancel`).set(bearer(admin)).expect(200);
    expect((await server.db.dataSource.query(`SELECT count(*)::int AS n FROM publications WHERE post_id = $1 AND status = 'cancelled'`, [cancelled.id]))[0].n).toBe(3);
    await expectAgreement();

    await server.db.dataSource.query(`DELETE FROM publications WHERE post_id = $1`, [cancelled.id]);
    await expectAgreement();
    expect((await scraped())['cancelled/vk']).toBe(0);
  });

  it('agree under two connections writing and compacting at once, uncommitted changes unseen', async () => {
    const posts = await Promise.all([createPost(), createPost(), createPost(), createPost()]);
    const ids: string[] = (await server.db.dataSource.query(`SELECT id FROM publications WHERE post_id = ANY($1) ORDER BY id`, [posts.map((p) => p.id)])).map((r: { id: string }) => r.id);
    const [a, b] = [await connect(), await connect()];
    try {
      await a.query('BEGIN');
      await b.query('BEGIN');
      // Interleaved, in opposite orders: nothing waits on a shared counter, so neither blocks the other.
      const half = ids.length / 2;
      for (let i = 0; i < half; i++) {
        await a.query(`UPDATE publications SET status = $2 WHERE id = $1`, [ids[i], i % 2 ? 'failed' : 'unconfirmed']);
        await b.query(`UPDATE publications SET status = $2 WHERE id = $1`, [ids[ids.length - 1 - i], i % 3 ? 'missed' : 'publishing']);
      }
      await a.query(`DELETE FROM publications WHERE id = $1`, [ids[0]]);
      // Neither has committed: a scrape and a compaction in between see the committed state only.
      await compact();
      await expectAgreement();
      await a.query('COMMIT');
      await Promise.all([a.query(`SELECT publication_counts_compact()`), b.query(`SELECT publication_counts_compact()`)]);
      await expectAgreement();
      await b.query('COMMIT');
      await expectAgreement();

      // Many small writes from both at once, compactions racing them.
      await Promise.all(
        [a, b].map(async (c, k) => {
          for (let i = k; i < ids.length; i += 2) {
            await c.query(`UPDATE publications SET status = $2 WHERE id = $1`, [ids[i], PUBLICATION_STATUSES[(i + k) % PUBLICATION_STATUSES.length]]);
            if (i % 3 === 0) await c.query(`SELECT publication_counts_compact()`);
          }
        }),
      );
      await expectAgreement();
      await compact();
      await expectAgreement();
      expect(await server.db.dataSource.query(`SELECT count(*)::int AS n FROM publication_count_changes`)).toEqual([{ n: 0 }]);
    } finally {
      await a.end();
      await b.end();
    }
  });

  it("the migration's down then up keeps them right", async () => {
    await expectAgreement();
    const migration = POSTS_SCHEMA.migrations.map((M) => new M()).find((m) => m.name === 'PublicationCounts1766000000000');
    if (!migration) throw new Error('PublicationCounts1766000000000 not registered');
    const runner = server.db.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      expect(await server.db.dataSource.query(`SELECT to_regclass('publication_counts') AS t, to_regclass('publication_count_changes') AS c`)).toEqual([{ t: null, c: null }]);
      // Written while there is no trigger: the migration counts it when it comes back.
      await createPost();
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    await expectAgreement();
    await createPost();
    await expectAgreement();
  });
});
