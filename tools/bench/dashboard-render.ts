/**
 * How soon the coordinator's dashboard shows its first rows at a region's size.
 *
 *   SWC_NODE_PROJECT=tools/bench/tsconfig.json node -r @swc-node/register tools/bench/dashboard-render.ts [--pages 2000] [--weeks 8] [--runs 10]
 *
 * Build the editor first (`npx nx build editor`). Starts an embedded PostgreSQL and the server from
 * the sources (through @swc-node, like `bench:dashboard`) serving the built editor, makes the
 * first-run setup through the API, then fills in SQL a subtree of ~100 organizations with `--pages`
 * pages (most with a weekly minimum) and `--weeks` weeks of publications at ~3 a week per page, plus
 * next week's. Chromium (CHROMIUM_PATH, default /usr/bin/chromium) signs in once, then opens `/` (the
 * dashboard of the root's whole subtree) `--runs` times as a fresh page load and prints, from the
 * navigation's start: the first table row in the DOM (a MutationObserver installed before any script
 * runs), when `/api/v1/dashboard/pages` was asked and answered (Resource Timing), and the same for a return
 * to the dashboard from another page of the editor. Figures only. (`performance` is the global one on
 * purpose: functions passed to the page are serialized, and an imported name would not exist there.)
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { chromium, type Page } from 'playwright';
import type { LoginResponse } from '@vestnik/contracts';
import { startEmbeddedPostgres } from '@vestnik/server/persistence';
import { freePort } from '@vestnik/server/testing';
import { answers, NodeProcess, ROOT, startNodeProcess } from './node-process';

const ADMIN = { email: 'coordinator@region.gov.ru', password: 'пароль-координатора-1', name: 'Координатор' };
const ZONES = ['Europe/Moscow', 'Asia/Yekaterinburg', 'Asia/Sakhalin'];
const log = (line: string) => console.log(`[bench] ${line}`);

function option(name: string, fallback: number, max: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 1 || value > max) throw new Error(`--${name} takes a whole number from 1 to ${max}`);
  return value;
}

interface Marks {
  /** performance.now() when the first row of the pages table was added to the DOM. */
  firstRow: number | null;
  /** When the pages request was sent and when its answer ended, from the navigation's start. */
  pagesAsked: number | null;
  pagesAnswered: number | null;
}

