/**
 * How long the browser's main thread is blocked while the editor's calendar draws a month of posts.
 *
 *   npm run bench:calendar -- [--posts 600] [--runs 3] [--profile]
 *
 * Builds nothing: run `npx nx run-many -t build -p server editor sandbox` first. Starts the sandbox
 * and the built server on embedded PostgreSQL in a throw-away folder, makes the first-run setup, a
 * Telegram channel and `--posts` drafts spread over next month through the API, then opens the month
 * in Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium) `--runs` times and prints the long
 * tasks (over 50 ms, the browser's PerformanceObserver "longtask" entries) of each opening: once
 * arriving from another page of the editor (the calendar's own work) and once as a fresh page load
 * (the whole editor starting on /calendar). `--profile` also prints where the main thread spent
 * its time during the last in-editor opening (Chrome's CPU profile, functions by self time).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright';
import { freePort } from '@vestnik/server/testing';
import { answers, NodeProcess, startNodeProcess } from './node-process';
import { VestnikApi } from './vestnik-api';

const BOT = { token: '990001:AAbench-calendar-bot-token-0001', id: 990001, username: 'bench_calendar_bot' };
const CHANNEL = { id: -1009900001, username: 'bench_calendar', title: 'Календарь (бенчмарк)' };

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a whole number above 0`);
  return value;
}

/** The first day of next month and its length, as `YYYY-MM` and a day count (UTC calendar: the zone is Moscow, no day shifts at 09–18 h). */
function nextMonth(): { month: string; days: number } {
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  const days = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return { month: first.toISOString().slice(0, 7), days };
}

