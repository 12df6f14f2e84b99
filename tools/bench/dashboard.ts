/**
 * `npm run bench:dashboard -- [--pages 2000] [--weeks 8] [--runs 40] [--built]`
 *
 * The coordinator's dashboard at a region's size: an embedded PostgreSQL gets, in SQL, a subtree of
 * ~100 organizations (a root, 9 districts, 90 towns; three zones) with `--pages` pages, most with a
 * weekly minimum and some with a rubric target, and `--weeks` weeks of history at ~3 publications a
 * week per page (a few failed or missed), this week's and next week's still scheduled, some in review.
 * The real server (from the sources through @swc-node, or `dist/apps/server/main.js` with `--built`)
 * answers the three endpoints over HTTP; p50/p95 of the answer times are printed, for the root and for
 * a town, then the service's own statements straight to PostgreSQL: their time alone and `EXPLAIN
 * ANALYZE` with the dashboard's indexes and without them.
 * Figures only.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import type { DashboardPagesView, LoginResponse } from '@vestnik/contracts';
import { pagesStatement, totalsStatement } from '@vestnik/server/coordination';
import { startEmbeddedPostgres } from '@vestnik/server/persistence';
import { freePort } from '@vestnik/server/testing';
import { ADMIN, fillRegion, ZONES } from './dashboard-seed';
import { answers, NodeProcess, startNodeProcess } from './node-process';

const USAGE = 'npm run bench:dashboard -- [--pages 2000] [--weeks 8] [--runs 40] [--built]';

interface Options {
  pages: number;
  weeks: number;
  runs: number;
  built: boolean;
}

const log = (line: string) => console.log(`[bench] ${line}`);

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const dir = mkdtempSync(join(tmpdir(), 'vestnik-bench-dashboard-'));
  chmodSync(dir, 0o755); // as root, PostgreSQL runs as another user who must enter it
  const pg = await startEmbeddedPostgres({ dataDir: join(dir, 'pg'), port: await freePort(), log: () => undefined, warn: log });
  const db = new Client({ connectionString: pg.url });
  let server: NodeProcess | undefined;
  try {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const started = performance.now();
    server = await startNodeProcess(
      'server',
      options.built ? 'dist/apps/server/main.js' : 'apps/server/src/main.ts',
      {
        ...(options.built ? {} : { NODE_OPTIONS: '-r @swc-node/register', SWC_NODE_PROJECT: 'tools/bench/tsconfig.json' }),
        DATABASE_URL: pg.url,
        PORT: String(port),
        HOST: '127.0.0.1',
        VESTNIK_ROLES: 'api',
        VESTNIK_DATA_DIR: join(dir, 'data'),
        VESTNIK_EDITOR_DIR: join(dir, 'no-editor'),
        LOG_LEVEL: 'warn',
      },
      () => answers(`${url}/api/health`),
    );
    log(`server up in ${seconds(started)} s (${options.built ? 'built' : 'from the sources'})`);
    const setup = await post<LoginResponse>(`${url}/api/v1/setup`, { organization: { name: 'Правительство области', timezone: ZONES[0] }, admin: ADMIN });
    const token = setup.accessToken;
    const rootId = setup.user.memberships[0].organizationId;
    await db.connect();
    await fillRegion(db, rootId, options);

    const town = (await db.query<{ id: string; path: string }>(`SELECT id, path FROM organizations WHERE name = 'Город 1.1'`)).rows[0];
    const root = (await db.query<{ path: string }>(`SELECT path FROM organizations WHERE id = $1`, [rootId])).rows[0];
    const channel = (await db.query<{ id: string }>(`SELECT id FROM channels ORDER BY name LIMIT 1`)).rows[0].id;
    const get = (path: string) => async () => {
      const res = await fetch(`${url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as unknown;
    };
    const first = (await get(`/api/v1/dashboard/pages?organizationId=${rootId}`)()) as DashboardPagesView;
    log(`root: ${first.total} pages, ${(await get(`/api/v1/dashboard/pages?organizationId=${rootId}&atRiskOnly=true&limit=1`)() as DashboardPagesView).total} at risk`);

    const cases: [string, string][] = [
      ['pages, root, at risk first, 50', `/api/v1/dashboard/pages?organizationId=${rootId}`],
      ['pages, root, by last publication, offset 1000', `/api/v1/dashboard/pages?organizationId=${rootId}&sort=lastPublishedAt&order=desc&offset=1000`],
      ['pages, root, at risk only, vk', `/api/v1/dashboard/pages?organizationId=${rootId}&atRiskOnly=true&platform=vk`],
      ['pages, root, search', `/api/v1/dashboard/pages?organizationId=${rootId}&search=${encodeURIComponent('Страница 12')}`],
      ['pages, a town', `/api/v1/dashboard/pages?organizationId=${town.id}`],
      ['summary, root, 8 weeks', `/api/v1/dashboard/summary?organizationId=${rootId}&weeks=8`],
      ['summary, a town, 8 weeks', `/api/v1/dashboard/summary?organizationId=${town.id}&weeks=8`],
      ['history, one page, 8 weeks', `/api/v1/dashboard/pages/${channel}/history?weeks=8`],
    ];
    for (const [name, path] of cases) {
      const times = await timed(get(path), options.runs);
      log(`${name}: p50 ${times.p50.toFixed(1)} ms, p95 ${times.p95.toFixed(1)} ms (${options.runs} runs)`);
    }

    // The service's own statements, straight to PostgreSQL: what the answer time is made of.
    const statements = (org: { id: string; path: string }) => ({
      pages: pagesStatement({ path: org.path, organizationId: org.id, now: new Date(), query: { organizationId: org.id, limit: 50, offset: 0 } }),
      summary: totalsStatement({ path: org.path, organizationId: org.id, now: new Date(), weeks: 8 }),
    });
    for (const [name, org] of [['root', { id: rootId, path: root.path }], ['a town', town]] as const) {
      const { pages, summary } = statements(org);
      const direct = await timed(() => db.query(pages.sql, pages.values), options.runs);
      log(`pages statement alone, ${name}: p50 ${direct.p50.toFixed(1)} ms, p95 ${direct.p95.toFixed(1)} ms; EXPLAIN ANALYZE ${await explain(db, pages.sql, pages.values, name === 'root')} ms`);
      log(`summary statement, ${name}: EXPLAIN ANALYZE ${await explain(db, summary.sql, summary.values, false)} ms`);
      await db.query('BEGIN');
      await db.query('DROP INDEX publications_channel_published');
      await db.query('DROP INDEX publications_channel_open');
      log(`  without the dashboard's two indexes: pages ${await explain(db, pages.sql, pages.values, false)} ms, summary ${await explain(db, summary.sql, summary.values, false)} ms`);
      await db.query('ROLLBACK');
    }
  } finally {
    await server?.stop();
    await db.end().catch(() => undefined);
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function parseOptions(argv: string[]): Options {
  const options: Options = { pages: 2_000, weeks: 8, runs: 40, built: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i], Number(argv[i + 1])];
    if (flag === '--built') {
      options.built = true;
      continue;
    }
    const limits: Record<string, [keyof Options, number, number]> = { '--pages': ['pages', 10, 50_000], '--weeks': ['weeks', 1, 104], '--runs': ['runs', 5, 1_000] };
    const rule = limits[flag];
    if (!rule || !Number.isInteger(value) || value < rule[1] || value > rule[2]) throw new Error(`bad option ${flag} ${argv[i + 1] ?? ''}\n${USAGE}`);
    (options[rule[0]] as number) = value;
    i++;
  }
  return options;
}

/**
 * The subtree under the root setup made: districts and towns (a third of the districts in each
 * zone), pages spread over all of them, and one post per publication. Week slots are 56 hours apart
 * (3 a week), shifted per page so days differ; what lies before now went out (1 in 40 failed or
 * missed), what lies ahead is scheduled (1 in 10 still in review).
 */

/** Runs `EXPLAIN ANALYZE` and answers its execution time; prints the plan's scans when asked. */
async function explain(db: Client, sql: string, values: unknown[], printPlan: boolean): Promise<string> {
  const result = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, values);
  const lines = result.rows.map((r) => r['QUERY PLAN']);
  if (printPlan) for (const line of lines.filter((l) => /Scan on (publications|posts|channels)|Hash Join|Nested Loop|Execution|Planning/.test(l))) console.log(`          ${line.trim().slice(0, 200)}`);
  const time = lines.map((l) => /^Execution Time: ([\d.]+) ms/.exec(l.trim())).find((m) => m);
  const planning = lines.map((l) => /^Planning Time: ([\d.]+) ms/.exec(l.trim())).find((m) => m);
  return time ? `${Number(time[1]).toFixed(1)}${planning ? ` (+${Number(planning[1]).toFixed(1)} planning)` : ''}` : '?';
}

async function timed(call: () => Promise<unknown>, runs: number): Promise<{ p50: number; p95: number }> {
  await call(); // warm: the first answer also plans and caches
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await call();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
  return { p50: at(0.5), p95: at(0.95) };
}

async function post<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(0);

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