async function main(): Promise<void> {
  const pages = option('pages', 2_000, 50_000);
  const weeks = option('weeks', 8, 52);
  const runs = option('runs', 10, 200);
  const dir = mkdtempSync(join(tmpdir(), 'vestnik-bench-render-'));
  chmodSync(dir, 0o755); // as root, PostgreSQL runs as another user who must enter it
  const pg = await startEmbeddedPostgres({ dataDir: join(dir, 'pg'), port: await freePort(), log: () => undefined, warn: log });
  const db = new Client({ connectionString: pg.url });
  let server: NodeProcess | undefined;
  const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    server = await startNodeProcess(
      'server',
      'apps/server/src/main.ts',
      {
        NODE_OPTIONS: '-r @swc-node/register',
        SWC_NODE_PROJECT: 'tools/bench/tsconfig.json',
        DATABASE_URL: pg.url,
        PORT: String(port),
        HOST: '127.0.0.1',
        VESTNIK_ROLES: 'api',
        VESTNIK_DATA_DIR: join(dir, 'data'),
        VESTNIK_EDITOR_DIR: join(ROOT, 'dist/apps/editor/browser'),
        LOG_LEVEL: 'warn',
      },
      () => answers(`${url}/api/health`),
    );
    const setup = await post<LoginResponse>(`${url}/api/v1/setup`, { organization: { name: 'Правительство области', timezone: ZONES[0] }, admin: ADMIN });
    await db.connect();
    await fill(db, setup.user.memberships[0].organizationId, pages, weeks);

    const context = await browser.newContext({ locale: 'ru-RU', timezoneId: 'Europe/Moscow', viewport: { width: 1280, height: 900 } });
    await context.addInitScript(() => {
      const marks = { firstRow: null as number | null };
      (window as unknown as { __dashboard: typeof marks }).__dashboard = marks;
      new MutationObserver((_, observer) => {
        if (document.querySelector('tr.pages__row')) {
          marks.firstRow = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const page = await context.newPage();
    await page.goto(`${url}/login`);
    await page.getByLabel('Электронная почта').fill(ADMIN.email);
    await page.getByLabel('Пароль', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.waitForSelector('tr.pages__row', { timeout: 60_000 });
    const shown = await page.locator('.pager__status').textContent();
    log(`${pages} pages, ${weeks} weeks; the dashboard shows «${shown?.trim()}»; ${cpus().length} CPUs, load ${loadavg()[0].toFixed(1)}`);

    const fresh: Marks[] = [];
    const inEditor: number[] = [];
    for (let i = 0; i < runs; i++) {
      await page.goto(`${url}/`);
      fresh.push(await marksOf(page, 'a fresh load of /'));
      // Back from another page of the editor: the dashboard's chunk is cached, the answer is not.
      await page.getByRole('link', { name: 'Каналы', exact: true }).click();
      await page.waitForURL(/\/channels/);
      const started = await page.evaluate(() => {
        (window as unknown as { __dashboard: { firstRow: number | null } }).__dashboard.firstRow = null;
        return performance.now();
      });
      await page.evaluate(() => {
        const marks = (window as unknown as { __dashboard: { firstRow: number | null } }).__dashboard;
        new MutationObserver((_, observer) => {
          if (document.querySelector('tr.pages__row')) {
            marks.firstRow = performance.now();
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      await page.getByRole('link', { name: 'Сводка', exact: true }).click();
      await page
        .waitForFunction(() => (window as unknown as { __dashboard: { firstRow: number | null } }).__dashboard.firstRow !== null, undefined, { timeout: 60_000 })
        .catch((error: unknown) => failed(page, 'the return from «Каналы»', error));
      inEditor.push((await page.evaluate(() => (window as unknown as { __dashboard: { firstRow: number } }).__dashboard.firstRow)) - started);
    }
    const rows = fresh.map((m) => m.firstRow ?? NaN);
    const asked = fresh.map((m) => m.pagesAsked ?? NaN);
    const answered = fresh.map((m) => m.pagesAnswered ?? NaN);
    const answerTime = fresh.map((m) => (m.pagesAnswered ?? NaN) - (m.pagesAsked ?? NaN));
    log(`fresh load of /, first row rendered: p50 ${quantile(rows, 0.5)} ms, p95 ${quantile(rows, 0.95)} ms, min ${quantile(rows, 0)} ms (${runs} runs)`);
    log(`  /api/v1/dashboard/pages asked at p50 ${quantile(asked, 0.5)} ms, answered at p50 ${quantile(answered, 0.5)} ms (p95 ${quantile(answered, 0.95)} ms); its answer took p50 ${quantile(answerTime, 0.5)} ms, p95 ${quantile(answerTime, 0.95)} ms`);
    log(`from another page of the editor (link «Сводка»), first row rendered: p50 ${quantile(inEditor, 0.5)} ms, p95 ${quantile(inEditor, 0.95)} ms`);
  } finally {
    await browser.close();
    await server?.stop();
    await db.end().catch(() => undefined);
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Says where the rows did not come, with a screenshot beside the bench's output, and stops. */
async function failed(page: Page, what: string, error: unknown): Promise<never> {
  const shot = join(ROOT, 'dist', 'bench-dashboard-render-failed.png');
  await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
  throw new Error(`no table row after ${what} (${page.url()}); see ${shot}: ${error instanceof Error ? error.message : String(error)}`);
}

/** Waits for the first row, then reads the marks of this page load. */
async function marksOf(page: Page, what: string): Promise<Marks> {
  await page
    .waitForFunction(() => (window as unknown as { __dashboard: { firstRow: number | null } }).__dashboard.firstRow !== null, undefined, { timeout: 60_000 })
    .catch((error: unknown) => failed(page, what, error));
  return page.evaluate(() => {
    const answer = performance.getEntriesByType('resource').find((e) => e.name.includes('/api/v1/dashboard/pages')) as PerformanceResourceTiming | undefined;
    return {
      firstRow: (window as unknown as { __dashboard: { firstRow: number | null } }).__dashboard.firstRow,
      pagesAsked: answer ? answer.startTime : null,
      pagesAnswered: answer ? answer.responseEnd : null,
    };
  });
}

/**
 * Districts and towns under the root (three zones), `pages` pages spread over them (6 in 7 with a
 * weekly minimum of 2–4, half with a rubric target), and publications every 56 hours per page from
 * `weeks` weeks back to next week: what lies before now went out (1 in 40 failed), the rest is scheduled.
 */
async function fill(db: Client, rootId: string, pages: number, weeks: number): Promise<void> {
  const started = performance.now();
  const { rows } = await db.query<{ path: string; user_id: string }>(`SELECT o.path, m.user_id FROM organizations o JOIN memberships m ON m.organization_id = o.id WHERE o.id = $1`, [rootId]);
  const [{ path: rootPath, user_id: userId }] = rows;
  await db.query(
    `WITH d AS (SELECT gen_random_uuid() AS id, d FROM generate_series(1, 9) d)
     INSERT INTO organizations (id, name, parent_id, path, own_timezone)
     SELECT id, 'Район ' || d, $1::uuid, $2 || id || '/', ($3::text[])[d % 3 + 1] FROM d`,
    [rootId, rootPath, ZONES],
  );
  await db.query(
    `WITH t AS (SELECT gen_random_uuid() AS id, d, t FROM generate_series(1, 9) d CROSS JOIN generate_series(1, 10) t)
     INSERT INTO organizations (id, name, parent_id, path)
     SELECT t.id, 'Город ' || t.d || '.' || t.t, o.id, o.path || t.id || '/' FROM t JOIN organizations o ON o.name = 'Район ' || t.d`,
  );
  await db.query(
    `WITH orgs AS (SELECT id, row_number() OVER (ORDER BY path) - 1 AS n, count(*) OVER () AS total FROM organizations WHERE path LIKE $2)
     INSERT INTO channels (organization_id, platform, name, target, remote_target_id, credentials, state, can_post, weekly_minimum, rubric_mix)
     SELECT orgs.id, (ARRAY['vk', 'ok', 'telegram'])[k % 3 + 1], 'Страница ' || k, 'club' || (100000 + k), (100000 + k)::text, 'v2.bench',
            CASE WHEN k % 100 = 7 THEN 'needs_attention' ELSE 'active' END, true,
            CASE WHEN k % 7 = 0 THEN NULL ELSE 2 + k % 3 END,
            CASE WHEN k % 2 = 0 THEN '{"official": 40, "useful": 40, "entertaining": 20}'::jsonb END
       FROM generate_series(0, $1 - 1) k JOIN orgs ON orgs.n = k % orgs.total`,
    [pages, `${rootPath}%`],
  );
  const slots = Math.ceil(((weeks + 2) * 7 * 24) / 56);
  await db.query(
    `CREATE TEMP TABLE slots AS
     SELECT c.id AS channel_id, c.organization_id, c.platform, k.k, s.s,
            date_trunc('week', now()) - make_interval(weeks => $2) + make_interval(hours => s.s * 56 + (k.k % 48)) AS at
       FROM generate_series(0, $1 - 1) k(k) JOIN channels c ON c.remote_target_id = (100000 + k.k)::text CROSS JOIN generate_series(0, $3 - 1) s(s)`,
    [pages, weeks, slots],
  );
  await db.query(`DELETE FROM slots WHERE at > date_trunc('week', now()) + interval '14 days' OR (k + s) % 11 = 0`);
  // Triggers off while filling (the publication counts are rebuilt below), as bench:dashboard does.
  await db.query(`SET session_replication_role = replica`);
  await db.query(
    `INSERT INTO posts (id, organization_id, author_id, rubric, text, scheduled_at, status, content_hash, approved_hash)
     SELECT md5('post' || k || '.' || s)::uuid, organization_id, $1::uuid, (ARRAY['official', 'official', 'useful', 'useful', 'entertaining'])[(k + s) % 5 + 1],
            'Текст ' || k || '.' || s, at, CASE WHEN at > now() THEN 'scheduled' WHEN (k + s) % 40 = 1 THEN 'failed' ELSE 'published' END, 'h', 'h'
       FROM slots`,
    [userId],
  );
  await db.query(
    `INSERT INTO publications (post_id, channel_id, platform, status, published_at, next_attempt_at, updated_at)
     SELECT md5('post' || k || '.' || s)::uuid, channel_id, platform,
            CASE WHEN at > now() THEN 'scheduled' WHEN (k + s) % 40 = 1 THEN 'failed' ELSE 'published' END,
            CASE WHEN at <= now() AND (k + s) % 40 <> 1 THEN at + interval '20 seconds' END,
            CASE WHEN at > now() THEN at END, least(at, now())
       FROM slots`,
  );
  await db.query(`SET session_replication_role = origin`);
  await db.query(`DELETE FROM publication_counts`);
  await db.query(`INSERT INTO publication_counts (status, platform, n) SELECT status, platform, count(*) FROM publications GROUP BY status, platform`);
  await db.query(`VACUUM ANALYZE`);
  const count = (await db.query<{ n: string }>(`SELECT count(*) AS n FROM publications`)).rows[0].n;
  log(`filled in ${((performance.now() - started) / 1000).toFixed(0)} s: ${pages} pages, ${Number(count).toLocaleString('en')} publications`);
}

function quantile(values: number[], q: number): string {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return '?';
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))].toFixed(0);
}

async function post<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