/** Long tasks seen since the page started, recorded by an observer installed before any script runs. */
async function longTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => ((window as unknown as { __longTasks?: number[] }).__longTasks ?? []).slice());
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** Self time per function of a CPU profile, largest first. */
function topFunctions(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }, count: number): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)?.callFrame;
    if (!frame) return;
    const file = frame.url.split('/').pop() || '(native)';
    const key = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...self.entries()]
    .filter(([key]) => !key.startsWith('(idle)') && !key.startsWith('(program)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, ms]) => `${ms.toFixed(0).padStart(6)} ms  ${key}`);
}

function describe(tasks: number[]): string {
  if (!tasks.length) return 'no long task';
  const sorted = [...tasks].sort((a, b) => b - a);
  return `longest ${sorted[0].toFixed(0)} ms; ${tasks.length} long task(s): ${sorted.map((t) => t.toFixed(0)).join(', ')} ms`;
}

async function main(): Promise<void> {
  const posts = option('posts', 600);
  const runs = option('runs', 3);
  const profile = process.argv.includes('--profile');
  const dir = mkdtempSync(join(tmpdir(), 'vestnik-bench-calendar-'));
  const processes: NodeProcess[] = [];
  try {
    const sandboxUrl = `http://127.0.0.1:${await freePort()}`;
    processes.push(await startNodeProcess('sandbox', 'dist/apps/sandbox/main.js', { SANDBOX_PORT: new URL(sandboxUrl).port, SANDBOX_HOST: '127.0.0.1' }, () => answers(`${sandboxUrl}/control/faults`)));
    const seeded = await fetch(`${sandboxUrl}/control/seed`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ telegram: { bots: [BOT], channels: [{ ...CHANNEL, members: [{ botId: BOT.id, status: 'administrator', canPostMessages: true }] }] } }),
    });
    if (!seeded.ok) throw new Error(`sandbox seed: ${seeded.status} ${await seeded.text()}`);

    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    processes.push(
      await startNodeProcess(
        'server',
        'dist/apps/server/main.js',
        {
          NODE_ENV: 'production',
          PORT: String(port),
          HOST: '127.0.0.1',
          VESTNIK_DATA_DIR: join(dir, 'server'),
          EMBEDDED_POSTGRES_PORT: String(await freePort()),
          VESTNIK_PUBLIC_URL: url,
          TELEGRAM_API_URL: `${sandboxUrl}/telegram`,
          MAX_API_URL: `${sandboxUrl}/max`,
          VK_API_URL: `${sandboxUrl}/vk/method`,
          OK_API_URL: `${sandboxUrl}/ok/fb.do`,
        },
        () => answers(`${url}/api/health`),
      ),
    );

    const api = new VestnikApi(url);
    const people = await api.people();
    const [channelId] = await api.connect(people.admin, people.organizationId, [{ platform: 'telegram', target: `@${CHANNEL.username}`, credentials: { botToken: BOT.token } }], 1);
    const { month, days } = nextMonth();
    const rubrics = ['official', 'useful', 'entertaining'] as const;
    let next = 0;
    const lane = async () => {
      for (let i = next++; i < posts; i = next++) {
        const day = String(1 + (i % days)).padStart(2, '0');
        const hour = String(9 + (Math.floor(i / days) % 10)).padStart(2, '0');
        await api.call('POST', '/posts', {
          organizationId: people.organizationId,
          rubric: rubrics[i % 3],
          title: `Материал ${i + 1}: новости района`,
          text: `Материал ${i + 1}. Приём граждан, новости школ и учреждений культуры.`,
          channelIds: [channelId],
          scheduledAt: `${month}-${day}T${hour}:${String((i * 7) % 60).padStart(2, '0')}`,
        }, people.admin);
      }
    };
    await Promise.all(Array.from({ length: 8 }, lane));

    const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const context = await browser.newContext({ locale: 'ru-RU', viewport: { width: 1280, height: 900 } });
      await context.addInitScript(() => {
        const seen: number[] = [];
        (window as unknown as { __longTasks: number[] }).__longTasks = seen;
        new PerformanceObserver((list) => list.getEntries().forEach((e) => seen.push(e.duration))).observe({ type: 'longtask', buffered: true });
      });
      const page = await context.newPage();
      await page.goto(`${url}/login`);
      await page.getByLabel('Электронная почта').fill('bench-admin@example.ru');
      await page.getByLabel('Пароль', { exact: true }).fill('бенчмарк-пароль-1');
      await page.getByRole('button', { name: 'Войти' }).click();
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));

      const calendar = `/calendar?view=dayGridMonth&date=${month}-01`;
      const drawn = async () => {
        await page
          .locator('.vn-post')
          .first()
          .waitFor({ timeout: 60_000 })
          .catch(async (error: unknown) => {
            const shot = join(tmpdir(), 'bench-calendar-failure.png');
            await page.screenshot({ path: shot, fullPage: true });
            throw new Error(`the month did not show its posts (${page.url()}; screenshot ${shot}): ${String(error)}`);
          });
        await page.waitForTimeout(1_500);
      };
      console.log(`calendar month view, ${posts} posts in ${month}; ${cpus().length} CPU(s), load ${loadavg()[0].toFixed(2)}`);
      for (let run = 1; run <= runs; run++) {
        // Within the editor: from the posts list to the calendar by the menu, as a person goes.
        await page.goto(`${url}/posts`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.waitForTimeout(1_000);
        const before = (await longTasks(page)).length;
        const cdp = profile && run === runs ? await context.newCDPSession(page) : null;
        if (cdp) {
          await cdp.send('Profiler.enable');
          await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
          await cdp.send('Profiler.start');
        }
        await page.evaluate((path) => {
          history.pushState(null, '', path);
          dispatchEvent(new PopStateEvent('popstate'));
        }, calendar);
        await drawn();
        const inApp = (await longTasks(page)).slice(before);
        console.log(`run ${run}, from another page: ${describe(inApp)}`);
        if (cdp) {
          const { profile: taken } = await cdp.send('Profiler.stop');
          console.log('where the time went (self time, in-editor opening):');
          for (const line of topFunctions(taken as unknown as Parameters<typeof topFunctions>[0], 20)) console.log(`  ${line}`);
          await cdp.detach();
        }

        await page.goto(`${url}${calendar}`);
        await drawn();
        console.log(`run ${run}, page load:        ${describe(await longTasks(page))}`);

        // For comparison: the editor starting on a page without the calendar.
        await page.goto(`${url}/posts`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.waitForTimeout(1_500);
        console.log(`run ${run}, /posts load:       ${describe(await longTasks(page))}`);
      }
    } finally {
      await browser.close();
    }
  } finally {
    for (const p of processes.reverse()) await p.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
