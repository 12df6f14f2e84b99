import axios from 'axios';
import { startSandbox, SandboxHandle } from '../app/sandbox';
import type { PostView } from '../control/posts';
import type { SeedRequest } from '../control/seed';
import type { FaultSpec } from '../state/faults';

/**
 * What contract tests need around a sandbox started in-process on a free port: its URLs and a
 * small client for the control API. The specs folder is found like the app finds it.
 */
export interface TestSandbox {
  handle: SandboxHandle;
  url: string;
  reset(): Promise<void>;
  seed(seed: SeedRequest): Promise<void>;
  fault(spec: FaultSpec): Promise<void>;
  freezeClock(): Promise<void>;
  advanceClock(seconds: number): Promise<void>;
  setRateLimits(enabled: boolean): Promise<void>;
  expireVkToken(token: string): Promise<void>;
  posts(platform: 'vk' | 'ok' | 'telegram' | 'max', target: string, includeDeleted?: boolean): Promise<PostView[]>;
  close(): Promise<void>;
}

export async function startTestSandbox(): Promise<TestSandbox> {
  const handle = await startSandbox({ port: 0 });
  const control = axios.create({ baseURL: `${handle.url}/control`, proxy: false, timeout: 10_000 });
  return {
    handle,
    url: handle.url,
    reset: async () => void (await control.post('/reset')),
    seed: async (seed) => void (await control.post('/seed', seed)),
    fault: async (spec) => void (await control.post('/faults', spec)),
    freezeClock: async () => void (await control.post('/clock', { freeze: true })),
    advanceClock: async (seconds) => void (await control.post('/clock', { advanceSeconds: seconds })),
    setRateLimits: async (enabled) => void (await control.put('/rate-limits', { enabled })),
    expireVkToken: async (token) => void (await control.post('/vk/expire-token', { token })),
    posts: async (platform, target, includeDeleted = false) => {
      const res = await control.get(`/posts/${platform}/${encodeURIComponent(target)}`, { params: includeDeleted ? { includeDeleted: 1 } : {} });
      return res.data.posts as PostView[];
    },
    close: () => handle.close(),
  };
}

/** A port nobody listens on: for "connection refused" cases. */
export async function closedPortUrl(): Promise<string> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** Small images whose first bytes are real JPEG/PNG signatures (the sandbox sniffs them). */
export function testImage(index: number, kind: 'jpeg' | 'png' = 'jpeg') {
  const bytes =
    kind === 'png'
      ? new Uint8Array(PNG_1X1)
      : new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(`vestnik test image ${index}`), Buffer.from([0xff, 0xd9])]));
  const mimeType = kind === 'png' ? 'image/png' : 'image/jpeg';
  const ref = { mimeType, size: bytes.length, width: 800, height: 600, fileName: `photo-${index}.${kind === 'png' ? 'png' : 'jpg'}` };
  return { ref, loaded: { ...ref, bytes, fileName: ref.fileName } };
}

export function testImages(count: number) {
  const images = Array.from({ length: count }, (_, i) => testImage(i + 1, i % 2 ? 'png' : 'jpeg'));
  return { refs: images.map((i) => i.ref), loaded: images.map((i) => i.loaded) };
}
