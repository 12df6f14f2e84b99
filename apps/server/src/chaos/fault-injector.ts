import type { SandboxProcess } from '../testing/sandbox-process';

/**
 * What the platforms do to us, in turn: a bare 5xx, a rate limit with `retry_after`, a dropped
 * connection after the post was stored (the answer lost, the post out), and now and then a refusal
 * for good. Each hits the next post request of its platform.
 */
const FAULTS: Record<string, unknown>[] = [
  { platform: 'vk', method: 'wall.post', kind: 'http', status: 502 },
  { platform: 'ok', method: 'mediatopic.post', kind: 'http', status: 503 },
  { platform: 'telegram', method: 'sendMessage', kind: 'http', status: 502 },
  { platform: 'vk', method: 'wall.post', kind: 'error', errorCode: 6, errorMessage: 'Too many requests per second' },
  { platform: 'telegram', method: 'sendMessage', kind: 'error', errorCode: 429, errorMessage: 'Too Many Requests: retry after 2', retryAfter: 2 },
  { platform: 'vk', method: 'wall.post', kind: 'drop_after_store' },
  { platform: 'ok', method: 'mediatopic.post', kind: 'drop_after_store' },
  { platform: 'telegram', method: 'sendMessage', kind: 'drop_after_store' },
  { platform: 'telegram', method: 'sendMessage', kind: 'error', errorCode: 403, errorMessage: 'Forbidden: bot is not a member of the channel chat' },
  { platform: 'max', method: 'POST /messages', kind: 'http', status: 502 },
  { platform: 'max', method: 'POST /messages', kind: 'error', errorCode: 429, errorKey: 'too.many.requests', errorMessage: 'Too many requests' },
  { platform: 'max', method: 'POST /messages', kind: 'drop_after_store' },
];

/** Slows the next post requests of every platform, so that a worker killed now dies with requests in flight. */
export async function slowNextPosts(sandbox: SandboxProcess, delayMs: number, times: number): Promise<void> {
  for (const [platform, method] of [['vk', 'wall.post'], ['ok', 'mediatopic.post'], ['telegram', 'sendMessage'], ['max', 'POST /messages']]) {
    await sandbox.control('/faults', { platform, method, kind: 'delay', delayMs, times });
  }
}

export interface FaultInjector {
  /** Stops adding faults, clears the ones not yet hit, and answers how many were hit. */
  stop(): Promise<{ injected: number; hit: number }>;
}

/** Adds one fault every `everyMs`, rotating through the kinds, at most `max` in all. */
export function injectFaults(sandbox: SandboxProcess, everyMs: number, max: number): FaultInjector {
  let injected = 0;
  let pending: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    if (injected >= max) return;
    const spec = FAULTS[injected % FAULTS.length];
    injected += 1;
    pending = pending.then(() => sandbox.control('/faults', spec)).catch(() => undefined);
  }, everyMs);
  return {
    async stop() {
      clearInterval(timer);
      await pending;
      const { faults } = (await sandbox.control('/faults', undefined, 'GET')) as { faults: { remaining: number }[] };
      await sandbox.control('/faults', undefined, 'DELETE');
      return { injected, hit: injected - faults.reduce((n, f) => n + f.remaining, 0) };
    },
  };
}
