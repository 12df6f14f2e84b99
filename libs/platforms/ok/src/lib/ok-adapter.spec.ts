import { OkAdapter } from './ok-adapter';

describe('OkAdapter: what it declares to the publishing engine', () => {
  const ok = new OkAdapter({ apiUrl: 'http://127.0.0.1:9/fb.do', applicationKey: 'KEY', applicationSecretKey: 'secret', timeoutMs: 1000 });

  it('counts its longest publish: the post, and with photos the upload URL and one upload of them all', () => {
    expect(ok.longestPublishMs(0)).toBe(1000);
    expect(ok.longestPublishMs(5)).toBe(1000 + 1000 + 4000);
  });

  it('has no idempotency key, so no repeat is ever safe', () => {
    expect(ok.idempotentRetryWindowMs).toBeNull();
  });
});
