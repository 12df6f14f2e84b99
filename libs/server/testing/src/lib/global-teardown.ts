import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const running = globalThis.__vestnikTestPostgres;
  if (!running) return;
  await running.pg.stop();
  rmSync(running.dir, { recursive: true, force: true });
  globalThis.__vestnikTestPostgres = undefined;
}
