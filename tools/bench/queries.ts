/**
 * `npm run bench:queries -- [--publications 2000000]`
 *
 * The queries that grow with the publications table, on an embedded PostgreSQL filled in SQL: a
 * tree of ~1,000 organizations, ~2,000 channels, ten pages per post, most publications scheduled in
 * the coming days, some published, a few thousand waiting for a person. Prints `EXPLAIN ANALYZE`
 * execution times of the `/metrics` count read, the attention list (root and a small subtree) and the
 * claim, and the cost of status updates with the counting trigger and without it. Figures only.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AUTH_SCHEMA } from '@vestnik/server/auth';
import { CHANNELS_SCHEMA } from '@vestnik/server/channels';
import { MEDIA_SCHEMA } from '@vestnik/server/media';
import { NOTIFICATIONS_SCHEMA } from '@vestnik/server/notifications';
import { ORGANIZATIONS_SCHEMA } from '@vestnik/server/organizations';
import { dataSourceOptions, FOUNDATION_SCHEMA, migrate, startEmbeddedPostgres } from '@vestnik/server/persistence';
import { POSTS_SCHEMA } from '@vestnik/server/posts';
import { PUBLISHING_SCHEMA } from '@vestnik/server/publishing';
import { freePort } from '@vestnik/server/testing';

const USAGE = 'npm run bench:queries -- [--publications 2000000]';
const ORGANIZATIONS = 1_000;
const CHANNELS = 2_000;
const PAGES_PER_POST = 10;
/** Status updates timed per round, one statement each. */
const UPDATES = 3_000;

// The statements below are the application's own, copied: change them together.
/** PublishingMetrics.countPublications (libs/server/metrics). */
const METRICS_READ = `SELECT status, platform, sum(n)::int8 AS n
  FROM (SELECT status, platform, n FROM publication_counts UNION ALL SELECT status, platform, n FROM publication_count_changes) kept
 GROUP BY status, platform`;
const METRICS_BEFORE = `SELECT status, platform, count(*)::int AS n FROM publications GROUP BY status, platform`;
const ATTENTION_COLUMNS = `pub.id, pub.post_id, pub.channel_id, c.name AS channel_name, pub.platform, pub.status, pub.remote_id, pub.url, pub.attempts, pub.last_error, pub.published_at,
       p.organization_id, p.approved_hash, p.content_hash, p.status AS post_status, p.title AS post_title, left(p.text, 300) AS post_text, p.scheduled_at`;
/** PublicationActionsService.needingAttention (libs/server/publishing). */
const ATTENTION = `SELECT ${ATTENTION_COLUMNS}
  FROM (SELECT * FROM publications a
         WHERE a.status IN ('unconfirmed', 'failed', 'missed')
           AND CASE WHEN (SELECT o.path FROM posts ap JOIN organizations o ON o.id = ap.organization_id WHERE ap.id = a.post_id) LIKE $1 THEN true ELSE false END
         ORDER BY a.updated_at DESC LIMIT 500) pub
  JOIN posts p ON p.id = pub.post_id JOIN channels c ON c.id = pub.channel_id
 ORDER BY pub.updated_at DESC`;
/** The same list as it was written before (a plain join the planner may start from the subtree's posts). */
const ATTENTION_BEFORE = `SELECT ${ATTENTION_COLUMNS}
  FROM publications pub JOIN posts p ON p.id = pub.post_id JOIN channels c ON c.id = pub.channel_id JOIN organizations o ON o.id = p.organization_id
 WHERE o.path LIKE $1 AND pub.status IN ('unconfirmed', 'failed', 'missed') ORDER BY pub.updated_at DESC LIMIT 500`;
