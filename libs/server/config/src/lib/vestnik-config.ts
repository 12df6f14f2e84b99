import { readFileSync } from 'node:fs';
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
  /** Set explicitly: a taken port is an error. Otherwise the embedded PostgreSQL moves to a free one. */
  embeddedPostgresPortFixed: boolean;
  /** AES-256-GCM key for secrets at rest (64 hex chars or base64 of 32 bytes); kept in `dataDir` when absent. */
  encryptionKey?: string;
  /** Secret for signing access tokens; generated once and shared through the database when absent. */
  authTokenSecret?: string;
  accessTokenTtlSeconds: number;
  /** Failed logins allowed per account / per address within the window before 429. */
  loginMaxFailuresPerAccount: number;
  loginMaxFailuresPerAddress: number;
  loginThrottleWindowSeconds: number;
  /**
   * Express `trust proxy`: which reverse proxies may name the client in X-Forwarded-For — a hop count
   * or a list of addresses/subnets; false when none. Never "any hop", which would let a client pick its own address.
   */
  trustProxy: false | number | string[];
  /** Where the built editor lives; served at `/` when present. */
  editorDir: string;
  publishing: {
    /** How often an idle worker looks for due publications. */
    pollMs: number;
    /** Publications one worker claims at a time, and how many it sends at once. */
    batchSize: number;
    concurrency: number;
    /** How long a claim holds before another worker may take it over (plus the request timeout while sending). */
    leaseSeconds: number;
    /** Transient failures retried this many times in all before the publication fails. */
    maxAttempts: number;
    /** A publication overdue by more than this after an outage is marked missed instead of going out late. */
    missedAfterMinutes: number;
  };
  notifications: {
    /** `smtp://user:pass@host:port` or `smtps://…`; e-mail is off when absent. */
    smtpUrl?: string;
    smtpFrom: string;
    /** The address people open Vestnik at, for links in e-mails. */
    publicUrl: string;
    /** How often a worker replica looks for notification e-mails to send. */
    emailPollMs: number;
    /** A new notification's e-mail waits this long, so a burst of failures of one post becomes one letter. */
    emailDelaySeconds: number;
  };
  coordination: {
    /** A page whose week is short of its minimum is warned about once this many whole days or fewer are left after today (Friday has 2). */
    minimumWarningDaysLeft: number;
  };
  metrics: {
    /** When set, `/metrics` answers only `Authorization: Bearer <token>`; public otherwise (it exposes counts only). */
    token?: string;
  };
  platforms: {
    vkApiUrl: string;
    vkIdUrl: string;
    /** VK ID application id: refreshes tokens and, with PKCE (a public client, no secret), connects pages. */
    vkClientId?: string;
    okApiUrl: string;
    okApplicationKey?: string;
    okApplicationSecretKey?: string;
    /** OK OAuth: the application id (client_id), its secret (defaults to the application secret key) and the consent page host. */
    okClientId?: string;
    okClientSecret?: string;
    okOauthUrl: string;
    telegramApiUrl: string;
    maxApiUrl: string;
    /** PEM text of `MAX_CA_BUNDLE` (a file): roots MAX's certificate chains to (the Минцифры root), trusted besides the system's. */
    maxCaBundle?: string;
    requestTimeoutMs: number;
  };
  media: MediaConfig;
}

export const MEDIA_STORAGE_KINDS = ['local', 's3'] as const;
export type MediaStorageKind = (typeof MEDIA_STORAGE_KINDS)[number];

/** Uploaded images: where they are kept and what the server accepts. */
export interface MediaConfig {
  /** `local`: files under `<dataDir>/media/`; `s3`: any S3-compatible object store. */
  storage: MediaStorageKind;
  /** Largest upload in bytes; the default is VK's photo limit. */
  maxBytes: number;
  /** Shortest and longest side allowed, in pixels. */
  minDimension: number;
  maxDimension: number;
  /** Most pixels (width × height × frames) decoded for one upload: a guard against decompression bombs. */
  maxPixels: number;
  /** Present exactly when `storage` is `s3`. */
  s3?: S3Config;
}

