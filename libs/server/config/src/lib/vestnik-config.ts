import { resolve } from 'node:path';
import { Env, EnvReader } from './env-rules';

export const SERVER_ROLES = ['api', 'worker'] as const;
export type ServerRole = (typeof SERVER_ROLES)[number];
export const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Every setting of the server, read once from the environment and validated at boot. */
export interface VestnikConfig {
  port: number;
  host: string;
  /** Which parts this replica runs: the HTTP API with the editor, the publishing worker, or both. */
  roles: ServerRole[];
  logLevel: LogLevel;
  /** Absolute folder for local state: embedded PostgreSQL, generated keys, media. */
  dataDir: string;
  /** External PostgreSQL; when absent the server starts an embedded one in `dataDir`. */
  databaseUrl?: string;
  embeddedPostgresPort: number;
  /** AES-256-GCM key for secrets at rest (64 hex chars or base64 of 32 bytes); kept in `dataDir` when absent. */
  encryptionKey?: string;
  /** Secret for signing access tokens; generated once and shared through the database when absent. */
  authTokenSecret?: string;
  accessTokenTtlSeconds: number;
  /** Failed logins allowed per account / per address within the window before 429. */
  loginMaxFailuresPerAccount: number;
  loginMaxFailuresPerAddress: number;
  loginThrottleWindowSeconds: number;
  /** Express `trust proxy`: read the client address from X-Forwarded-For behind a reverse proxy. */
  trustProxy: boolean;
  /** Where the built editor lives; served at `/` when present. */
  editorDir: string;
  platforms: {
    vkApiUrl: string;
    vkIdUrl: string;
    vkClientId?: string;
    okApiUrl: string;
    okApplicationKey?: string;
    okApplicationSecretKey?: string;
    telegramApiUrl: string;
    maxApiUrl: string;
    requestTimeoutMs: number;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment; throws ConfigError listing every bad variable. */
export function loadConfig(env: Env, cwd: string = process.cwd()): VestnikConfig {
  const r = new EnvReader(env);
  const databaseUrl = r.url('DATABASE_URL', undefined, ['postgres:', 'postgresql:']);
  const config: VestnikConfig = {
    port: r.int('PORT', 3000, 0, 65535),
    host: r.string('HOST', '0.0.0.0'),
    roles: r.oneOfList('VESTNIK_ROLES', SERVER_ROLES, ['api', 'worker']),
    logLevel: r.oneOf('LOG_LEVEL', LOG_LEVELS, 'log'),
    dataDir: resolve(cwd, r.string('VESTNIK_DATA_DIR', '.vestnik')),
    databaseUrl,
    embeddedPostgresPort: r.int('EMBEDDED_POSTGRES_PORT', 54329, 1024, 65535),
    encryptionKey: r.key('VESTNIK_ENCRYPTION_KEY'),
    authTokenSecret: r.secret('AUTH_TOKEN_SECRET', 32),
    accessTokenTtlSeconds: r.int('ACCESS_TOKEN_TTL_SECONDS', 8 * 3600, 60, 30 * 24 * 3600),
    loginMaxFailuresPerAccount: r.int('LOGIN_MAX_FAILURES_PER_ACCOUNT', 5, 1, 1000),
    loginMaxFailuresPerAddress: r.int('LOGIN_MAX_FAILURES_PER_ADDRESS', 20, 1, 100000),
    loginThrottleWindowSeconds: r.int('LOGIN_THROTTLE_WINDOW_SECONDS', 15 * 60, 1, 24 * 3600),
    trustProxy: r.bool('TRUST_PROXY', false),
    editorDir: resolve(cwd, r.string('VESTNIK_EDITOR_DIR', 'dist/apps/editor/browser')),
    platforms: {
      vkApiUrl: r.url('VK_API_URL', 'https://api.vk.ru/method'),
      vkIdUrl: r.url('VK_ID_URL', 'https://id.vk.com'),
      vkClientId: r.string('VK_CLIENT_ID'),
      okApiUrl: r.url('OK_API_URL', 'https://api.ok.ru/fb.do'),
      okApplicationKey: r.string('OK_APPLICATION_KEY'),
      okApplicationSecretKey: r.secret('OK_APPLICATION_SECRET_KEY', 1),
      telegramApiUrl: r.url('TELEGRAM_API_URL', 'https://api.telegram.org'),
      maxApiUrl: r.url('MAX_API_URL', 'https://platform-api2.max.ru'),
      requestTimeoutMs: r.int('PLATFORM_TIMEOUT_MS', 15000, 100, 300000),
    },
  };
  if (r.problems.length) throw new ConfigError(r.problems);
  return config;
}
