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
import { ADMIN, fillRegion, ZONES } from './dashboard-seed';
import { answers, NodeProcess, ROOT, startNodeProcess } from './node-process';

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
    await fillRegion(db, setup.user.memberships[0].organizationId, { pages, weeks });

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
