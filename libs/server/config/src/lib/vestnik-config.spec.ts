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
});
