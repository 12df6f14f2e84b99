import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freePort } from '@vestnik/server/testing';

export interface SandboxProcess {
  url: string;
  env: Record<string, string>;
  control(path: string, body?: unknown, method?: string): Promise<unknown>;
  stop(): Promise<void>;
}

const ROOT = resolve(__dirname, '../../../..');
const MAIN = join(ROOT, 'dist/apps/sandbox/main.js');

/** The platform sandbox as its own process, as in a demo: built by the server's test target first. */
export async function startSandboxProcess(): Promise<SandboxProcess> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npx nx build sandbox" (the server's test target does it)`);
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [MAIN], { cwd: ROOT, env: { ...process.env, SANDBOX_PORT: String(port), SANDBOX_HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`sandbox exited: ${output}`);
    try {
      const res = await fetch(`${url}/control/faults`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`sandbox did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    env: {
      VK_API_URL: `${url}/vk/method`,
      VK_ID_URL: `${url}/vk-id`,
      OK_API_URL: `${url}/ok/fb.do`,
      OK_OAUTH_URL: `${url}/ok`,
      TELEGRAM_API_URL: `${url}/telegram`,
      MAX_API_URL: `${url}/max`,
    },
    async control(path, body, method = 'POST') {
      const res = await fetch(`${url}/control${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      const json = await res.json();
      if (!res.ok) throw new Error(`sandbox control ${path}: ${JSON.stringify(json)}`);
      return json;
    },
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}
