import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './vestnik-config';

describe('loadConfig', () => {
  it('gives defaults for an empty environment', () => {
    const c = loadConfig({}, '/srv/app');
    expect(c.port).toBe(3000);
    expect(c.dataDir).toBe('/srv/app/.vestnik');
    expect(c.databaseUrl).toBeUndefined();
    expect(c.roles).toEqual(['api', 'worker']);
    expect(c.platforms.vkApiUrl).toBe('https://api.vk.ru/method');
  });

  it('reads the variables it knows', () => {
    const c = loadConfig(
      { PORT: '8080', VESTNIK_DATA_DIR: '/var/vestnik', DATABASE_URL: 'postgres://u:p@db/v', VESTNIK_ROLES: 'worker', TELEGRAM_API_URL: 'http://localhost:3900/telegram/' },
      '/srv/app',
    );
    expect(c.port).toBe(8080);
    expect(c.dataDir).toBe('/var/vestnik');
    expect(c.databaseUrl).toBe('postgres://u:p@db/v');
    expect(c.roles).toEqual(['worker']);
    expect(c.platforms.telegramApiUrl).toBe('http://localhost:3900/telegram');
  });

  it('names every bad variable and its rule, without echoing secrets', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://root:hunter2@db/x', VESTNIK_ROLES: 'api,cron', AUTH_TOKEN_SECRET: 'short-secret' });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const text = error?.message ?? '';
    expect(text).toContain('PORT: must be a whole number from 0 to 65535');
    expect(text).toContain('DATABASE_URL: must be a URL starting with postgres:// or postgresql://');
    expect(text).toContain('VESTNIK_ROLES: must be a comma-separated list of api, worker');
    expect(text).toContain('AUTH_TOKEN_SECRET: must be at least 32 characters long');
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('short-secret');
  });

  it('reads MAX_CA_BUNDLE as PEM text and names a missing or wrong file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vestnik-ca-'));
    const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
    writeFileSync(join(dir, 'russian-trusted-root.pem'), pem);
    writeFileSync(join(dir, 'not-a-cert.txt'), 'hello');
    expect(loadConfig({ MAX_CA_BUNDLE: 'russian-trusted-root.pem' }, dir).platforms.maxCaBundle).toBe(pem);
    expect(loadConfig({}, dir).platforms.maxCaBundle).toBeUndefined();
    expect(() => loadConfig({ MAX_CA_BUNDLE: 'absent.pem' }, dir)).toThrow(/MAX_CA_BUNDLE: cannot read the file "absent.pem" \(ENOENT\)/);
    expect(() => loadConfig({ MAX_CA_BUNDLE: 'not-a-cert.txt' }, dir)).toThrow(/MAX_CA_BUNDLE: "not-a-cert.txt" holds no PEM certificate/);
  });

  it('keeps media in the data folder by default, with VK\'s 50 MB limit', () => {
    const c = loadConfig({}, '/srv/app');
    expect(c.media).toEqual({ storage: 'local', maxBytes: 50 * 1024 * 1024, minDimension: 10, maxDimension: 20000, maxPixels: 100_000_000 });
  });

  it('reads S3 storage and requires its variables, never echoing the secret', () => {
    const s3 = loadConfig({
      MEDIA_STORAGE: 's3',
      S3_ENDPOINT: 'http://127.0.0.1:9000/',
      S3_REGION: 'ru-central1',
      S3_BUCKET: 'vestnik-media',
      S3_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      S3_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
      S3_FORCE_PATH_STYLE: 'true',
      MEDIA_MAX_BYTES: '20000',
    });
    expect(s3.media).toMatchObject({ storage: 's3', maxBytes: 20000 });
    expect(s3.media.s3).toEqual({
      endpoint: 'http://127.0.0.1:9000',
      region: 'ru-central1',
      bucket: 'vestnik-media',
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
      forcePathStyle: true,
    });

    const missing = (): unknown => loadConfig({ MEDIA_STORAGE: 's3', S3_BUCKET: 'Bad_Bucket', S3_FORCE_PATH_STYLE: 'maybe' });
    expect(missing).toThrow(ConfigError);
    let text = '';
    try {
      missing();
    } catch (e) {
      text = (e as Error).message;
    }
    for (const name of ['S3_ENDPOINT', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY']) expect(text).toContain(`${name}: required when MEDIA_STORAGE=s3`);
    expect(text).toContain('S3_BUCKET: must be 3–63 lower-case letters');
    expect(text).toContain('S3_FORCE_PATH_STYLE: must be true or false');

    let secretText = '';
    try {
      loadConfig({ MEDIA_STORAGE: 'ftp', MEDIA_MAX_BYTES: '12', S3_SECRET_ACCESS_KEY: 'top-secret-value' });
    } catch (e) {
      secretText = (e as Error).message;
    }
    expect(secretText).toContain('MEDIA_STORAGE: must be one of local, s3');
    expect(secretText).toContain('MEDIA_MAX_BYTES: must be a whole number from 1024 to 1073741824');
    expect(secretText).not.toContain('top-secret-value');
  });

  it('refuses a minimum side above the maximum', () => {
    expect(() => loadConfig({ MEDIA_MIN_DIMENSION: '500', MEDIA_MAX_DIMENSION: '100' })).toThrow('MEDIA_MIN_DIMENSION: must not exceed MEDIA_MAX_DIMENSION');
  });

  it('leaves /metrics public by default and protects it with METRICS_TOKEN, never echoing a short one', () => {
    expect(loadConfig({}).metrics.token).toBeUndefined();
    expect(loadConfig({ METRICS_TOKEN: '  prometheus-scrape-token-1  ' }).metrics.token).toBe('prometheus-scrape-token-1');
    let text = '';
    try {
      loadConfig({ METRICS_TOKEN: 'short-tok' });
    } catch (e) {
      text = (e as Error).message;
    }
    expect(text).toContain('METRICS_TOKEN: must be at least 16 characters long');
    expect(text).not.toContain('short-tok');
  });

  it('sends notification e-mails after a short delay that gathers bursts, polling every 5 s', () => {
    expect(loadConfig({}).notifications).toMatchObject({ smtpUrl: undefined, emailPollMs: 5000, emailDelaySeconds: 30 });
    expect(loadConfig({ SMTP_URL: 'smtp://u:p@mail:25', NOTIFY_EMAIL_POLL_MS: '200', NOTIFY_EMAIL_DELAY_SECONDS: '0' }).notifications).toMatchObject({ smtpUrl: 'smtp://u:p@mail:25', emailPollMs: 200, emailDelaySeconds: 0 });
    expect(() => loadConfig({ NOTIFY_EMAIL_DELAY_SECONDS: '7200' })).toThrow('NOTIFY_EMAIL_DELAY_SECONDS: must be a whole number from 0 to 3600');
  });

  it('warns of a page short of its weekly minimum with 2 days left by default, 0 to 6 allowed', () => {
    expect(loadConfig({}).coordination.minimumWarningDaysLeft).toBe(2);
    expect(loadConfig({ MINIMUM_WARNING_DAYS_LEFT: '0' }).coordination.minimumWarningDaysLeft).toBe(0);
    expect(() => loadConfig({ MINIMUM_WARNING_DAYS_LEFT: '7' })).toThrow('MINIMUM_WARNING_DAYS_LEFT: must be a whole number from 0 to 6 (got "7")');
    expect(() => loadConfig({ MINIMUM_WARNING_DAYS_LEFT: 'два' })).toThrow('MINIMUM_WARNING_DAYS_LEFT: must be a whole number from 0 to 6');
  });

  it('reads OK OAuth, whose secret defaults to the application secret key, and names what it lacks', () => {
    expect(loadConfig({}).platforms).toMatchObject({ okClientId: undefined, okOauthUrl: 'https://connect.ok.ru' });
    const ok = loadConfig({ OK_CLIENT_ID: '512000000001', OK_APPLICATION_KEY: 'CBAKEY', OK_APPLICATION_SECRET_KEY: 'app-secret', OK_OAUTH_URL: 'http://localhost:3900/ok/' });
    expect(ok.platforms).toMatchObject({ okClientId: '512000000001', okClientSecret: 'app-secret', okOauthUrl: 'http://localhost:3900/ok' });
    expect(loadConfig({ OK_CLIENT_ID: '1', OK_CLIENT_SECRET: 'oauth-secret', OK_APPLICATION_KEY: 'K', OK_APPLICATION_SECRET_KEY: 'S' }).platforms.okClientSecret).toBe('oauth-secret');
    let text = '';
    try {
      loadConfig({ OK_CLIENT_ID: 'my-app', OK_CLIENT_SECRET: 'never-echo-this' });
    } catch (e) {
      text = (e as Error).message;
    }
    expect(text).toContain('OK_CLIENT_ID: must be the OK application\'s numeric id');
    expect(text).toContain('OK_CLIENT_ID: OAuth needs OK_APPLICATION_KEY and OK_APPLICATION_SECRET_KEY too');
    expect(text).not.toContain('never-echo-this');
  });

  it('trusts proxies only by hop count or address list, never any hop', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5, loopback,192.168.0.0/16,::1' }).trustProxy).toEqual(['10.0.0.5', 'loopback', '192.168.0.0/16', '::1']);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    for (const bad of ['true', 'yes', '11', 'proxy.example', '10.0.0.300']) {
      expect(() => loadConfig({ TRUST_PROXY: bad })).toThrow(/TRUST_PROXY: must be the number of proxies in front/);
    }
  });

  it('moves the embedded PostgreSQL to a free port only when its port was not set', () => {
    expect(loadConfig({})).toMatchObject({ embeddedPostgresPort: 54329, embeddedPostgresPortFixed: false });
    expect(loadConfig({ EMBEDDED_POSTGRES_PORT: '54400' })).toMatchObject({ embeddedPostgresPort: 54400, embeddedPostgresPortFixed: true });
  });
});
