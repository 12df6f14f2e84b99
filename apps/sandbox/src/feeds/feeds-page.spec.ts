import axios from 'axios';
import { startSandbox, SandboxHandle } from '../app/sandbox';

describe('feeds page', () => {
  let sandbox: SandboxHandle;
  const http = axios.create({ proxy: false, validateStatus: () => true });

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    await http.post(`${sandbox.url}/control/seed`, {
      vk: { communities: [{ id: 7, name: 'Сообщество <b>' }], tokens: [{ token: 'vk-t', userId: 1, adminOf: [{ groupId: 7 }] }] },
    });
    await http.post(`${sandbox.url}/vk/method/wall.post`, new URLSearchParams({ v: '5.199', access_token: 'vk-t', owner_id: '-7', message: '<script>alert(1)</script> & hello' }).toString());
  });
  afterAll(() => sandbox.close());

  it('shows communities and posts in Russian, escaping everything', async () => {
    const res = await http.get(`${sandbox.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.data).toContain('ВКонтакте');
    expect(res.data).toContain('Сообщество &lt;b&gt;');
    expect(res.data).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; hello');
    expect(res.data).not.toContain('<script>alert(1)');
  });
});
