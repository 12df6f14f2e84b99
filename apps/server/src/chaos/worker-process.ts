import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '@vestnik/server/testing';

const ROOT = resolve(__dirname, '../../../..');
const MAIN = join(ROOT, 'dist/apps/server/main.js');
/** Enough of a process's log to explain a failure, not the whole run. */
const KEEP_OUTPUT_CHARS = 20_000;

export interface WorkerProcess {
  name: string;
  pid: number;
  /** The tail of its stdout and stderr. */
  output(): string;
  /** Kills it at once, as a crash or an OOM killer would: no shutdown hooks run. */
  kill(): Promise<void>;
  /** SIGTERM, then waits for it to finish its publications in flight and exit. */
  stop(): Promise<void>;
}

/** A built server (`dist/apps/server/main.js`) running as a publishing worker only, on its own port and data folder. */
export async function startWorkerProcess(name: string, env: Record<string, string>): Promise<WorkerProcess> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npx nx build server" (the server's test target does it)`);
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), `vestnik-${name}-`));
  const child: ChildProcess = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', VESTNIK_ROLES: 'worker', PORT: String(port), HOST: '127.0.0.1', VESTNIK_DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-KEEP_OUTPUT_CHARS));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const cleanUp = () => rmSync(dataDir, { recursive: true, force: true });

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`worker ${name} exited with ${child.exitCode}:\n${output}`);
    if (await healthy(port)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`worker ${name} did not answer /api/health within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }

  const signal = async (sig: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(sig);
    await exited;
    cleanUp();
  };
  return { name, pid: child.pid ?? -1, output: () => output, kill: () => signal('SIGKILL'), stop: () => signal('SIGTERM') };
}

async function healthy(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/api/health`)).ok;
  } catch {
    return false;
  }
}
