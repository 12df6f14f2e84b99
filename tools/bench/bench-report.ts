import { cpus } from 'node:os';
import type { BenchOptions } from './bench-options';
import type { EngineRun } from './engine-run';
import type { PaceBound } from './pace-bound';
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

/**
 * What the declared paces leave to the engine: the drain against the pace bound, and the rate over
 * the platforms whose own pace bound is under half their drain (there the engine, not the pace, set
 * the time), against the raw rate.
 */
function paceLines(engine: EngineRun, raw: RawRate, bound: PaceBound): string[] {
  const s = (n: number) => n.toFixed(1);
  const platforms = Object.keys(engine.lastByPlatform).sort();
  const free = platforms.filter((p) => (bound.byPlatform[p] ?? 0) < engine.lastByPlatform[p] / 2);
  const freePublished = free.reduce((a, p) => a + (engine.publishedByPlatform[p] ?? 0), 0);
  const freeSeconds = Math.max(0, ...free.map((p) => engine.lastByPlatform[p]));
  const freeRate = freeSeconds > 0 ? freePublished / freeSeconds : 0;
  const published = Object.values(engine.publishedByPlatform).reduce((a, n) => a + n, 0);
  if (bound.seconds === 0) return ['pace bound: none (no pace key carries two publications of this world): the engine alone sets the drain'];
  return [
    `pace bound: ${s(bound.seconds)} s, the least drain the adapters' declared paces allow this world (per pace key, (publications on it − 1) × its spacing; busiest: a ${bound.busiest.platform} key with ${bound.busiest.publications} publications ${bound.busiest.spacingMs} ms apart); ` +
      `by platform ${platforms.map((p) => `${p} ${s(bound.byPlatform[p] ?? 0)} s`).join(', ')}`,
    `drain:     ${s(engine.seconds)} s = ${(engine.seconds / bound.seconds).toFixed(2)} × the pace bound; the pace alone caps the overall ratio at ${(published / bound.seconds / raw.perSecond).toFixed(3)}`,
    free.length
      ? `unpaced:   ${s(freeRate)} publications/s over ${free.join(' + ')} (${freePublished} published by ${s(freeSeconds)} s; each platform's pace bound under half its drain, so the engine set the time), ratio to raw ${(freeRate / raw.perSecond).toFixed(3)}`
      : 'unpaced:   every platform drained within twice its pace bound: the pace, not the engine, set the time',
  ];
}

/** The sampled busy connections, most frequent first, as shares of all samples. */
function waitsLine(waits: Record<string, number>): string {
  const total = Object.values(waits).reduce((a, n) => a + n, 0);
  if (total === 0) return 'no connection busy at any sample';
  const top = Object.entries(waits).sort((a, b) => b[1] - a[1]).slice(0, 6);
  return `${total} busy connections seen in the 4/s samples: ${top.map(([w, n]) => `${w} ${Math.round((100 * n) / total)} %`).join(', ')}`;
}

export function report(options: BenchOptions, engine: EngineRun, raw: RawRate, cpu: CpuSnapshot | undefined, bound: PaceBound): void {
  const s = (n: number) => n.toFixed(1);
  const settled = Object.values(engine.byStatus).reduce((a, n) => a + n, 0);
  const perPublicationMs = (cores: number) => (cores * engine.seconds * 1000) / settled;
  const lines = [
    `${options.burst ? `burst: one post to ${options.burst} pages, each with a token, bot and chat of its own, all due at one instant` : `publications ${options.publications} on ${options.channels} channels (vk/ok/telegram by thirds)`}, ${options.workers} worker(s) × concurrency ${options.concurrency}, sandbox rate limits off`,
    `engine:    ${s(engine.perSecond)} publications/s published${options.spreadSeconds ? ` (offered ${s(options.publications / options.spreadSeconds)}/s)` : ''}; all settled in ${s(engine.seconds)} s; ${JSON.stringify(engine.byStatus)}`,
    `lateness:  p50 ${s(engine.latenessP50)} s, p99 ${s(engine.latenessP99)} s (published_at − due time; ${options.spreadSeconds ? `due times spread over ${options.spreadSeconds} s` : 'all were due at once'}${options.burst ? ', the worker idle until then' : ''})`,
    `last out:  ${Object.entries(engine.lastByPlatform).map(([p, t]) => `${p} ${s(t)} s`).join(', ')} after due`,
    `raw:       ${s(raw.perSecond)} publications/s (${raw.published} of ${raw.calls} publish calls straight at the sandbox in ${s(raw.seconds)} s)`,
    `ratio:     engine / raw = ${(engine.perSecond / raw.perSecond).toFixed(3)}`,
    ...paceLines(engine, raw, bound),
    `database:  ${s(engine.transactionsPerPublication)} transactions and ${(engine.walBytesPerPublication / 1024).toFixed(1)} KiB WAL per publication`,
    `db busy:   ${waitsLine(engine.waits)}`,
    cpu
      ? `cpu:       worker(s) ${cpu.workers.toFixed(2)} cores, PostgreSQL ${cpu.postgres.toFixed(2)}, sandbox ${cpu.sandbox.toFixed(2)} (average over the run; ${cpus().length} cores in all); ` +
        `per publication ${s(perPublicationMs(cpu.workers))} ms worker, ${s(perPublicationMs(cpu.postgres))} ms PostgreSQL`
      : 'cpu:       not measured (no /proc)',
  ];
  console.log(['', ...lines.map((l) => `  ${l}`), ''].join('\n'));
}
