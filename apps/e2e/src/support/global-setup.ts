import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sandboxServerEnv } from './sandbox';

const workspaceRoot = resolve(__dirname, '../../../..');
const outputRoot = resolve(__dirname, '../../test-output');

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

async function waitForHealth(url: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server exited with code ${server.exitCode}; see ${outputRoot}/server.log`);
    try {
      const response = await fetch(url);
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s; see ${outputRoot}/server.log`);
}

function waitForExit(server: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolveExit) => {
    const timer = setTimeout(() => resolveExit(false), timeoutMs);
    server.once('exit', () => {
      clearTimeout(timer);
      resolveExit(true);
    });
  });
}

/** Waits until the sandbox answers its feeds page. */
async function waitForSandbox(url: string, sandbox: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (sandbox.exitCode !== null) throw new Error(`The sandbox exited with code ${sandbox.exitCode}; see ${outputRoot}/sandbox.log`);
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the sandbox at ${url} did not answer within ${timeoutMs / 1000} s; see ${outputRoot}/sandbox.log`);
}

/**
 * Starts the platform sandbox (VK, OK, Telegram, MAX; built first when missing) and the built server on
 * free ports with a new data folder and no DATABASE_URL, so it runs its
 * own embedded PostgreSQL from scratch, talking to the sandbox; returns the teardown that stops both.
 * With VESTNIK_E2E_BASE_URL already set, tests run against that server instead.
 */
export default async function globalSetup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env['VESTNIK_E2E_BASE_URL']) return undefined;

  const main = join(workspaceRoot, 'dist/apps/server/main.js');
  const editorIndex = join(workspaceRoot, 'dist/apps/editor/browser/index.html');
  for (const built of [main, editorIndex]) {
    if (!existsSync(built)) {
      throw new Error(`${built} is missing: build first with "npx nx run-many -t build -p server editor" (or run "npm run test:e2e")`);
    }
  }

  mkdirSync(outputRoot, { recursive: true });
  const sandboxMain = join(workspaceRoot, 'dist/apps/sandbox/main.js');
  if (!existsSync(sandboxMain)) {
    spawnSync('npx', ['nx', 'build', 'sandbox', '--output-style=static'], { cwd: workspaceRoot, stdio: 'inherit' });
    if (!existsSync(sandboxMain)) throw new Error(`${sandboxMain} is missing: build it with "npx nx build sandbox"`);
  }
  const sandboxPort = await freePort();
  const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
  const sandboxLog = createWriteStream(join(outputRoot, 'sandbox.log'));
  const sandbox = spawn(process.execPath, [sandboxMain], { cwd: workspaceRoot, env: { ...process.env, SANDBOX_PORT: String(sandboxPort) }, stdio: ['ignore', 'pipe', 'pipe'] });
  sandbox.stdout?.pipe(sandboxLog);
  sandbox.stderr?.pipe(sandboxLog);
  try {
    await waitForSandbox(`${sandboxUrl}/`, sandbox, 30_000);
  } catch (error) {
    sandbox.kill('SIGKILL');
    throw error;
  }
  process.env['VESTNIK_E2E_SANDBOX_URL'] = sandboxUrl;

  const [port, postgresPort] = [await freePort(), await freePort()];
  const dataDir = await mkdtemp(join(tmpdir(), 'vestnik-e2e-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    VESTNIK_DATA_DIR: dataDir,
    EMBEDDED_POSTGRES_PORT: String(postgresPort),
    // Low enough that one test can reach the 429 "too many attempts" answer quickly.
    LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
    // Invitation links and the OAuth callbacks point here.
    VESTNIK_PUBLIC_URL: baseUrl,
    ...sandboxServerEnv(sandboxUrl),
  };
  delete env['DATABASE_URL'];

  const log = createWriteStream(join(outputRoot, 'server.log'));
  const server = spawn(process.execPath, [main], { cwd: workspaceRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout?.pipe(log);
  server.stderr?.pipe(log);

  try {
    // The first start of embedded PostgreSQL runs initdb, which takes a while on a small machine.
    await waitForHealth(`${baseUrl}/api/health`, server, 180_000);
  } catch (error) {
    server.kill('SIGKILL');
    sandbox.kill('SIGKILL');
    throw error;
  }
  process.env['VESTNIK_E2E_BASE_URL'] = baseUrl;

  return async () => {
    server.kill('SIGINT');
    if (!(await waitForExit(server, 30_000))) {
      server.kill('SIGKILL');
      await waitForExit(server, 5_000);
    }
    log.end();
    sandbox.kill('SIGINT');
    if (!(await waitForExit(sandbox, 5_000))) sandbox.kill('SIGKILL');
    sandboxLog.end();
    await rm(dataDir, { recursive: true, force: true });
  };
}
