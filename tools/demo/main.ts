/**
 * `npm run demo [-- --no-build]`
 *
 * Builds the sandbox, the server and the editor (nx, cached), starts the sandbox and the server
 * (API, editor and publishing worker, on embedded PostgreSQL in `.vestnik-demo/`) pointed at it,
 * seeds a demo region through the public API and prints how to sign in; runs until Ctrl+C. A
 * second run reuses the folder: what exists is kept, what is missing is added.
 */
// The contracts' classes carry class-validator decorators, which need the metadata API loaded first.
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROLE_LABELS } from '@vestnik/contracts';
import { loadOrCreateLogins } from './demo-logins';
import { RunningProcess, portFor, startNode, waitUntilAnswers } from './demo-processes';
import { OK_APP, PEOPLE, REGION, VK_CLIENT_ID, sandboxSeed } from './demo-region';
import { DemoSeeder, SeedReport } from './demo-seeder';
import { VestnikClient } from './vestnik-client';

const ROOT = resolve(__dirname, '../..');
const DEMO_DIR = join(ROOT, '.vestnik-demo');
const say = (line: string) => console.log(`[demo] ${line}`);

async function main(): Promise<void> {
  const build = !process.argv.includes('--no-build');
  mkdirSync(DEMO_DIR, { recursive: true });
  if (build) {
    say('сборка песочницы, сервера и редактора (nx, из кэша, если ничего не менялось)…');
    execFileSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'sandbox', 'server', 'editor', '--output-style=static'], { cwd: ROOT, stdio: 'inherit' });
  }
  // The server serves its own copy of the editor, so a rebuild in the checkout while the demo runs breaks nothing.
  const editorDir = join(DEMO_DIR, 'editor');
  rmSync(editorDir, { recursive: true, force: true });
  cpSync(join(ROOT, 'dist/apps/editor/browser'), editorDir, { recursive: true });
  const { logins, created } = loadOrCreateLogins(join(DEMO_DIR, 'logins.json'), PEOPLE);
  if (created) say(`пароли демо-пользователей созданы: ${join(DEMO_DIR, 'logins.json')} (права 0600)`);

  const running: RunningProcess[] = [];
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('останавливаем сервер и песочницу…');
    for (const proc of running.reverse()) await proc.stop();
    say('остановлено; данные остались в .vestnik-demo/');
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  try {
    const sandboxPort = await portFor(numberFrom('SANDBOX_PORT') ?? 3900);
    const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
    const sandboxLog = join(DEMO_DIR, 'sandbox.log');
    const sandbox = startNode('песочница', 'dist/apps/sandbox/main.js', { ...process.env, SANDBOX_PORT: String(sandboxPort), SANDBOX_HOST: '127.0.0.1' }, ROOT, sandboxLog);
    running.push(sandbox);
    await waitUntilAnswers(`${sandboxUrl}/control/faults`, sandbox, 30_000, sandboxLog);
    // The sandbox keeps nothing between runs: its pages, bot and tokens are seeded on every start.
    await sandboxControl(sandboxUrl, '/seed', sandboxSeed());

    const port = await portFor(numberFrom('PORT') ?? 3000);
    const baseUrl = `http://127.0.0.1:${port}`;
    const serverLog = join(DEMO_DIR, 'server.log');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      VESTNIK_DATA_DIR: join(DEMO_DIR, 'data'),
      VESTNIK_ROLES: 'api,worker',
      VESTNIK_EDITOR_DIR: editorDir,
      VESTNIK_PUBLIC_URL: baseUrl,
      VK_API_URL: `${sandboxUrl}/vk/method`,
      VK_ID_URL: `${sandboxUrl}/vk-id`,
      VK_CLIENT_ID,
      OK_API_URL: `${sandboxUrl}/ok/fb.do`,
      OK_OAUTH_URL: `${sandboxUrl}/ok`,
      OK_CLIENT_ID: OK_APP.applicationId,
      OK_APPLICATION_KEY: OK_APP.applicationKey,
      OK_APPLICATION_SECRET_KEY: OK_APP.applicationSecretKey,
      TELEGRAM_API_URL: `${sandboxUrl}/telegram`,
      MAX_API_URL: `${sandboxUrl}/max`,
    };
    delete env['DATABASE_URL'];
    say(`запуск сервера (API, редактор, воркер) на ${baseUrl}; первый запуск создаёт базу PostgreSQL — это занимает до пары минут…`);
    const server = startNode('сервер', 'dist/apps/server/main.js', env, ROOT, serverLog);
    running.push(server);
    await waitUntilAnswers(`${baseUrl}/api/health`, server, 300_000, serverLog);

    say('наполнение демо-региона через API…');
    const report = await new DemoSeeder(new VestnikClient(baseUrl), sandboxUrl, logins, say).seed();
    printSummary(report, baseUrl, sandboxUrl, logins);
    void server.exited.then((code) => {
      if (!stopping) {
        say(`сервер завершился (код ${code}); журнал: ${serverLog}`);
        void stopAll(1);
      }
    });
  } catch (error) {
    say(`не удалось: ${error instanceof Error ? error.message : String(error)}`);
    await stopAll(1);
  }
}

async function sandboxControl(sandboxUrl: string, path: string, body: unknown): Promise<void> {
  const res = await fetch(`${sandboxUrl}/control${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`sandbox ${path} → ${res.status} ${await res.text()}`);
}

function numberFrom(name: string): number | undefined {
  const value = process.env[name];
  if (value === undefined || value === '') return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${name} должен быть номером порта, получено ${value}`);
  return port;
}

function printSummary(report: SeedReport, baseUrl: string, sandboxUrl: string, logins: Record<string, string>): void {
  const count = (c: { created: number; kept: number }) => `${c.created + c.kept} (новых ${c.created})`;
  const lines = [
    '',
    `Демо-регион «${REGION.name}» (${REGION.timezone}) готов.`,
    `  районов и учреждений: ${count(report.organizations)}, пользователей: ${count(report.people)}, страниц: ${count(report.channels)}, постов: ${count(report.posts)}${report.posts.advanced ? `, доведено до нужного состояния: ${report.posts.advanced}` : ''}`,
    `  посты по статусам: ${Object.entries(report.byStatus).map(([s, n]) => `${s} ${n}`).join(', ')}`,
    ...report.posts.leftAlone.map((note) => `  оставлен как есть: ${note}`),
    '',
    `Редактор:  ${baseUrl}/`,
    `Песочница (ленты VK, OK, Telegram): ${sandboxUrl}/`,
    `API:       ${baseUrl}/api/docs`,
    '',
    'Вход (только для демо; пароли хранятся в .vestnik-demo/logins.json):',
    ...PEOPLE.map((p) => `  ${ROLE_LABELS[p.role].padEnd(26)} ${p.email.padEnd(30)} ${logins[p.email]}`),
    '',
    'Ctrl+C — остановить сервер и песочницу (данные останутся для следующего запуска).',
  ];
  console.log(lines.join('\n'));
}

void main();
