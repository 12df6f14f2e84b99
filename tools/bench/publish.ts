/**
 * `npm run bench:publish -- --publications 10000 --channels 1000 [--workers 1]`
 * `npm run bench:publish -- --burst 600` (one post to 600 pages with no shared pace, due at one instant)
 *
 * Measures the publishing engine end to end on this machine, everything on 127.0.0.1: an embedded
 * PostgreSQL, the platform sandbox with its rate limits off, the built server once as the API (to
 * connect the channels and approve the posts) and `--workers` times as a worker. All approved
 * publications are made due at once; the bench waits until every one is settled, then makes the
 * same publish calls straight at the sandbox with the same concurrency and prints both rates.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '@vestnik/server/persistence';
import { freePort } from '@vestnik/server/testing';
import { BenchOptions, parseBenchOptions } from './bench-options';
import { OK_APP, planWorld } from './bench-world';
import { cpuSnapshot, cpuUsed, report } from './bench-report';
import { EngineWatch } from './engine-run';
import { answers, NodeProcess, ROOT, startNodeProcess } from './node-process';
import { paceBound, publicationsPerChannel } from './pace-bound';
import { measureRawRate } from './raw-rate';
import { VestnikApi } from './vestnik-api';

const log = (line: string) => console.log(`[bench] ${line}`);

/** A burst is due this long after the workers start waiting for it, so an idle worker must wake at its instant. */
const BURST_AHEAD_SECONDS = 3;

async function main(): Promise<void> {
  const parsed = parseBenchOptions(process.argv.slice(2));
  const options = parsed.burst ? { ...parsed, channels: parsed.burst, publications: parsed.burst } : parsed;
  buildIfMissing();
  const cleanups: (() => Promise<unknown>)[] = [];
  const cleanUp = async () => {
    for (const step of cleanups.splice(0).reverse()) await step().catch((e: unknown) => log(`clean-up: ${e instanceof Error ? e.message : String(e)}`));
  };
  process.once('SIGINT', () => void cleanUp().then(() => process.exit(130)));
  try {
    await run(options, (step) => cleanups.push(step));
  } finally {
    await cleanUp();
  }
}

