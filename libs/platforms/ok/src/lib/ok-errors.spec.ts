import { mapOkError, OK_ERROR_TABLE } from './ok-errors';

const ctx = { kind: 'write' as const, secrets: ['ok-secret-token'] };

describe('OK error table', () => {
  const expected: Array<[number, string]> = [
    [2, 'unconfirmed'],
    [8, 'rate_limited'],
    [10, 'rejected'],
    [11, 'rate_limited'],
    [100, 'rejected'],
    [102, 'auth_expired'],
    [103, 'auth_expired'],
    [104, 'rejected'],
    [160, 'rejected'],
    [200, 'auth_expired'],
    [454, 'rejected'],
    [456, 'rejected'],
    [600, 'rejected'],
    [601, 'rejected'],
    [9999, 'unconfirmed'],
  ];

  it.each(expected)('maps error %i to %s for mediatopic.post', (code, status) => {
    expect(OK_ERROR_TABLE[code]).toBeDefined();
    expect(mapOkError({ error_code: code, error_msg: 'x' }, ctx).status).toBe(status);
  });

  it('makes service errors transient for reads', () => {
    expect(mapOkError({ error_code: 2 }, { ...ctx, kind: 'read' }).status).toBe('transient');
    expect(mapOkError({ error_code: 9999 }, { ...ctx, kind: 'read' }).status).toBe('transient');
  });

  it('never offers a refresh for OK tokens', () => {
    expect(mapOkError({ error_code: 102 }, ctx)).toMatchObject({ status: 'auth_expired', refreshable: false });
  });

  it('keeps the platform message, without secrets', () => {
    const outcome = mapOkError({ error_code: 454, error_msg: 'CENSOR_MATCH : ok-secret-token' }, ctx);
    expect(outcome).toMatchObject({ status: 'rejected', code: 'ok:454', platformMessage: 'CENSOR_MATCH : ***' });
    expect(outcome.status === 'rejected' && outcome.reason).toContain('ошибка 454');
  });

  it('refuses unknown codes keeping the code', () => {
    expect(mapOkError({ error_code: 12345 }, ctx)).toMatchObject({ status: 'rejected', code: 'ok:12345' });
  });
});
