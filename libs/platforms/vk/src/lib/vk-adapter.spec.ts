import { paceKey } from '@vestnik/platforms/core';
import { VkAdapter } from './vk-adapter';
import { VK_CALL_SPACING_MS } from './vk-pacer';

describe('VkAdapter: what it declares to the publishing engine', () => {
  const vk = new VkAdapter({ apiUrl: 'http://127.0.0.1:9/method', timeoutMs: 1000 });
  const channel = (target: string, accessToken = 'vk1.a.token') => ({ platform: 'vk' as const, target, credentials: { accessToken } });

  it('counts its longest publish without photos: a screen name’s lookup and the post, each after its 350 ms pace', () => {
    expect(vk.longestPublishMs(0)).toBe(2 * (1000 + 350));
  });

  it('adds the upload server and, per photo, an upload at four times the timeout and a save', () => {
    expect(vk.longestPublishMs(3)).toBe((2 + 1 + 3) * (1000 + 350) + 3 * 4000);
    const ownUploadTimeout = new VkAdapter({ apiUrl: 'http://127.0.0.1:9/method', timeoutMs: 1000, uploadTimeoutMs: 9000, paced: false });
    expect(ownUploadTimeout.longestPublishMs(2)).toBe((2 + 1 + 2) * 1000 + 2 * 9000);
  });

  it('trusts a repeated guid for half of the hour VK documents', () => {
    expect(vk.idempotentRetryWindowMs).toBe(30 * 60_000);
  });

  it('spaces calls within 10 % of VK’s 3 requests a second per token', () => {
    expect(VK_CALL_SPACING_MS).toBeGreaterThanOrEqual(1000 / 3);
    expect(VK_CALL_SPACING_MS).toBeLessThanOrEqual((1000 / 3) * 1.1);
  });

  it('paces one key, the token (by its hash), with one spacing per API call the publish makes', () => {
    const spacing = (target: string, imageCount: number) => vk.paces(channel(target), { remoteTargetId: target, imageCount });
    // wall.post alone
    expect(spacing('123', 0)).toEqual([{ key: paceKey('vk', 'token', 'vk1.a.token'), spacingMs: 350 }]);
    // getWallUploadServer, 3 × saveWallPhoto, wall.post (the uploads go to another host)
    expect(spacing('club123', 3)[0].spacingMs).toBe(5 * 350);
    // a screen name is looked up first (groups.getById)
    expect(spacing('city_admin', 0)[0].spacingMs).toBe(2 * 350);
    expect(spacing('city_admin', 1)[0].spacingMs).toBe(4 * 350);
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