/** PublicationClaims.claim (libs/server/publishing), unchanged. */
const CLAIM = `WITH due AS (
   SELECT pub.id FROM publications pub
     JOIN channels c ON c.id = pub.channel_id
    WHERE pub.status = 'scheduled' AND pub.next_attempt_at <= now()
      AND c.state <> 'needs_attention'
    ORDER BY pub.next_attempt_at
    LIMIT $2
    FOR UPDATE OF pub SKIP LOCKED)
 UPDATE publications p SET status = 'publishing', phase = 'claimed', claimed_by = $1, claim_token = p.claim_token + 1,
        lease_until = now() + make_interval(secs => $3), updated_at = now()
   FROM due, posts post
  WHERE p.id = due.id AND post.id = p.post_id
 RETURNING p.id`;

const log = (line: string) => console.log(`[bench] ${line}`);

async function main(): Promise<void> {
  const publications = parsePublications(process.argv.slice(2));
  const dir = mkdtempSync(join(tmpdir(), 'vestnik-bench-queries-'));
  chmodSync(dir, 0o755); // as root, PostgreSQL runs as another user who must enter it
  const pg = await startEmbeddedPostgres({ dataDir: join(dir, 'pg'), port: await freePort(), log: () => undefined, warn: log });
  const db = new Client({ connectionString: pg.url });
  try {
    const schema = new DataSource(
      dataSourceOptions(pg.url, [FOUNDATION_SCHEMA, AUTH_SCHEMA, ORGANIZATIONS_SCHEMA, CHANNELS_SCHEMA, POSTS_SCHEMA, MEDIA_SCHEMA, PUBLISHING_SCHEMA, NOTIFICATIONS_SCHEMA]),
    );
    await schema.initialize();
    log(`${(await migrate(schema)).length} migrations applied`);
    await schema.destroy();
    await db.connect();
    await fill(db, publications);
    await measure(db);
  } finally {
    await db.end().catch(() => undefined);
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function parsePublications(argv: string[]): number {
  if (argv.length === 0) return 2_000_000;
  const value = Number(argv[1]);
  if (argv[0] !== '--publications' || argv.length !== 2 || !Number.isInteger(value) || value < 10_000 || value > 50_000_000) {
    throw new Error(`--publications must be an integer from 10000 to 50000000\n${USAGE}`);
  }
  return value;
}

/** Ids are md5 of a name and a number, so rows point at each other without lookups. */
async function fill(db: Client, publications: number): Promise<void> {
  const started = performance.now();
  const posts = Math.ceil(publications / PAGES_PER_POST);
  // A bulk load: no triggers and no foreign-key checks while filling; the counts are taken once after.
  await db.query(`SET session_replication_role = replica`);
  await db.query(`INSERT INTO users (id, email, name, password_hash) VALUES (md5('user')::uuid, 'bench@example.ru', 'Редактор', 'x')`);
  // Organization k's parent is (k - 1) / 10: a root, 10 districts, 100 towns, 889 schools.
  await db.query(
    `WITH RECURSIVE tree(k, id, parent_id, path) AS (
       SELECT 0, md5('org0')::uuid, NULL::uuid, '/' || md5('org0')::uuid || '/'
        UNION ALL
       SELECT c.k, md5('org' || c.k)::uuid, tree.id, tree.path || md5('org' || c.k)::uuid || '/'
         FROM tree JOIN generate_series(1, $1 - 1) c(k) ON (c.k - 1) / 10 = tree.k)
     INSERT INTO organizations (id, name, parent_id, path, own_timezone)
     SELECT id, 'Организация ' || k, parent_id, path, CASE WHEN k = 0 THEN 'Asia/Sakhalin' END FROM tree`,
    [ORGANIZATIONS],
  );
  await db.query(
    `INSERT INTO channels (id, organization_id, platform, name, target, remote_target_id, credentials, state, can_post)
     SELECT md5('channel' || k)::uuid, md5('org' || (k % $2))::uuid, (ARRAY['vk', 'ok', 'telegram'])[k % 3 + 1], 'Страница ' || k, 't' || k, 't' || k, 'v2.bench', 'active', true
       FROM generate_series(0, $1 - 1) k`,
    [CHANNELS, ORGANIZATIONS],
  );
  // Posts of the coming week, one a minute; every 12th already out (yesterday and before).
  await db.query(
    `INSERT INTO posts (id, organization_id, author_id, rubric, text, scheduled_at, status, content_hash, approved_hash)
     SELECT md5('post' || k)::uuid, md5('org' || (k % $2))::uuid, md5('user')::uuid, 'useful', 'Текст материала ' || k,
            CASE WHEN k % 12 = 0 THEN now() - make_interval(mins => k % 43200) ELSE now() + make_interval(mins => 10 + k % 10080) END,
            CASE WHEN k % 12 = 0 THEN 'published' ELSE 'scheduled' END, 'h', 'h'
       FROM generate_series(0, $1 - 1) k`,
    [posts, ORGANIZATIONS],
  );
  // Pages of post k: ten consecutive channels from 7k. Of each 2,000: 3 wait for a person; ~1 in 6,667 scheduled ones is due now.
  await db.query(
    `INSERT INTO publications (post_id, channel_id, platform, status, attempts, next_attempt_at, published_at, updated_at, created_at)
     SELECT md5('post' || k)::uuid, md5('channel' || ch)::uuid, (ARRAY['vk', 'ok', 'telegram'])[ch % 3 + 1], s.status,
            CASE WHEN s.status IN ('failed', 'unconfirmed') THEN 3 ELSE 0 END,
            CASE WHEN s.status = 'scheduled' THEN CASE WHEN g % 6667 = 5 THEN now() - interval '1 minute' ELSE post_at END END,
            CASE WHEN s.status = 'published' THEN post_at END,
            CASE WHEN s.status IN ('unconfirmed', 'failed', 'missed') THEN now() - make_interval(mins => g % 43200) ELSE now() - make_interval(mins => g % 1440) END,
            now() - interval '8 days'
       FROM generate_series(0, $1 - 1) g,
            LATERAL (SELECT g / ${PAGES_PER_POST} AS k, (g / ${PAGES_PER_POST} * 7 + g % ${PAGES_PER_POST}) % ${CHANNELS} AS ch) ids,
            LATERAL (SELECT CASE WHEN ids.k % 12 = 0 THEN now() - make_interval(mins => ids.k % 43200) ELSE now() + make_interval(mins => 10 + ids.k % 10080) END AS post_at) t,
            LATERAL (SELECT CASE
                 WHEN g % 2000 = 0 THEN 'unconfirmed' WHEN g % 2000 = 1 THEN 'failed' WHEN g % 2000 = 2 THEN 'missed'
                 WHEN ids.k % 12 = 0 THEN 'published'
                 WHEN g % 100 = 3 THEN 'cancelled' WHEN g % 100 = 4 THEN 'pending'
                 ELSE 'scheduled' END AS status) s`,
    [publications],
  );
  await db.query(`SET session_replication_role = origin`);
  await db.query(`DELETE FROM publication_counts`);
  await db.query(`INSERT INTO publication_counts (status, platform, n) SELECT status, platform, count(*) FROM publications GROUP BY status, platform`);
  await db.query(`VACUUM ANALYZE`);
  const mix = await db.query<{ status: string; n: string }>(`SELECT status, count(*) AS n FROM publications GROUP BY status ORDER BY count(*) DESC`);
  log(`filled in ${seconds(started)} s: ${mix.rows.map((r) => `${r.status} ${Number(r.n).toLocaleString('en')}`).join(', ')}`);
}

async function measure(db: Client): Promise<void> {
  const root = (await db.query<{ path: string }>(`SELECT path FROM organizations WHERE id = md5('org0')::uuid`)).rows[0].path;
  // Organization 11: a town with 10 schools.
  const town = (await db.query<{ path: string }>(`SELECT path FROM organizations WHERE id = md5('org11')::uuid`)).rows[0].path;

  // Status changes to time: scheduled ones not due, set aside in two equal groups.
  const ids = (await db.query<{ id: string }>(`SELECT id FROM publications WHERE status = 'scheduled' AND next_attempt_at > now() ORDER BY id LIMIT ${2 * UPDATES}`)).rows.map((r) => r.id);
  const groups = [ids.slice(0, UPDATES), ids.slice(UPDATES)];
  const update = async (group: string[], status: string): Promise<number> => {
    const started = performance.now();
    for (const id of group) await db.query(`UPDATE publications SET status = $2, updated_at = now() WHERE id = $1`, [id, status]);
    return (performance.now() - started) / group.length;
  };
  const withTrigger: number[] = [];
  const without: number[] = [];
  for (let round = 0; round < 2; round++) {
    withTrigger.push(await update(groups[0], 'publishing'), await update(groups[0], 'scheduled'));
    // Forth and back with the trigger off: the counts end as they were.
    await db.query(`ALTER TABLE publications DISABLE TRIGGER publications_count_status`);
    without.push(await update(groups[1], 'publishing'), await update(groups[1], 'scheduled'));
    await db.query(`ALTER TABLE publications ENABLE TRIGGER publications_count_status`);
  }
  const unfolded = Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM publication_count_changes`)).rows[0].n);
  log(`metrics read, ${unfolded.toLocaleString('en')} changes not yet folded: ${await explain(db, METRICS_READ)} ms`);
  log(`fold them (publication_counts_compact): ${await explain(db, 'SELECT publication_counts_compact()')} ms`);
  log(`metrics read, folded: ${await explain(db, METRICS_READ)} ms`);
  log(`metrics read before (GROUP BY over publications): ${await explain(db, METRICS_BEFORE)} ms`);
  const [kept, counted] = [await db.query(METRICS_READ), await db.query(METRICS_BEFORE)];
  const asText = (rows: { status: string; platform: string; n: string | number }[]) => rows.filter((r) => Number(r.n) !== 0).map((r) => `${r.status}/${r.platform}=${Number(r.n)}`).sort().join(' ');
  log(`kept counts equal count(*): ${asText(kept.rows) === asText(counted.rows) ? 'yes' : `NO\n  kept    ${asText(kept.rows)}\n  counted ${asText(counted.rows)}`}`);

  for (const [name, path] of [[`root (${ORGANIZATIONS} organizations)`, root], ['a town (11 organizations)', town]]) {
    log(`attention list, ${name}: ${await explain(db, ATTENTION, [`${path}%`], true)} ms`);
    log(`  the join as written before: ${await explain(db, ATTENTION_BEFORE, [`${path}%`])} ms with the index`);
    await db.query('BEGIN');
    await db.query('DROP INDEX publications_attention');
    log(`  the join as written before: ${await explain(db, ATTENTION_BEFORE, [`${path}%`])} ms without it`);
    await db.query('ROLLBACK');
  }
  await db.query('BEGIN');
  log(`claim 50 due: ${await explain(db, CLAIM, ['bench-worker', 50, 60], true)} ms`);
  await db.query('ROLLBACK');

  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const [on, off] = [mean(withTrigger), mean(without)];
  log(
    `one status UPDATE (autocommit, ${4 * UPDATES} each way): with the counting trigger ${on.toFixed(3)} ms, without ${off.toFixed(3)} ms, ` +
      `difference ${(on - off).toFixed(3)} ms (${(((on - off) / off) * 100).toFixed(0)} %); rounds with ${withTrigger.map((x) => x.toFixed(3)).join(' / ')}, without ${without.map((x) => x.toFixed(3)).join(' / ')}`,
  );
}

/** Runs `EXPLAIN ANALYZE` and answers its execution time; prints the plan when asked. */
async function explain(db: Client, sql: string, params: unknown[] = [], printPlan = false): Promise<string> {
  const result = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
  const lines = result.rows.map((r) => r['QUERY PLAN']);
  if (printPlan) for (const line of lines) console.log(`          ${line}`);
  const time = lines.map((l) => /^Execution Time: ([\d.]+) ms/.exec(l.trim())).find((m) => m);
  return time ? Number(time[1]).toFixed(2) : '?';
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(0);

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
