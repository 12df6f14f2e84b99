import { adapterFor, AnyPlatformAdapter, canReconcile, canRefreshCredentials, paceKey, PLATFORM_ADAPTERS } from './adapter';
import { isFailure } from './outcomes';

describe('adapter helpers', () => {
  const fake = (platform: 'vk' | 'telegram', extra: object = {}) => ({ platform, ...extra }) as unknown as AnyPlatformAdapter;

  it('finds the adapter for a channel by platform', () => {
    const adapters = [fake('vk'), fake('telegram')];
    expect(adapterFor(adapters, { platform: 'telegram', target: '@x', credentials: { botToken: 't' } })).toBe(adapters[1]);
    expect(adapterFor(adapters, { platform: 'ok', target: '1', credentials: { accessToken: 't' } })).toBeUndefined();
  });

  it('detects adapters that can refresh credentials', () => {
    expect(canRefreshCredentials(fake('vk', { canRefresh: () => true, refreshCredentials: async () => undefined }))).toBe(true);
    expect(canRefreshCredentials(fake('vk', { refreshCredentials: async () => undefined }))).toBe(false);
    expect(canRefreshCredentials(fake('telegram'))).toBe(false);
  });

  it('detects adapters that can look for a post after a lost answer', () => {
    expect(canReconcile(fake('vk', { reconcile: async () => ({ status: 'absent' }) }))).toBe(true);
    expect(canReconcile(fake('telegram'))).toBe(false);
  });

  it('names a secret in a pace key only by its hash', () => {
    const key = paceKey('vk', 'token', 'vk1.a.secret-token');
    expect(key).toMatch(/^vk:token:[0-9a-f]{24}$/);
    expect(key).not.toContain('secret');
    expect(paceKey('vk', 'token', 'vk1.a.secret-token')).toBe(key);
    expect(paceKey('vk', 'token', 'another')).not.toBe(key);
  });

  it('tells failures from successes', () => {
    expect(isFailure({ status: 'published', remoteId: '1', url: 'u' })).toBe(false);
    expect(isFailure({ status: 'unconfirmed', reason: 'r', retrySafe: false })).toBe(true);
    expect(typeof PLATFORM_ADAPTERS).toBe('string');
  });
});
