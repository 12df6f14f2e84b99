import axios from 'axios';
import { startSandbox, SandboxHandle } from '../app/sandbox';

describe('sandbox VK ID token endpoint', () => {
  let sandbox: SandboxHandle;
  const http = axios.create({ proxy: false, validateStatus: () => true });
  const refresh = (refreshToken: string, extra: Record<string, string> = {}) =>
    http.post(
      `${sandbox.url}/vk-id/oauth2/auth`,
      new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: '51', device_id: 'dev', state: 's1', ...extra }).toString(),
    );

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    await http.post(`${sandbox.url}/control/seed`, {
      vk: { communities: [{ id: 7, name: 'Тест' }], tokens: [{ token: 'old-access', userId: 9, adminOf: [{ groupId: 7 }], refreshToken: 'rt-1', deviceId: 'dev', clientId: '51' }] },
    });
  });
  afterAll(() => sandbox.close());

  it('rotates the refresh token and refuses the old one on reuse', async () => {
    const first = await refresh('rt-1');
    expect(first.status).toBe(200);
    expect(first.data).toMatchObject({ token_type: 'Bearer', expires_in: 3600, user_id: 9, state: 's1', access_token: expect.any(String), refresh_token: expect.any(String) });
    expect(first.data.refresh_token).not.toBe('rt-1');
    const reuse = await refresh('rt-1');
    expect(reuse.status).toBe(400);
    expect(reuse.data).toMatchObject({ error: 'invalid_grant', state: 's1' });
    const groups = await http.post(`${sandbox.url}/vk/method/groups.getById`, `v=5.199&group_id=7&access_token=${first.data.access_token}`);
    expect(groups.data.response.groups[0].is_admin).toBe(1);
  });

  it('checks device_id, client_id and unknown parameters', async () => {
    expect((await refresh('rt-unknown')).data.error).toBe('invalid_grant');
    await http.post(`${sandbox.url}/control/seed`, { vk: { tokens: [{ token: 'a2', userId: 9, refreshToken: 'rt-2', deviceId: 'dev', clientId: '51' }] } });
    expect((await refresh('rt-2', { device_id: 'other' })).data.error).toBe('invalid_grant');
    expect((await refresh('rt-2', { client_id: '52' })).data.error).toBe('invalid_client');
    expect((await refresh('rt-2', { code_verifier: 'x' })).data.error).toBe('invalid_request');
    expect((await refresh('rt-2')).status).toBe(200);
  });
});