export interface S3Config {
  /** Base URL of the service, e.g. `https://storage.yandexcloud.net`. */
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  /** Never logged or echoed. */
  secretAccessKey: string;
  /** `https://endpoint/bucket/key` instead of `https://bucket.endpoint/key` (MinIO and most self-hosted stores). */
  forcePathStyle: boolean;
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
    embeddedPostgresPortFixed: r.string('EMBEDDED_POSTGRES_PORT') !== undefined,
    encryptionKey: r.key('VESTNIK_ENCRYPTION_KEY'),
    authTokenSecret: r.secret('AUTH_TOKEN_SECRET', 32),
    accessTokenTtlSeconds: r.int('ACCESS_TOKEN_TTL_SECONDS', 8 * 3600, 60, 30 * 24 * 3600),
    loginMaxFailuresPerAccount: r.int('LOGIN_MAX_FAILURES_PER_ACCOUNT', 5, 1, 1000),
    loginMaxFailuresPerAddress: r.int('LOGIN_MAX_FAILURES_PER_ADDRESS', 20, 1, 100000),
    loginThrottleWindowSeconds: r.int('LOGIN_THROTTLE_WINDOW_SECONDS', 15 * 60, 1, 24 * 3600),
    trustProxy: r.trustProxy('TRUST_PROXY'),
    editorDir: resolve(cwd, r.string('VESTNIK_EDITOR_DIR', 'dist/apps/editor/browser')),
    publishing: {
      pollMs: r.int('PUBLISH_POLL_MS', 1000, 50, 60000),
      batchSize: r.int('PUBLISH_BATCH_SIZE', 50, 1, 1000),
      concurrency: r.int('PUBLISH_CONCURRENCY', 16, 1, 256),
      leaseSeconds: r.int('PUBLISH_LEASE_SECONDS', 60, 5, 3600),
      maxAttempts: r.int('PUBLISH_MAX_ATTEMPTS', 8, 1, 100),
      missedAfterMinutes: r.int('PUBLISH_MISSED_AFTER_MINUTES', 120, 1, 7 * 24 * 60),
    },
    notifications: {
      smtpUrl: r.url('SMTP_URL', undefined, ['smtp:', 'smtps:']),
      smtpFrom: r.string('SMTP_FROM', 'Вестник <no-reply@localhost>'),
      publicUrl: r.url('VESTNIK_PUBLIC_URL', 'http://localhost:3000'),
      emailPollMs: r.int('NOTIFY_EMAIL_POLL_MS', 5000, 100, 600000),
      emailDelaySeconds: r.int('NOTIFY_EMAIL_DELAY_SECONDS', 30, 0, 3600),
    },
    coordination: {
      minimumWarningDaysLeft: r.int('MINIMUM_WARNING_DAYS_LEFT', 2, 0, 6),
    },
    metrics: {
      token: r.secret('METRICS_TOKEN', 16),
    },
    platforms: {
      vkApiUrl: r.url('VK_API_URL', 'https://api.vk.ru/method'),
      vkIdUrl: r.url('VK_ID_URL', 'https://id.vk.com'),
      vkClientId: r.string('VK_CLIENT_ID'),
      okApiUrl: r.url('OK_API_URL', 'https://api.ok.ru/fb.do'),
      okApplicationKey: r.string('OK_APPLICATION_KEY'),
      okApplicationSecretKey: r.secret('OK_APPLICATION_SECRET_KEY', 1),
      okClientId: r.string('OK_CLIENT_ID'),
      okClientSecret: r.secret('OK_CLIENT_SECRET', 1) ?? r.string('OK_APPLICATION_SECRET_KEY'),
      okOauthUrl: r.url('OK_OAUTH_URL', 'https://connect.ok.ru'),
      telegramApiUrl: r.url('TELEGRAM_API_URL', 'https://api.telegram.org'),
      maxApiUrl: r.url('MAX_API_URL', 'https://platform-api2.max.ru'),
      maxCaBundle: readCaBundle(r, 'MAX_CA_BUNDLE', cwd),
      requestTimeoutMs: r.int('PLATFORM_TIMEOUT_MS', 15000, 100, 300000),
    },
    media: readMediaConfig(r),
  };
  checkOkOAuth(config.platforms, r);
  if (r.problems.length) throw new ConfigError(r.problems);
  return config;
}

