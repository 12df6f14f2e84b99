import { credentialsOf, passesCsrfCheck, wantsSessionCookies } from './session-cookies';

const request = (over: { method?: string; headers?: Record<string, string>; cookies?: Record<string, string> } = {}) => ({
  method: over.method ?? 'POST',
  protocol: 'https',
  headers: { host: 'vestnik.example.ru', ...over.headers },
  cookies: over.cookies ?? {},
});

describe('session cookies', () => {
  it('takes the bearer header first, the session cookie otherwise', () => {
    expect(credentialsOf(request({ headers: { authorization: 'Bearer abc' }, cookies: { vestnik_session: 'xyz' } }))).toEqual({ token: 'abc', via: 'bearer' });
    expect(credentialsOf(request({ cookies: { vestnik_session: 'xyz' } }))).toEqual({ token: 'xyz', via: 'cookie' });
    expect(credentialsOf(request({ headers: { authorization: 'Basic abc' } }))).toBeNull();
    expect(credentialsOf(request())).toBeNull();
  });

  it('uses cookies when asked by the header or already signed in with them', () => {
    expect(wantsSessionCookies(request({ headers: { 'x-vestnik-session': 'cookie' } }))).toBe(true);
    expect(wantsSessionCookies(request({ cookies: { vestnik_session: 'xyz' } }))).toBe(true);
    expect(wantsSessionCookies(request())).toBe(false);
  });

  describe('CSRF check of a cookie-authenticated request', () => {
    const allowed = ['https://vestnik.example.ru'];
    const cookies = { vestnik_session: 'xyz', vestnik_csrf: 'token-1' };

    it('lets safe methods through without a token', () => {
      expect(passesCsrfCheck(request({ method: 'GET', cookies }), allowed)).toBe(true);
      expect(passesCsrfCheck(request({ method: 'HEAD', cookies }), allowed)).toBe(true);
    });

    it('needs the cookie echoed in the header on every unsafe method', () => {
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
        expect(passesCsrfCheck(request({ method, cookies }), allowed)).toBe(false);
        expect(passesCsrfCheck(request({ method, cookies, headers: { 'x-csrf-token': 'token-2' } }), allowed)).toBe(false);
        expect(passesCsrfCheck(request({ method, cookies, headers: { 'x-csrf-token': 'token-1' } }), allowed)).toBe(true);
      }
      expect(passesCsrfCheck(request({ cookies: { vestnik_session: 'xyz' }, headers: { 'x-csrf-token': '' } }), allowed)).toBe(false);
      // Same length in characters, not in bytes: refused, not thrown.
      expect(passesCsrfCheck(request({ cookies: { ...cookies, vestnik_csrf: 'ab' }, headers: { 'x-csrf-token': 'аб' } }), allowed)).toBe(false);
    });

    it('refuses a foreign Origin even with the token; accepts the configured or the addressed origin', () => {
      const headers = { 'x-csrf-token': 'token-1' };
      expect(passesCsrfCheck(request({ cookies, headers: { ...headers, origin: 'https://evil.example' } }), allowed)).toBe(false);
      expect(passesCsrfCheck(request({ cookies, headers: { ...headers, origin: 'https://vestnik.example.ru' } }), allowed)).toBe(true);
      expect(passesCsrfCheck(request({ cookies, headers: { ...headers, host: 'localhost:3000', origin: 'https://localhost:3000' } }), [])).toBe(true);
      expect(passesCsrfCheck(request({ cookies, headers: { ...headers, host: 'localhost:3000', origin: 'http://localhost:3000' } }), [])).toBe(false);
    });
  });
});
