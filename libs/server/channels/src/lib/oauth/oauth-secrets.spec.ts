import { browserCookie, cookieValue, randomToken, s256Challenge, sha256Hex } from './oauth-secrets';

describe('OAuth secrets', () => {
  it('makes the S256 challenge of RFC 7636, appendix B', () => {
    expect(s256Challenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes verifiers VK ID accepts: 43–128 characters of a-z, A-Z, 0-9, _ and -', () => {
    expect(randomToken(48)).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(randomToken(32)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken(32)).not.toBe(randomToken(32));
    expect(sha256Hex('state')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('binds the browser with an HttpOnly, Lax cookie on the OAuth path, Secure behind https', () => {
    expect(browserCookie('vk', 'n', 'http://localhost:3000', 600_000)).toEqual({
      name: 'vestnik_oauth_vk',
      value: 'n',
      options: { httpOnly: true, sameSite: 'lax', secure: false, path: '/api/v1/channels/oauth', maxAge: 600_000 },
    });
    expect(browserCookie('ok', 'n', 'https://gov.example/vestnik/', 1).options).toMatchObject({ secure: true, path: '/vestnik/api/v1/channels/oauth' });
  });

  it('reads one cookie from the header, tolerating noise', () => {
    expect(cookieValue('a=1; vestnik_oauth_vk=abc%2D; b=2', 'vestnik_oauth_vk')).toBe('abc-');
    expect(cookieValue('vestnik_oauth_vk=%E0%A4%A', 'vestnik_oauth_vk')).toBeUndefined();
    expect(cookieValue(undefined, 'x')).toBeUndefined();
    expect(cookieValue('xvestnik_oauth_vk=1', 'vestnik_oauth_vk')).toBeUndefined();
  });
});
