import { mapVkError, VK_ERROR_TABLE } from './vk-errors';

const ctx = { kind: 'write' as const, canRefresh: true, retrySafe: true, secrets: ['vk1.a.secret-token'] };

describe('VK error table', () => {
  // Every code PLATFORMS.md lists, with the outcome it must become for a wall.post.
  const expected: Array<[number, string]> = [
    [5, 'auth_expired'],
    [6, 'rate_limited'],
    [9, 'rate_limited'],
    [10, 'unconfirmed'],
    [14, 'rejected'],
    [15, 'rejected'],
    [203, 'rejected'],
    [27, 'auth_expired'],
    [29, 'rate_limited'],
    [100, 'rejected'],
    [214, 'rejected'],
    [219, 'rejected'],
    [220, 'rejected'],
    [222, 'rejected'],
    [224, 'rejected'],
    [703, 'rejected'],
  ];

  it.each(expected)('maps error %i to %s', (code, status) => {
    expect(VK_ERROR_TABLE[code]).toBeDefined();
    expect(mapVkError({ error_code: code, error_msg: 'msg' }, ctx).status).toBe(status);
  });

  it('keeps the platform message and code in plain words', () => {
    const outcome = mapVkError({ error_code: 222, error_msg: 'Hyperlinks are forbidden' }, ctx);
    expect(outcome).toEqual({
      status: 'rejected',
      code: 'vk:222',
      reason: 'В этом сообществе запрещены ссылки в записях (ВКонтакте, ошибка 222: Hyperlinks are forbidden)',
      platformMessage: 'Hyperlinks are forbidden',
    });
  });

  it('marks error 5 refreshable only when a refresh is possible; 27 never', () => {
    expect(mapVkError({ error_code: 5 }, ctx)).toMatchObject({ status: 'auth_expired', refreshable: true });
    expect(mapVkError({ error_code: 5 }, { ...ctx, canRefresh: false })).toMatchObject({ refreshable: false });
    expect(mapVkError({ error_code: 27 }, ctx)).toMatchObject({ status: 'auth_expired', refreshable: false });
  });

  it('waits a second on error 6', () => {
    expect(mapVkError({ error_code: 6 }, ctx)).toMatchObject({ status: 'rate_limited', retryAfterSeconds: 1 });
  });

  it('treats the 50-posts-a-day form of 214 as a rate limit', () => {
    const outcome = mapVkError({ error_code: 214, error_msg: 'Access to adding post denied: you can only add 50 posts a day' }, ctx);
    expect(outcome).toMatchObject({ status: 'rate_limited', retryAfterSeconds: 3600, platformCode: '214' });
  });

  it('makes internal error 10 transient for reads and retry-safe unconfirmed for guid writes', () => {
    expect(mapVkError({ error_code: 10 }, { ...ctx, kind: 'read' }).status).toBe('transient');
    expect(mapVkError({ error_code: 10 }, ctx)).toMatchObject({ status: 'unconfirmed', retrySafe: true });
  });

  it('refuses unknown codes with the code kept', () => {
    expect(mapVkError({ error_code: 4242, error_msg: 'new' }, ctx)).toMatchObject({ status: 'rejected', code: 'vk:4242' });
  });

  it('never repeats a token that VK echoed in its message', () => {
    const outcome = mapVkError({ error_code: 5, error_msg: 'invalid access_token vk1.a.secret-token' }, ctx);
    expect(JSON.stringify(outcome)).not.toContain('secret-token');
  });
});
