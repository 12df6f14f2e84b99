import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// Jest loads global setup with plain require, which knows no tsconfig path aliases.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startEmbeddedPostgres, RunningPostgres } from '../../../persistence/src/lib/embedded-postgres';
import { freePort } from './free-port';

declare global {
  var __vestnikTestPostgres: { pg: RunningPostgres; dir: string } | undefined;
}

/** Jest globalSetup: one throw-away embedded PostgreSQL per test run, on a free port. */
export default async function globalSetup(): Promise<void> {
  if (process.env['VESTNIK_TEST_DATABASE_URL']) return;
  const dir = mkdtempSync(join(tmpdir(), 'vestnik-test-'));
  chmodSync(dir, 0o755); // as root, PostgreSQL runs as another user who must enter this folder
  const port = await freePort();
  const pg = await startEmbeddedPostgres({ dataDir: dir, port, log: () => undefined, warn: () => undefined });
  globalThis.__vestnikTestPostgres = { pg, dir };
  process.env['VESTNIK_TEST_DATABASE_URL'] = pg.url;
}
