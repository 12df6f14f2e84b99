export interface BenchOptions {
  publications: number;
  channels: number;
  /** Worker processes sharing the work. */
  workers: number;
  /** PUBLISH_CONCURRENCY of each worker, and the concurrency of the raw loop per worker. */
  concurrency: number;
  /** PUBLISH_BATCH_SIZE of each worker. */
  batch: number;
  /** 0: every publication due at once; otherwise each falls due at a random moment within this many seconds. */
  spreadSeconds: number;
  /** How long the engine may take to settle everything before the bench gives up. */
  timeoutSeconds: number;
  /**
   * 0: the usual run. n: a burst instead: one post to n pages, each with a token, bot or chat of its
   * own (no pace binds), all due at one instant a few seconds ahead, so an idle worker must wake for it.
   */
  burst: number;
}

const LIMITS: Record<keyof BenchOptions, { default: number; min: number; max: number }> = {
  publications: { default: 10_000, min: 1, max: 200_000 },
  channels: { default: 1_000, min: 3, max: 20_000 },
  workers: { default: 1, min: 1, max: 8 },
  concurrency: { default: 16, min: 1, max: 256 },
  batch: { default: 50, min: 1, max: 1_000 },
  spreadSeconds: { default: 0, min: 0, max: 3_600 },
  timeoutSeconds: { default: 900, min: 10, max: 3_600 },
  burst: { default: 0, min: 0, max: 20_000 },
};

export const USAGE = `npm run bench:publish -- [--publications 10000] [--channels 1000] [--workers 1] [--concurrency 16] [--batch 50] [--spread-seconds 0] [--timeout-seconds 900] [--burst 600]`;

/** `--name value` pairs; every value a bounded integer. */
export function parseBenchOptions(argv: string[]): BenchOptions {
  const options = Object.fromEntries(Object.entries(LIMITS).map(([k, v]) => [k, v.default])) as unknown as BenchOptions;
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()) as keyof BenchOptions;
    const limit = LIMITS[name];
    const value = Number(argv[i + 1]);
    if (!limit) throw new Error(`unknown option ${argv[i]}\n${USAGE}`);
    if (!Number.isInteger(value) || value < limit.min || value > limit.max) throw new Error(`${argv[i]} must be an integer from ${limit.min} to ${limit.max}`);
    options[name] = value;
  }
  return options;
}
