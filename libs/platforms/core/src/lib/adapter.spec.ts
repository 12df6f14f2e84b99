import { adapterFor, AnyPlatformAdapter, canRefreshCredentials, PLATFORM_ADAPTERS } from './adapter';
import { isFailure } from './outcomes';

describe('adapter helpers', () => {
  const fake = (platform: 'vk' | 'telegram', extra: object = {}) => ({ platform, ...extra }) as unknown as AnyPlatformAdapter;

  it('finds the adapter for a channel by platform', () => {
    const adapters = [fake('vk'), fake('telegram')];
    expect(adapterFor(adapters, { platform: 'telegram', target: '@x', credentials: { botToken: 't' } })).toBe(adapters[1]);
    expect(adapterFor(adapters, { platform: 'ok', target: '1', credentials: { accessToken: 't' } })).toBeUndefined();
  });

  it('detects adapters that can refresh credentials', () => {
    expect(canRefreshCredentials(fake('vk', { refreshAccessToken: async () => undefined }))).toBe(true);
    expect(canRefreshCredentials(fake('telegram'))).toBe(false);
  });

  it('tells failures from successes', () => {
    expect(isFailure({ status: 'published', remoteId: '1', url: 'u' })).toBe(false);
    expect(isFailure({ status: 'unconfirmed', reason: 'r', retrySafe: false })).toBe(true);
    expect(typeof PLATFORM_ADAPTERS).toBe('string');
  });
});
