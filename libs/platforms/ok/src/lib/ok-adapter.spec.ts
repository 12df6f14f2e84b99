import { paceKey } from '@vestnik/platforms/core';
import { OkAdapter } from './ok-adapter';

describe('OkAdapter: what it declares to the publishing engine', () => {
  const ok = new OkAdapter({ apiUrl: 'http://127.0.0.1:9/fb.do', applicationKey: 'KEY', applicationSecretKey: 'secret', timeoutMs: 1000 });
  const channel = (accessToken = 'ok-long-token') => ({ platform: 'ok' as const, target: '57000000000001', credentials: { accessToken } });

  it('counts its longest publish: the post, and with photos the upload URL and one upload of them all', () => {
    expect(ok.longestPublishMs(0)).toBe(1000);
    expect(ok.longestPublishMs(5)).toBe(1000 + 1000 + 4000);
  });

  it('has no idempotency key, so no repeat is ever safe', () => {
    expect(ok.idempotentRetryWindowMs).toBeNull();
  });

  it('paces one key, the token (by its hash), 200 ms per API call: the post, and with photos the upload URL', () => {
    const paces = (imageCount: number) => ok.paces(channel(), { remoteTargetId: '57000000000001', imageCount });
    expect(paces(0)).toEqual([{ key: paceKey('ok', 'token', 'ok-long-token'), spacingMs: 200 }]);
    // photosV2.getUploadUrl once for all photos (one multipart upload to another host), then mediatopic.post
    expect(paces(1)[0].spacingMs).toBe(400);
    expect(paces(10)[0].spacingMs).toBe(400);
    expect(JSON.stringify(paces(0))).not.toContain('ok-long-token');
    expect(ok.paces(channel('another'), { remoteTargetId: '1', imageCount: 0 })[0].key).not.toBe(paces(0)[0].key);
  });
});
