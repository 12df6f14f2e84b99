import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const port = (probe.address() as AddressInfo).port;
  await new Promise((done) => probe.close(done));
  return port;
}

const workspace = resolve(__dirname, '../../../../..');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * A new user's start as root, from a checkout the postgres user cannot enter (a clone under /root,
 * or in a `mktemp -d` folder): the binaries are copied out to a runtime folder that does not exist
 * yet, PostgreSQL starts and answers; then that checkout is deleted and a second one, elsewhere,
 * starts from the same runtime folder. Runs the real start path in a child process, as `npm start` does.
 */
(isRoot ? describe : describe.skip)('embedded PostgreSQL started as root from a 0700 folder', () => {
  const runtimeBase = join(tmpdir(), `vestnik-runtime-test-${randomBytes(4).toString('hex')}`);
  const folders: string[] = [];

  afterAll(() => {
    for (const dir of [...folders, runtimeBase]) rmSync(dir, { recursive: true, force: true });
  });

  /** A checkout's node_modules with just what the start needs, inside a fresh 0700 folder. */
  function checkout(): string {
    const parent = mkdtempSync(join(tmpdir(), 'vestnik-home-'));
    folders.push(parent);
    expect(statSync(parent).mode & 0o777).toBe(0o700);
    const clone = join(parent, 'vestnik');
    for (const name of ['embedded-postgres', '@embedded-postgres', 'pg', 'pg-pool', 'pg-protocol', 'pg-types', 'pgpass', 'pg-connection-string', 'pg-int8', 'postgres-array', 'postgres-bytea', 'postgres-date', 'postgres-interval', 'split2', 'xtend', 'async-exit-hook', 'pg-cloudflare']) {
      const from = join(workspace, 'node_modules', name);
      if (existsSync(from)) cpSync(from, join(clone, 'node_modules', name), { recursive: true, verbatimSymlinks: true });
    }
    mkdirSync(join(clone, 'tools'), { recursive: true });
    writeFileSync(
      join(clone, 'tools', 'start-postgres.ts'),
      `import { startEmbeddedPostgres } from ${JSON.stringify(join(workspace, 'libs/server/persistence/src/lib/embedded-postgres'))};
import { Client } from ${JSON.stringify(join(workspace, 'node_modules/pg'))};
(async () => {
  const lines: string[] = [];
  const pg = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(join(clone, '.vestnik'))}, port: Number(process.env['TEST_PG_PORT']), log: (m) => lines.push(m), warn: (m) => lines.push(m), runtimeBase: ${JSON.stringify(runtimeBase)}, packagesFrom: ${JSON.stringify(clone)} });
  const client = new Client({ connectionString: pg.url });
  await client.connect();
  const answer = (await client.query('SELECT 41 + 1 AS n')).rows[0].n;
  await client.end();
  await pg.stop();
  console.log(JSON.stringify({ answer, clusterDir: pg.clusterDir, lines }));
})().catch((e) => { console.error(e instanceof Error ? e.message : String(e)); process.exit(1); });
`,
    );
    return clone;
  }

  function start(clone: string, port: number): { answer: number; clusterDir: string; lines: string[] } {
    const run = spawnSync(process.execPath, ['-r', join(workspace, 'node_modules/@swc-node/register/index.js'), join(clone, 'tools', 'start-postgres.ts')], {
      cwd: clone,
      env: { ...process.env, SWC_NODE_PROJECT: join(workspace, 'tools/bench/tsconfig.json'), TEST_PG_PORT: String(port) },
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (run.status !== 0) throw new Error(`start failed (${run.status}): ${run.stderr}`);
    return JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}');
  }

  it('starts where the runtime folder does not exist yet, and again from another checkout after the first is deleted', async () => {
    expect(existsSync(runtimeBase)).toBe(false);
    const first = checkout();
    const a = start(first, await freePort());
    expect(a.answer).toBe(42);
    expect(a.clusterDir.startsWith(join(runtimeBase, 'clusters'))).toBe(true);
    expect(a.lines.join('\n')).toMatch(/binaries copied to/);
    const runtime = readdirSync(join(runtimeBase, 'runtime'));
    expect(runtime).toHaveLength(1);
    expect(runtime[0]).not.toMatch(/partial/);

    rmSync(join(first, '..'), { recursive: true, force: true });
    const b = start(checkout(), await freePort());
    expect(b.answer).toBe(42);
    expect(readdirSync(join(runtimeBase, 'runtime'))).toEqual(runtime);
  });

  it('moves to a free port, and says so, when its port is taken and was not set by the person', async () => {
    const taken = createServer();
    await new Promise<void>((done) => taken.listen(0, '127.0.0.1', done));
    const port = (taken.address() as AddressInfo).port;
    try {
      const c = start(checkout(), port);
      expect(c.answer).toBe(42);
      expect(c.lines.join('\n')).toMatch(new RegExp(`Port ${port} is taken .*uses port \\d+ instead`));
    } finally {
      await new Promise((done) => taken.close(done));
    }
  });
});
