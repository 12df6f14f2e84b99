import { credentialProblems } from './credentials';

describe('credentialProblems', () => {
  it('accepts a VK ID token set with its expiry, as OAuth stores it', () => {
    expect(credentialProblems('vk', { accessToken: 'a', refreshToken: 'r', deviceId: 'd', expiresAt: '2026-01-01T10:00:00.000Z' })).toEqual([]);
  });

  it('names the field and the rule of each problem', () => {
    expect(credentialProblems('vk', { accessToken: 'a', expiresAt: 'завтра' })).toEqual([{ field: 'credentials.expiresAt', rule: 'isISO8601', message: expect.stringContaining('ISO 8601') }]);
    expect(credentialProblems('ok', { accessToken: 'a', expiresAt: '2026-01-01T10:00:00Z' }).map((p) => [p.field, p.rule])).toEqual([['credentials.expiresAt', 'whitelistValidation']]);
  });
});
