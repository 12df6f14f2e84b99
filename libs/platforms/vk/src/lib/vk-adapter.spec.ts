import { VkAdapter } from './vk-adapter';

describe('VkAdapter: what it declares to the publishing engine', () => {
  const vk = new VkAdapter({ apiUrl: 'http://127.0.0.1:9/method', timeoutMs: 1000 });

  it('counts its longest publish without photos: a screen name’s lookup and the post, each after its 400 ms pace', () => {
    expect(vk.longestPublishMs(0)).toBe(2 * (1000 + 400));
  });

  it('adds the upload server and, per photo, an upload at four times the timeout and a save', () => {
    expect(vk.longestPublishMs(3)).toBe((2 + 1 + 3) * (1000 + 400) + 3 * 4000);
    const ownUploadTimeout = new VkAdapter({ apiUrl: 'http://127.0.0.1:9/method', timeoutMs: 1000, uploadTimeoutMs: 9000, maxRequestsPerSecond: 0 });
    expect(ownUploadTimeout.longestPublishMs(2)).toBe((2 + 1 + 2) * 1000 + 2 * 9000);
  });

  it('trusts a repeated guid for half of the hour VK documents', () => {
    expect(vk.idempotentRetryWindowMs).toBe(30 * 60_000);
  });
});