async function run(options: BenchOptions, onCleanUp: (step: () => Promise<unknown>) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'vestnik-bench-'));
  chmodSync(dir, 0o755); // as root, PostgreSQL runs as another user who must enter it
  onCleanUp(async () => rmSync(dir, { recursive: true, force: true }));

  log(`PostgreSQL, sandbox and API server on 127.0.0.1 (${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB)`);
  const pg = await startEmbeddedPostgres({ dataDir: join(dir, 'pg'), port: await freePort(), log: () => undefined, warn: log });
  onCleanUp(() => pg.stop());
  const db = new Client({ connectionString: pg.url });
  await db.connect();
  onCleanUp(() => db.end());

  const sandboxUrl = `http://127.0.0.1:${await freePort()}`;
  const sandbox = await startNodeProcess('sandbox', 'dist/apps/sandbox/main.js', { SANDBOX_PORT: new URL(sandboxUrl).port, SANDBOX_HOST: '127.0.0.1' }, () => answers(`${sandboxUrl}/control/faults`));
  onCleanUp(() => sandbox.stop());
  // A burst gives every Telegram page a bot of its own: no pace is shared between its pages.
  const world = planWorld(options.channels, options.burst ? 1 : undefined);
  await control(sandboxUrl, 'POST', '/seed', world.seed);
  await control(sandboxUrl, 'PUT', '/rate-limits', { enabled: false });

  const env = {
    DATABASE_URL: pg.url,
    VESTNIK_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    VK_API_URL: `${sandboxUrl}/vk/method`,
    VK_ID_URL: `${sandboxUrl}/vk-id`,
    OK_API_URL: `${sandboxUrl}/ok/fb.do`,
    TELEGRAM_API_URL: `${sandboxUrl}/telegram`,
    MAX_API_URL: `${sandboxUrl}/max`,
    OK_APPLICATION_KEY: OK_APP.applicationKey,
    OK_APPLICATION_SECRET_KEY: OK_APP.applicationSecretKey,
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
  };
  const server = async (name: string, extra: Record<string, string>, nodeArgs: string[] = []): Promise<{ process: NodeProcess; url: string }> => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const proc = await startNodeProcess(name, 'dist/apps/server/main.js', { ...env, ...extra, PORT: String(port), VESTNIK_DATA_DIR: join(dir, name) }, () => answers(`${url}/api/health`), nodeArgs);
    onCleanUp(() => proc.stop());
    return { process: proc, url };
  };
  const apiServer = await server('api', { VESTNIK_ROLES: 'api' });

  const api = new VestnikApi(apiServer.url);
  const people = await api.people();
  let started = Date.now();
  const channelIds = await api.connect(people.admin, people.organizationId, world.channels, 32);
  log(`${channelIds.length} channels connected and verified in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  started = Date.now();
  const postIds: string[] = [];
  for (let n = 0; n * channelIds.length < options.publications; n++) {
    const to = channelIds.slice(0, Math.min(channelIds.length, options.publications - n * channelIds.length));
    postIds.push(await api.approvedPost(people, to, `Материал №${n} бенчмарка публикации.`));
  }
  log(`${postIds.length} posts with ${options.publications} publications approved in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await apiServer.process.stop();

  // A burst keeps the default poll (1 s): the worker must wake at the burst's instant by itself.
  const workerEnv: Record<string, string> = { VESTNIK_ROLES: 'worker', PUBLISH_CONCURRENCY: String(options.concurrency), PUBLISH_BATCH_SIZE: String(options.batch), ...(options.burst ? {} : { PUBLISH_POLL_MS: '200' }) };
  // BENCH_CPU_PROF_DIR=<dir>: each worker writes a V8 CPU profile there when it stops (open it in Chrome's DevTools).
  const profileDir = process.env['BENCH_CPU_PROF_DIR'];
  const profiled = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const workers = await Promise.all(Array.from({ length: options.workers }, (_, i) => server(`worker-${i + 1}`, workerEnv, profiled)));
  const watch = new EngineWatch(db);
  const cpuBefore = cpuSnapshot(workers.map((w) => w.process), sandbox, pg.clusterDir);
  await watch.makeDue(postIds, options.spreadSeconds, options.burst ? BURST_AHEAD_SECONDS : 0);
  const due = options.burst ? `due at one instant ${BURST_AHEAD_SECONDS} s from now` : options.spreadSeconds ? `due at random moments over the next ${options.spreadSeconds} s` : 'due now';
  log(`${options.publications} publications ${due}; ${options.workers} worker(s), concurrency ${options.concurrency}, batch ${options.batch}`);
  if (!(await watch.settled(options.spreadSeconds + (options.burst ? BURST_AHEAD_SECONDS : 0) + options.timeoutSeconds, log))) throw new Error(`not settled within ${options.timeoutSeconds} s:\n${workers.map((w) => w.process.output().slice(-3000)).join('\n')}`);
  const engine = await watch.result();
  const cpu = cpuUsed(cpuBefore, cpuSnapshot(workers.map((w) => w.process), sandbox, pg.clusterDir), engine.seconds);
  for (const w of workers) await w.process.stop();

  log(`the same ${options.publications} publish calls straight at the sandbox, concurrency ${options.workers * options.concurrency}`);
  const raw = await measureRawRate(sandboxUrl, world.channels, options.publications, options.workers * options.concurrency);
  report(options, engine, raw, cpu, paceBound(world.channels, publicationsPerChannel(world.channels.length, options.publications)));
}

async function control(sandboxUrl: string, method: string, path: string, body: unknown): Promise<void> {
  const res = await fetch(`${sandboxUrl}/control${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`sandbox ${path}: ${res.status} ${await res.text()}`);
}

function buildIfMissing(): void {
  if (existsSync(join(ROOT, 'dist/apps/server/main.js')) && existsSync(join(ROOT, 'dist/apps/sandbox/main.js'))) return;
  log('building server and sandbox (dist is missing)');
  execFileSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'server', 'sandbox', '--output-style=static'], { cwd: ROOT, stdio: 'inherit' });
}

main().catch((e: unknown) => {
  console.error(`[bench] failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
