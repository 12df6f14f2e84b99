import axios from 'axios';
import { createHash } from 'node:crypto';
import { startSandbox, SandboxHandle } from '../app/sandbox';

const md5 = (s: string) => createHash('md5').update(s, 'utf8').digest('hex');

/** The sandbox's OK checks; the signature is computed here by hand from PLATFORMS.md. */
describe('sandbox OK emulation', () => {
  let sandbox: SandboxHandle;
  const http = axios.create({ proxy: false, validateStatus: () => true });
  const signed = (params: Record<string, string>, token = 'ok-token', secret = 'OK-SECRET') => {
    const all = { application_key: 'OKKEY', format: 'json', ...params };
    const base = Object.keys(all).sort().map((k) => `${k}=${all[k as keyof typeof all]}`).join('');
    return { ...all, access_token: token, sig: md5(base + md5(token + secret)) };
  };
  const call = async (params: Record<string, string>) => (await http.post(`${sandbox.url}/ok/fb.do`, new URLSearchParams(params).toString())).data;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    await http.post(`${sandbox.url}/control/seed`, {
      ok: { app: { applicationKey: 'OKKEY', applicationSecretKey: 'OK-SECRET' }, groups: [{ gid: '55', name: 'Группа' }], tokens: [{ token: 'ok-token', uid: '1', name: 'Админ', roles: { '55': 'ADMIN' } }] },
    });
  });
  afterAll(() => sandbox.close());

  it('accepts a request signed exactly as PLATFORMS.md describes', async () => {
    expect(await call(signed({ method: 'users.getCurrentUser' }))).toMatchObject({ uid: '1', name: 'Админ' });
  });

  it('refuses a wrong signature with error 104, in HTTP 200', async () => {
    const res = await http.post(`${sandbox.url}/ok/fb.do`, new URLSearchParams(signed({ method: 'users.getCurrentUser' }, 'ok-token', 'WRONG')).toString());
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ error_code: 104 });
    const tampered = { ...signed({ method: 'group.getInfo', uids: '55', fields: 'name' }), uids: '56' };
    expect((await call(tampered)).error_code).toBe(104);
  });

  it('refuses unknown methods, unknown and missing parameters', async () => {
    expect((await call(signed({ method: 'mediatopic.repost' }))).error_code).toBe(3);
    expect(await call(signed({ method: 'group.getInfo', uids: '55', fields: 'name', gidd: '55' }))).toMatchObject({ error_code: 100, error_msg: expect.stringContaining('gidd') });
    expect(await call(signed({ method: 'group.getInfo', uids: '55' }))).toMatchObject({ error_code: 100, error_msg: expect.stringContaining('fields') });
  });

  it('checks the attachment of mediatopic.post', async () => {
    const post = (attachment: string) => call(signed({ method: 'mediatopic.post', type: 'GROUP_THEME', gid: '55', attachment }));
    expect((await post('{not json')).error_code).toBe(100);
    expect((await post(JSON.stringify({ media: [{ type: 'photo', list: [{ id: 'unknown-token' }] }] }))).error_code).toBe(100);
    expect((await post(JSON.stringify({ media: [{ type: 'text', text: 'я'.repeat(10001) }] }))).error_code).toBe(601);
    expect(typeof (await post(JSON.stringify({ media: [{ type: 'text', text: 'Привет' }] })))).toBe('string');
    expect((await call(signed({ method: 'mediatopic.post', type: 'GROUP_THEME', gid: '99', attachment: '{"media":[{"type":"text","text":"x"}]}' }))).error_code).toBe(160);
  });
});
