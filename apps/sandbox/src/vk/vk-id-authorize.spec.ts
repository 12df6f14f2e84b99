import axios from 'axios';
import { createHash, randomBytes } from 'node:crypto';
import { startSandbox, SandboxHandle } from '../app/sandbox';

const CLIENT = '51990001';
const REDIRECT = 'https://vestnik.example/api/v1/channels/oauth/vk/callback';

/** A PKCE pair as a client makes it: a random verifier and its S256 challenge. */
function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

describe('sandbox VK ID authorization code flow', () => {
  let sandbox: SandboxHandle;
  const http = axios.create({ proxy: false, validateStatus: () => true, maxRedirects: 0 });
  const control = (path: string, body: unknown) => http.post(`${sandbox.url}/control${path}`, body);
  const authorizeParams = (challenge: string, extra: Record<string, string> = {}) => ({
    response_type: 'code',
    client_id: CLIENT,
    redirect_uri: REDIRECT,
    state: 'state-0001',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    scope: 'wall photos groups',
    ...extra,
  });

  /** Submits the consent form as the browser would: the page's parameters plus the choice. */
  async function consent(challenge: string, userId = '501', decision = 'allow'): Promise<URL> {
    const res = await http.post(`${sandbox.url}/vk-id/authorize`, new URLSearchParams({ ...authorizeParams(challenge), user_id: userId, decision }).toString(), {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(302);
    return new URL(res.headers['location'] as string);
  }

  const exchange = (fields: Record<string, string>) =>
    http.post(`${sandbox.url}/vk-id/oauth2/auth`, new URLSearchParams({ grant_type: 'authorization_code', client_id: CLIENT, redirect_uri: REDIRECT, state: 'state-0001', ...fields }).toString());

  async function codeFor(userId = '501'): Promise<{ code: string; deviceId: string; verifier: string }> {
    const { verifier, challenge } = pkce();
    const back = await consent(challenge, userId);
    return { code: back.searchParams.get('code') ?? '', deviceId: back.searchParams.get('device_id') ?? '', verifier };
  }

  const vk = (method: string, token: string, params: Record<string, string>) =>
    http.post(`${sandbox.url}/vk/method/${method}`, new URLSearchParams({ v: '5.199', ...params }).toString(), { headers: { Authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
  });
  beforeEach(async () => {
    await control('/reset', {});
    // Several calls a second on one token here are the test's pace, not the subject.
    await http.put(`${sandbox.url}/control/rate-limits`, { enabled: false });
    await control('/seed', {
      vk: {
        communities: [{ id: 2001, name: 'Администрация района' }, { id: 2002, name: 'Школа №1' }, { id: 2003, name: 'Клуб' }],
        users: [{ id: 501, name: 'Анна Админова', adminOf: [{ groupId: 2001 }, { groupId: 2002, level: 2 }, { groupId: 2003, level: 1 }] }],
        tokens: [{ token: 'seeded-user-token', userId: 777, adminOf: [{ groupId: 2003 }] }],
      },
    });
  });
  afterAll(() => sandbox.close());

  it('shows a Russian consent page offering seeded users and the owners of seeded tokens', async () => {
    const page = await http.get(`${sandbox.url}/vk-id/authorize`, { params: { ...authorizeParams(pkce().challenge), login_hint: '777' } });
    expect(page.status).toBe(200);
    expect(page.data).toContain('Разрешить');
    expect(page.data).toContain('Анна Админова (id501)');
    expect(page.data).toMatch(/<option value="777" selected>/);
    expect(page.data).toContain('стена (публикация записей)');
  });

  it('refuses a request without PKCE S256 or with an unknown parameter, on the page, without redirecting', async () => {
    const plain = await http.get(`${sandbox.url}/vk-id/authorize`, { params: authorizeParams(pkce().challenge, { code_challenge_method: 'plain' }) });
    expect(plain.status).toBe(400);
    expect(plain.data).toContain('code_challenge_method должен быть S256');
    const typo = await http.get(`${sandbox.url}/vk-id/authorize`, { params: { ...authorizeParams(pkce().challenge), redirect_url: REDIRECT } });
    expect(typo.status).toBe(400);
    expect(typo.data).toContain('Неизвестный параметр redirect_url');
  });

  it('redirects with code, state, device_id and type=code_v2, and exchanges the code for a working user token', async () => {
    const { verifier, challenge } = pkce();
    const back = await consent(challenge);
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
    expect(Object.fromEntries(back.searchParams)).toEqual({ code: expect.any(String), state: 'state-0001', device_id: expect.any(String), expires_in: '600', type: 'code_v2' });
    const res = await exchange({ code: back.searchParams.get('code') ?? '', code_verifier: verifier, device_id: back.searchParams.get('device_id') ?? '' });
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ access_token: expect.any(String), refresh_token: expect.any(String), expires_in: 3600, user_id: 501, state: 'state-0001', token_type: 'Bearer', scope: 'wall photos groups' });

    const editable = await vk('groups.get', res.data.access_token, { filter: 'editor', extended: '1', count: '1000' });
    expect(editable.data.response.count).toBe(2);
    expect(editable.data.response.items.map((g: { id: number; admin_level: number }) => [g.id, g.admin_level])).toEqual([[2001, 3], [2002, 2]]);
    const byId = await vk('groups.getById', res.data.access_token, { group_id: '2001' });
    expect(byId.data.response.groups[0]).toMatchObject({ is_admin: 1, admin_level: 3 });
    // The new refresh token works like any other: it rotates.
    const refreshed = await http.post(
      `${sandbox.url}/vk-id/oauth2/auth`,
      new URLSearchParams({ grant_type: 'refresh_token', refresh_token: res.data.refresh_token, client_id: CLIENT, device_id: back.searchParams.get('device_id') ?? '', state: 's2' }).toString(),
    );
    expect(refreshed.status).toBe(200);
  });

  it('refuses a wrong code_verifier, and still accepts the right one afterwards', async () => {
    const { code, deviceId, verifier } = await codeFor();
    const wrong = await exchange({ code, device_id: deviceId, code_verifier: pkce().verifier });
    expect(wrong.status).toBe(400);
    expect(wrong.data).toMatchObject({ error: 'invalid_grant', error_description: 'code_verifier does not match code_challenge', state: 'state-0001' });
    expect((await exchange({ code, device_id: deviceId, code_verifier: 'short' })).data.error).toBe('invalid_request');
    expect((await exchange({ code, device_id: deviceId, code_verifier: verifier })).status).toBe(200);
  });

  it('accepts a code once: a second exchange is refused and revokes what the first one issued', async () => {
    const { code, deviceId, verifier } = await codeFor();
    const first = await exchange({ code, device_id: deviceId, code_verifier: verifier });
    expect(first.status).toBe(200);
    const again = await exchange({ code, device_id: deviceId, code_verifier: verifier });
    expect(again.data).toMatchObject({ error: 'invalid_grant', error_description: 'code has already been used' });
    expect((await vk('groups.get', first.data.access_token, { filter: 'admin' })).data.error.error_code).toBe(5);
  });

  it('refuses an expired code (ten minutes on the sandbox clock)', async () => {
    const { code, deviceId, verifier } = await codeFor();
    await control('/clock', { advanceSeconds: 601 });
    expect((await exchange({ code, device_id: deviceId, code_verifier: verifier })).data).toMatchObject({ error: 'invalid_grant', error_description: 'code has expired' });
  });

  it('binds the code to its client, redirect_uri and device', async () => {
    const { code, deviceId, verifier } = await codeFor();
    expect((await exchange({ code, device_id: deviceId, code_verifier: verifier, client_id: '51990002' })).data.error_description).toContain('client_id');
    expect((await exchange({ code, device_id: deviceId, code_verifier: verifier, redirect_uri: 'https://evil.example/cb' })).data.error_description).toContain('redirect_uri');
    expect((await exchange({ code, device_id: 'another-device', code_verifier: verifier })).data.error_description).toContain('device_id');
    expect((await exchange({ code, device_id: deviceId, code_verifier: verifier, code_challenge: 'x' })).data).toMatchObject({ error: 'invalid_request' });
  });

  it('redirects with access_denied when the person presses "Отмена"', async () => {
    const back = await consent(pkce().challenge, '501', 'deny');
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('state')).toBe('state-0001');
    expect(back.searchParams.get('code')).toBeNull();
  });

  it('lists managed communities with groups.get per filter, for the current user only', async () => {
    const { code, deviceId, verifier } = await codeFor();
    const token = (await exchange({ code, device_id: deviceId, code_verifier: verifier })).data.access_token as string;
    expect((await vk('groups.get', token, { filter: 'admin' })).data.response).toEqual({ count: 1, items: [2001] });
    expect((await vk('groups.get', token, { filter: 'moder' })).data.response.items).toEqual([2001, 2002, 2003]);
    expect((await vk('groups.get', token, { filter: 'groups' })).data.response).toEqual({ count: 0, items: [] });
    expect((await vk('groups.get', token, { filter: 'admin', user_id: '777' })).data.error.error_code).toBe(15);
    expect((await vk('groups.get', token, { filter: 'advertiser' })).data.error.error_code).toBe(100);
    expect((await vk('groups.get', token, { count: '1001' })).data.error.error_code).toBe(100);
  });
});