/** A PEM file of certificates, read once at start; a missing file or one without a certificate is a configuration problem. */
function readCaBundle(r: EnvReader, name: string, cwd: string): string | undefined {
  const path = r.string(name);
  if (!path) return undefined;
  let text: string;
  try {
    text = readFileSync(resolve(cwd, path), 'utf8');
  } catch (error) {
    r.problems.push(`${name}: cannot read the file "${path}" (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    return undefined;
  }
  if (!text.includes('-----BEGIN CERTIFICATE-----')) {
    r.problems.push(`${name}: "${path}" holds no PEM certificate (-----BEGIN CERTIFICATE-----)`);
    return undefined;
  }
  return text;
}

/** OK OAuth tokens are only usable with signed calls: the application key and secret must be there too. */
function checkOkOAuth(p: VestnikConfig['platforms'], r: EnvReader): void {
  if (p.okClientId === undefined) return;
  if (!/^\d+$/.test(p.okClientId)) r.problems.push(`OK_CLIENT_ID: must be the OK application's numeric id (got "${p.okClientId}")`);
  if (!p.okApplicationKey || !p.okApplicationSecretKey) r.problems.push('OK_CLIENT_ID: OAuth needs OK_APPLICATION_KEY and OK_APPLICATION_SECRET_KEY too');
}

function readMediaConfig(r: EnvReader): MediaConfig {
  const media: MediaConfig = {
    storage: r.oneOf('MEDIA_STORAGE', MEDIA_STORAGE_KINDS, 'local'),
    maxBytes: r.int('MEDIA_MAX_BYTES', 50 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    minDimension: r.int('MEDIA_MIN_DIMENSION', 10, 1, 10000),
    maxDimension: r.int('MEDIA_MAX_DIMENSION', 20000, 16, 100000),
    maxPixels: r.int('MEDIA_MAX_PIXELS', 100_000_000, 1000, 1_000_000_000),
  };
  if (media.minDimension > media.maxDimension) r.problems.push('MEDIA_MIN_DIMENSION: must not exceed MEDIA_MAX_DIMENSION');
  if (media.storage !== 's3') return media;

  const required = (name: string, value: string | undefined): string => {
    if (value === undefined) r.problems.push(`${name}: required when MEDIA_STORAGE=s3`);
    return value ?? '';
  };
  const endpoint = required('S3_ENDPOINT', r.url('S3_ENDPOINT', undefined));
  if (endpoint && new URL(endpoint).pathname !== '/') r.problems.push(`S3_ENDPOINT: must be the service's base URL without a path (got "${endpoint}")`);
  const region = required('S3_REGION', r.string('S3_REGION'));
  if (region && !/^[a-z0-9-]{1,40}$/.test(region)) r.problems.push(`S3_REGION: must be a region name such as us-east-1 or ru-central1 (got "${region}")`);
  const bucket = required('S3_BUCKET', r.string('S3_BUCKET'));
  if (bucket && !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    r.problems.push(`S3_BUCKET: must be 3–63 lower-case letters, digits, dots or hyphens (got "${bucket}")`);
  }
  media.s3 = {
    endpoint,
    region,
    bucket,
    // Neither key is echoed back in a message.
    accessKeyId: required('S3_ACCESS_KEY_ID', r.string('S3_ACCESS_KEY_ID')),
    secretAccessKey: required('S3_SECRET_ACCESS_KEY', r.secret('S3_SECRET_ACCESS_KEY', 1)),
    forcePathStyle: r.bool('S3_FORCE_PATH_STYLE', false),
  };
  return media;
}
