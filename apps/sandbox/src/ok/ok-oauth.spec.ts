import axios from 'axios';
import { createHash } from 'node:crypto';
import { startSandbox, SandboxHandle } from '../app/sandbox';

const APP = { applicationId: '512000000001', applicationKey: 'CBAOKAPPKEY', applicationSecretKey: 'OK-APP-SECRET-0001' };
const REDIRECT = 'https://vestnik.example/api/v1/channels/oauth/ok/callback';
const SCOPE = 'VALUABLE_ACCESS;LONG_ACCESS_TOKEN;GROUP_CONTENT;PHOTO_CONTENT';
const md5 = (s: string) => createHash('md5').update(s, 'utf8').digest('hex');

describe('sandbox OK OAuth (server flow)', () => {
  let sandbox: SandboxHandle;
  const http = axios.create({ proxy: false, validateStatus: () => true, maxRedirects: 0 });
  const control = (path: string, body: unknown) => http.post(`${sandbox.url}/control${path}`, body);
  const authorizeParams = (extra: Record<string, string> = {}) => ({ client_id: APP.applicationId, scope: SCOPE, response_type: 'code', redirect_uri: REDIRECT, layout: 'w', state: 'ok-state-1', ...extra });

  async function consent(uid = '9001', decision = 'allow'): Promise<URL> {
    const res = await http.post(`${sandbox.url}/ok/oauth/authorize`, new URLSearchParams({ ...authorizeParams(), uid, decision }).toString(), {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(302);
    return new URL(res.headers['location'] as string);
  }

  const token = (fields: Record<string, string>) =>
    http.post(
      `${sandbox.url}/ok/oauth/token.do`,
      new URLSearchParams({ client_id: APP.applicationId, client_secret: APP.applicationSecretKey, redirect_uri: REDIRECT, grant_type: 'authorization_code', ...fields }).toString(),
    );

  /** A signed fb.do call, the signature computed from PLATFORMS.md by hand. */
  async function okCall(accessToken: string, params: Record<string, string>) {
    const all: Record<string, string> = { application_key: APP.applicationKey, format: 'json', ...params };
    const base = Object.keys(all).sort().map((k) => `${k}=${all[k]}`).join('');
    const body = new URLSearchParams({ ...all, access_token: accessToken, sig: md5(base + md5(accessToken + APP.applicationSecretKey)) });
    return (await http.post(`${sandbox.url}/ok/fb.do`, body.toString())).data;
  }

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
  });
  beforeEach(async () => {
    await control('/reset', {});
    await control('/seed', {
      ok: {
        app: APP,
        groups: [{ gid: '5700001', name: 'Группа района' }, { gid: '5700002', name: 'Клуб любителей' }],
        users: [{ uid: '9001', name: 'Ольга Одноклассникова', roles: { '5700001': 'ADMIN', '5700002': 'ACTIVE' } }],
      },
    });
  });
  afterAll(() => sandbox.close());

  it('shows a Russian consent page and refuses an unknown client_id there', async () => {
    const page = await http.get(`${sandbox.url}/ok/oauth/authorize`, { params: authorizeParams() });
    expect(page.status).toBe(200);
    expect(page.data).toContain('Разрешить');
    expect(page.data).toContain('Ольга Одноклассникова (9001)');
    const stranger = await http.get(`${sandbox.url}/ok/oauth/authorize`, { params: authorizeParams({ client_id: '512000000999' }) });
    expect(stranger.status).toBe(400);
    expect(stranger.data).toContain('Приложение 512000000999 не найдено');
    expect((await http.get(`${sandbox.url}/ok/oauth/authorize`, { params: authorizeParams({ scope: 'VALUABLE_ACCESS,GROUP_CONTENT' }) })).status).toBe(400);
  });

  it('redirects with code and state, and token.do answers a token that works with the OK API', async () => {
    const back = await consent();
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
    expect(back.searchParams.get('state')).toBe('ok-state-1');
    const res = await token({ code: back.searchParams.get('code') ?? '' });
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ access_token: expect.any(String), refresh_token: expect.any(String), expires_in: '2592000', token_type: 'session' });
    expect(await okCall(res.data.access_token, { method: 'users.getCurrentUser' })).toMatchObject({ uid: '9001', name: 'Ольга Одноклассникова' });
    expect(await okCall(res.data.access_token, { method: 'group.getUserGroupsV2', count: '1' })).toEqual({
      groups: [{ groupId: '5700001', userId: '9001', status: 'ADMIN' }],
      anchor: expect.any(String),
    });
  });

  it('checks client_secret before the code, which stays usable', async () => {
    const code = (await consent()).searchParams.get('code') ?? '';
    expect((await token({ code, client_secret: 'wrong-secret' })).data).toEqual({ error: 'invalid_client', error_description: 'client_secret is invalid' });
    expect((await token({ code, client_id: '512000000999' })).data.error).toBe('invalid_client');
    expect((await token({ code })).status).toBe(200);
  });

  it('accepts a code once, before it expires, for its redirect_uri only', async () => {
    const code = (await consent()).searchParams.get('code') ?? '';
    expect((await token({ code, redirect_uri: 'https://evil.example/cb' })).data.error).toBe('invalid_grant');
    const first = await token({ code });
    expect(first.status).toBe(200);
    expect((await token({ code })).data).toMatchObject({ error: 'invalid_grant', error_description: 'code has already been used' });
    expect((await okCall(first.data.access_token, { method: 'users.getCurrentUser' })).error_code).toBe(103);

    const late = (await consent()).searchParams.get('code') ?? '';
    await control('/clock', { advanceSeconds: 121 });
    expect((await token({ code: late })).data).toMatchObject({ error: 'invalid_grant', error_description: 'code has expired' });
  });

  it('redirects with access_denied on "Отмена" and refuses other grant types', async () => {
    const back = await consent('9001', 'deny');
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect((await token({ code: 'x', grant_type: 'refresh_token' })).data.error).toBe('unsupported_grant_type');
    expect((await token({ code: 'x', scope: 'x' })).data.error).toBe('invalid_request');
  });
});
