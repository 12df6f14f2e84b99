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
});
