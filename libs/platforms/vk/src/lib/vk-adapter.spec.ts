import { paceKey } from '@vestnik/platforms/core';
import { VkAdapter } from './vk-adapter';
import { VK_CALL_SPACING_MS, VK_RATE } from './vk-pacer';

describe('VkAdapter: what it declares to the publishing engine', () => {
  const vk = new VkAdapter({ apiUrl: 'http://127.0.0.1:9/method', timeoutMs: 1000 });
  const channel = (target: string, accessToken = 'vk1.a.token') => ({ platform: 'vk' as const, target, credentials: { accessToken } });

  it('counts its longest publish without photos: a screen name’s lookup and the post, each after its pace', () => {
    expect(vk.longestPublishMs(0)).toBeCloseTo(2 * (1000 + 1070 / 3));
  });

  it('adds the upload server and, per photo, an upload at four times the timeout and a save', () => {
    expect(vk.longestPublishMs(3)).toBeCloseTo((2 + 1 + 3) * (1000 + 1070 / 3) + 3 * 4000);
    const ownUploadTimeout = new VkAdapter({ apiUrl: 'http://127.0.0.1:9/method', timeoutMs: 1000, uploadTimeoutMs: 9000, paced: false });
    expect(ownUploadTimeout.longestPublishMs(2)).toBe((2 + 1 + 2) * 1000 + 2 * 9000);
  });

  it('trusts a repeated guid for half of the hour VK documents', () => {
    expect(vk.idempotentRetryWindowMs).toBe(30 * 60_000);
  });

  it('keeps within 10 % of VK’s 3 requests a second per token, in its own gate and in the engine’s spacing alike', () => {
    expect(VK_RATE.limit).toBe(3);
    expect(VK_RATE.windowMs).toBeGreaterThanOrEqual(1000);
    expect(VK_RATE.windowMs).toBeLessThanOrEqual(1100);
    expect(VK_CALL_SPACING_MS).toBeCloseTo(VK_RATE.windowMs / VK_RATE.limit);
  });

  it('paces one key, the token (by its hash), with one spacing per API call the publish makes', () => {
    const spacing = (target: string, imageCount: number) => vk.paces(channel(target), { remoteTargetId: target, imageCount });
    // wall.post alone
    expect(spacing('123', 0)).toEqual([{ key: paceKey('vk', 'token', 'vk1.a.token'), spacingMs: VK_CALL_SPACING_MS }]);
    // getWallUploadServer, 3 × saveWallPhoto, wall.post (the uploads go to another host)
    expect(spacing('club123', 3)[0].spacingMs).toBeCloseTo(5 * VK_CALL_SPACING_MS);
    // a screen name is looked up first (groups.getById)
    expect(spacing('city_admin', 0)[0].spacingMs).toBeCloseTo(2 * VK_CALL_SPACING_MS);
    expect(spacing('city_admin', 1)[0].spacingMs).toBeCloseTo(4 * VK_CALL_SPACING_MS);
    expect(JSON.stringify(spacing('123', 0))).not.toContain('vk1.a.token');
  });

  it('shares the key between channels of one token and not between tokens', () => {
    const [a] = vk.paces(channel('1'), { remoteTargetId: '1', imageCount: 0 });
    const [b] = vk.paces(channel('2'), { remoteTargetId: '2', imageCount: 0 });
    const [c] = vk.paces(channel('1', 'vk1.a.other'), { remoteTargetId: '1', imageCount: 0 });
    expect(a.key).toBe(b.key);
    expect(c.key).not.toBe(a.key);
  });
});
