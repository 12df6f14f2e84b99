import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:net';

export interface RunningProcess {
  name: string;
  /** Asks it to stop (SIGINT, as Ctrl+C would), then waits; SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  exited: Promise<number | null>;
}

/**
 * Runs `node <script>` in a process group of its own (so the terminal's Ctrl+C reaches only the
 * demo, which then stops it in order), its output appended to `logFile`.
 */
export function startNode(name: string, script: string, env: NodeJS.ProcessEnv, cwd: string, logFile: string): RunningProcess {
  const log = createWriteStream(logFile, { flags: 'a' });
  log.write(`\n--- ${new Date().toISOString()} start\n`);
  const child: ChildProcess = spawn(process.execPath, [script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // If the demo itself dies, its children do not outlive it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  return {
    name,
    exited,
    async stop(graceMs = 30_000) {
      process.off('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Waits until `url` answers 200, failing early when the process has exited. */
export async function waitUntilAnswers(url: string, proc: RunningProcess, timeoutMs: number, logFile: string): Promise<void> {
  let exitCode: number | null | undefined;
  void proc.exited.then((code) => (exitCode = code));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`${proc.name} завершился с кодом ${exitCode}; журнал: ${logFile}`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2_000) })).status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} не ответил за ${timeoutMs / 1000} с; журнал: ${logFile}`);
}

/** `preferred` when it can be listened on at 127.0.0.1, else a free port the system picks. */
export async function portFor(preferred: number | undefined): Promise<number> {
  if (preferred !== undefined && (await listensOn(preferred)) !== undefined) return preferred;
  const any = await listensOn(0);
  if (any === undefined) throw new Error('no free port on 127.0.0.1');
  return any;
}

function listensOn(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', () => resolve(undefined));
    probe.listen(port, '127.0.0.1', () => {
      const address = probe.address();
      const bound = typeof address === 'object' && address ? address.port : undefined;
      probe.close(() => resolve(bound));
    });
  });
}
