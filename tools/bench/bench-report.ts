import { cpus } from 'node:os';
import type { BenchOptions } from './bench-options';
import type { EngineRun } from './engine-run';
import { NodeProcess, postgresCpuSeconds } from './node-process';
import type { RawRate } from './raw-rate';

export interface CpuSnapshot {
  workers: number;
  sandbox: number;
  postgres: number;
}

/** CPU seconds used so far by the workers together, the sandbox and PostgreSQL (Linux only). */
export function cpuSnapshot(workers: NodeProcess[], sandbox: NodeProcess, clusterDir: string): CpuSnapshot | undefined {
  const each = workers.map((w) => w.cpuSeconds());
  const s = sandbox.cpuSeconds();
  const p = postgresCpuSeconds(clusterDir);
  if (each.some((x) => x === undefined) || s === undefined || p === undefined) return undefined;
  return { workers: each.reduce((a: number, x) => a + (x ?? 0), 0), sandbox: s, postgres: p };
}

/** Cores busy on average over the run, per part. */
export function cpuUsed(before: CpuSnapshot | undefined, after: CpuSnapshot | undefined, seconds: number): CpuSnapshot | undefined {
  if (!before || !after) return undefined;
  return { workers: (after.workers - before.workers) / seconds, sandbox: (after.sandbox - before.sandbox) / seconds, postgres: (after.postgres - before.postgres) / seconds };
}

export function report(options: BenchOptions, engine: EngineRun, raw: RawRate, cpu: CpuSnapshot | undefined): void {
  const s = (n: number) => n.toFixed(1);
  const settled = Object.values(engine.byStatus).reduce((a, n) => a + n, 0);
  const perPublicationMs = (cores: number) => (cores * engine.seconds * 1000) / settled;
  const lines = [
    `publications ${options.publications} on ${options.channels} channels (vk/ok/telegram by thirds), ${options.workers} worker(s) × concurrency ${options.concurrency}, sandbox rate limits off`,
    `engine:    ${s(engine.perSecond)} publications/s published${options.spreadSeconds ? ` (offered ${s(options.publications / options.spreadSeconds)}/s)` : ''}; all settled in ${s(engine.seconds)} s; ${JSON.stringify(engine.byStatus)}`,
    `lateness:  p50 ${s(engine.latenessP50)} s, p99 ${s(engine.latenessP99)} s (published_at − due time; ${options.spreadSeconds ? `due times spread over ${options.spreadSeconds} s` : 'all were due at once'})`,
    `last out:  ${Object.entries(engine.lastByPlatform).map(([p, t]) => `${p} ${s(t)} s`).join(', ')} after due`,
    `raw:       ${s(raw.perSecond)} publications/s (${raw.published} of ${raw.calls} publish calls straight at the sandbox in ${s(raw.seconds)} s)`,
    `ratio:     engine / raw = ${(engine.perSecond / raw.perSecond).toFixed(3)}`,
    `database:  ${s(engine.transactionsPerPublication)} transactions and ${(engine.walBytesPerPublication / 1024).toFixed(1)} KiB WAL per publication`,
    cpu
      ? `cpu:       worker(s) ${cpu.workers.toFixed(2)} cores, PostgreSQL ${cpu.postgres.toFixed(2)}, sandbox ${cpu.sandbox.toFixed(2)} (average over the run; ${cpus().length} cores in all); ` +
        `per publication ${s(perPublicationMs(cpu.workers))} ms worker, ${s(perPublicationMs(cpu.postgres))} ms PostgreSQL`
      : 'cpu:       not measured (no /proc)',
  ];
  console.log(['', ...lines.map((l) => `  ${l}`), ''].join('\n'));
}
