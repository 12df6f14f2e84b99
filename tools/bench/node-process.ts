import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '../..');
/** Linux clock ticks per second in /proc/<pid>/stat (USER_HZ, 100 on every common build). */
const CLOCK_TICKS = 100;
const KEEP_OUTPUT_CHARS = 20_000;

export interface NodeProcess {
  name: string;
  pid: number;
  output(): string;
  /** CPU seconds it has used so far (Linux /proc), or undefined elsewhere. */
  cpuSeconds(): number | undefined;
  stop(): Promise<void>;
}

/** Runs `node [nodeArgs] <script>` from the repository root and waits until `ready()` answers true. */
export async function startNodeProcess(name: string, script: string, env: Record<string, string>, ready: () => Promise<boolean>, nodeArgs: string[] = []): Promise<NodeProcess> {
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, join(ROOT, script)], { cwd: ROOT, env: { PATH: process.env['PATH'] ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-KEEP_OUTPUT_CHARS));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const deadline = Date.now() + 60_000;
  while (!(await ready())) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not start:\n${output}`);
    }
    await sleep(200);
  }
  const pid = child.pid ?? -1;
  return {
    name,
    pid,
    output: () => output,
    cpuSeconds: () => cpuSecondsOf(pid),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** user + system CPU of a process, with `reaped` also what its exited children used. */
export function cpuSecondsOf(pid: number, reaped = false): number | undefined {
  const fields = statFields(pid);
  if (!fields) return undefined;
  const ticks = Number(fields[11]) + Number(fields[12]) + (reaped ? Number(fields[13]) + Number(fields[14]) : 0);
  return ticks / CLOCK_TICKS;
}

/** CPU of a PostgreSQL cluster: its postmaster, every backend alive, and those already gone. */
export function postgresCpuSeconds(clusterDir: string): number | undefined {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const postmaster = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  let total = cpuSecondsOf(postmaster, true) ?? 0;
  for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    const fields = statFields(Number(entry));
    if (fields && Number(fields[1]) === postmaster) total += (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  }
  return total;
}

/** `/proc/<pid>/stat` from the state field on (the command name before it may hold spaces). */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

export async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok;
  } catch {
    return false;
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
