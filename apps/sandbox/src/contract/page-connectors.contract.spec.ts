import axios from 'axios';
import { createHash, randomBytes } from 'node:crypto';
import { OkAdapter, OkPageConnector } from '@vestnik/platforms/ok';
import { VkAdapter, VkPageConnector } from '@vestnik/platforms/vk';
import { startTestSandbox, TestSandbox } from './contract-kit';

const VK_CLIENT = '51990001';
const OK_APP = { applicationId: '512000000001', applicationKey: 'CBAOKAPPKEY', applicationSecretKey: 'OK-APP-SECRET-0001' };
const REDIRECT = 'https://vestnik.example/callback';

describe('page connectors against the sandbox', () => {
  let sandbox: TestSandbox;
  const http = axios.create({ proxy: false, validateStatus: () => true, maxRedirects: 0 });

  /** Opens the consent page the connector points at and presses "Разрешить" as `account`. */
  async function consent(authorizeUrl: string, accountField: string, account: string): Promise<URL> {
    const page = await http.get(authorizeUrl);
    expect(page.status).toBe(200);
    const url = new URL(authorizeUrl);
    const form = new URLSearchParams(url.search);
    form.set(accountField, account);
    form.set('decision', 'allow');
    const res = await http.post(`${url.origin}${url.pathname}`, form.toString(), { headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(302);
    return new URL(res.headers['location'] as string);
  }

  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  beforeEach(async () => {
    await sandbox.reset();
    await sandbox.setRateLimits(false);
    await sandbox.seed({
      vk: {
        communities: [{ id: 2001, name: 'Администрация района' }, { id: 2002, name: 'Клуб' }],
        users: [{ id: 501, name: 'Анна Админова', adminOf: [{ groupId: 2001 }, { groupId: 2002, level: 1 }] }],
      },
      ok: {
        app: OK_APP,
        groups: [{ gid: '5700001', name: 'Группа района' }, { gid: '5700002', name: 'Клуб' }],
        users: [{ uid: '9001', name: 'Ольга', roles: { '5700001': 'ADMIN', '5700002': 'ACTIVE' } }],
      },
    });
  });
  afterAll(() => sandbox.close());

  it('VK: PKCE code → tokens → the communities the user may post to → a verified channel', async () => {
    const connector = new VkPageConnector({ apiUrl: `${sandbox.url}/vk/method`, idUrl: `${sandbox.url}/vk-id`, clientId: VK_CLIENT, timeoutMs: 3000 });
    const verifier = randomBytes(48).toString('base64url');
    const state = randomBytes(16).toString('hex');
    const back = await consent(connector.authorizeUrl({ state, redirectUri: REDIRECT, codeChallenge: createHash('sha256').update(verifier).digest('base64url') }), 'user_id', '501');
    expect(back.searchParams.get('state')).toBe(state);
    const grant = { code: back.searchParams.get('code') ?? '', state, redirectUri: REDIRECT, deviceId: back.searchParams.get('device_id') ?? '', codeVerifier: verifier };

    const exchanged = await connector.exchangeCode(grant);
    if (exchanged.status !== 'exchanged') throw new Error(`not exchanged: ${JSON.stringify(exchanged)}`);
    expect(exchanged.credentials).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), deviceId: grant.deviceId, expiresAt: expect.any(String) });
    expect(await connector.listManagedPages(exchanged.credentials)).toEqual({ status: 'listed', pages: [{ target: 'club2001', remoteTargetId: '2001', name: 'Администрация района' }] });

    const adapter = new VkAdapter({ apiUrl: `${sandbox.url}/vk/method`, idUrl: `${sandbox.url}/vk-id`, clientId: VK_CLIENT, timeoutMs: 3000, paced: false });
    expect(await adapter.verify({ platform: 'vk', target: 'club2001', credentials: exchanged.credentials })).toMatchObject({ ok: true, canPost: true, resolvedTargetId: '2001' });
    // The code is spent: a second exchange is refused, without the code in the reason.
    const again = await connector.exchangeCode(grant);
    expect(again).toMatchObject({ status: 'rejected', code: 'vk_id:invalid_grant' });
    expect(JSON.stringify(again)).not.toContain(grant.code);
  });

  it('OK: code → token (client_secret checked) → the groups the user administers → a verified channel', async () => {
    const options = { apiUrl: `${sandbox.url}/ok/fb.do`, oauthUrl: `${sandbox.url}/ok`, clientId: OK_APP.applicationId, applicationKey: OK_APP.applicationKey, applicationSecretKey: OK_APP.applicationSecretKey, timeoutMs: 3000 };
    const connector = new OkPageConnector({ ...options, clientSecret: OK_APP.applicationSecretKey });
    const back = await consent(connector.authorizeUrl({ state: 'st-1', redirectUri: REDIRECT }), 'uid', '9001');
    const code = back.searchParams.get('code') ?? '';

    const wrongSecret = await new OkPageConnector({ ...options, clientSecret: 'not-the-secret' }).exchangeCode({ code, state: 'st-1', redirectUri: REDIRECT });
    expect(wrongSecret).toMatchObject({ status: 'rejected', code: 'ok_oauth:invalid_client' });
    expect(JSON.stringify(wrongSecret)).not.toContain('not-the-secret');

    const exchanged = await connector.exchangeCode({ code, state: 'st-1', redirectUri: REDIRECT });
    if (exchanged.status !== 'exchanged') throw new Error(`not exchanged: ${JSON.stringify(exchanged)}`);
    expect(await connector.listManagedPages(exchanged.credentials)).toEqual({ status: 'listed', pages: [{ target: '5700001', remoteTargetId: '5700001', name: 'Группа района' }] });
    const adapter = new OkAdapter({ apiUrl: options.apiUrl, applicationKey: OK_APP.applicationKey, applicationSecretKey: OK_APP.applicationSecretKey, timeoutMs: 3000 });
    expect(await adapter.verify({ platform: 'ok', target: '5700001', credentials: exchanged.credentials })).toMatchObject({ ok: true, canPost: true });
  });

  it('reports a refused token as auth_expired when listing pages', async () => {
    const connector = new VkPageConnector({ apiUrl: `${sandbox.url}/vk/method`, idUrl: `${sandbox.url}/vk-id`, clientId: VK_CLIENT, timeoutMs: 3000 });
    expect(await connector.listManagedPages({ accessToken: 'no-such-token' })).toMatchObject({ status: 'auth_expired' });
  });
});
