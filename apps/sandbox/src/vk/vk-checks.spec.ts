import axios from 'axios';
import { startSandbox, SandboxHandle } from '../app/sandbox';

/** The sandbox's own VK checks, driven by VK's schema files. */
describe('sandbox VK emulation', () => {
  let sandbox: SandboxHandle;
  const http = axios.create({ proxy: false, validateStatus: () => true });
  const call = async (method: string, params: Record<string, string>, token = 'vk-token-1') => {
    const res = await http.post(`${sandbox.url}/vk/method/${method}`, new URLSearchParams({ v: '5.199', access_token: token, ...params }).toString());
    expect(res.status).toBe(200); // VK answers errors inside HTTP 200
    return res.data as { response?: unknown; error?: { error_code: number; error_msg: string; request_params: Array<{ key: string; value: string }> } };
  };

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    // These checks fire many calls with one token; error 6 is covered by the contract tests.
    await http.put(`${sandbox.url}/control/rate-limits`, { enabled: false });
    await http.post(`${sandbox.url}/control/seed`, {
      vk: { communities: [{ id: 7, name: 'Тест' }], tokens: [{ token: 'vk-token-1', userId: 1, adminOf: [{ groupId: 7 }] }, { token: 'vk-expired', userId: 2, expiresInSeconds: -10 }] },
    });
  });
  afterAll(() => sandbox.close());

  it('emulates only methods that exist in the schema', () => {
    for (const method of ['groups.getById', 'photos.getWallUploadServer', 'photos.saveWallPhoto', 'wall.post', 'wall.edit', 'wall.delete']) {
      expect(sandbox.context.specs.vk.methods.has(method)).toBe(true);
    }
    expect([...(sandbox.context.specs.vk.methods.get('wall.post')?.params.keys() ?? [])]).toEqual(expect.arrayContaining(['owner_id', 'from_group', 'message', 'attachments', 'guid']));
  });

  it('refuses an unknown method with error 3', async () => {
    expect((await call('wall.postt', {})).error?.error_code).toBe(3);
  });

  it('refuses an unknown parameter with error 100 naming it, and echoes the request without the token', async () => {
    const { error } = await call('wall.post', { owner_id: '-7', mesage: 'typo' });
    expect(error?.error_code).toBe(100);
    expect(error?.error_msg).toContain('mesage');
    expect(error?.request_params).toContainEqual({ key: 'method', value: 'wall.post' });
    expect(JSON.stringify(error)).not.toContain('vk-token-1');
  });

  it('refuses a missing required parameter (photos.saveWallPhoto needs photo)', async () => {
    const { error } = await call('photos.saveWallPhoto', { group_id: '7' });
    expect(error).toMatchObject({ error_code: 100, error_msg: expect.stringContaining('photo is a required parameter') });
  });

  it('checks types from the schema', async () => {
    expect((await call('wall.post', { owner_id: 'minus-seven', message: 'x' })).error).toMatchObject({ error_code: 100, error_msg: expect.stringContaining('owner_id') });
    expect((await call('wall.post', { owner_id: '-7', message: 'x', from_group: 'yes' })).error).toMatchObject({ error_code: 100, error_msg: expect.stringContaining('from_group') });
    expect((await call('wall.delete', { owner_id: '-7', post_id: '-1' })).error).toMatchObject({ error_code: 100, error_msg: expect.stringContaining('at least 0') });
  });

  it('needs v and refuses JSON bodies', async () => {
    const noVersion = await http.post(`${sandbox.url}/vk/method/wall.post`, 'access_token=vk-token-1&owner_id=-7&message=x');
    expect(noVersion.data.error.error_code).toBe(8);
    const json = await http.post(`${sandbox.url}/vk/method/wall.post`, { v: '5.199', access_token: 'vk-token-1', owner_id: -7, message: 'x' });
    expect(json.data.error.error_code).toBe(8);
  });

  it('refuses missing, unknown and expired tokens with error 5', async () => {
    expect((await call('groups.getById', { group_id: '7' }, '')).error?.error_code).toBe(5);
    expect((await call('groups.getById', { group_id: '7' }, 'nope')).error?.error_code).toBe(5);
    expect((await call('groups.getById', { group_id: '7' }, 'vk-expired')).error).toMatchObject({ error_code: 5, error_msg: expect.stringContaining('expired') });
  });

  it('accepts the token as a Bearer header too', async () => {
    const res = await http.post(`${sandbox.url}/vk/method/groups.getById`, 'v=5.199&group_id=7', { headers: { Authorization: 'Bearer vk-token-1' } });
    expect(res.data.response.groups[0]).toMatchObject({ id: 7, is_admin: 1, admin_level: 3 });
  });

  it('needs message or attachments, and a saved photo for a photo attachment', async () => {
    expect((await call('wall.post', { owner_id: '-7' })).error?.error_code).toBe(100);
    expect((await call('wall.post', { owner_id: '-7', attachments: 'photo-7_999' })).error?.error_msg).toContain('photos.saveWallPhoto');
  });

  it('refuses a second link and more than one upload field', async () => {
    expect((await call('wall.post', { owner_id: '-7', attachments: 'https://a.ru,https://b.ru' })).error?.error_msg).toContain('more than one link');
    const server = (await call('photos.getWallUploadServer', { group_id: '7' })).response as { upload_url: string };
    const form = new FormData();
    form.append('file', new Blob([Buffer.from([0xff, 0xd8, 0xff, 0xe0])]), 'a.jpg');
    expect((await http.post(server.upload_url, form)).data.error).toContain('unexpected multipart field file');
  });

  it('runs the upload flow end to end with real multipart', async () => {
    const server = (await call('photos.getWallUploadServer', { group_id: '7' })).response as { upload_url: string };
    const form = new FormData();
    form.append('photo', new Blob([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9])], { type: 'image/jpeg' }), 'a.jpg');
    const uploaded = (await http.post(server.upload_url, form)).data as { server: number; photo: string; hash: string };
    expect(uploaded.photo).not.toBe('[]');
    expect((await call('photos.saveWallPhoto', { group_id: '7', server: String(uploaded.server), photo: uploaded.photo, hash: 'wrong' })).error?.error_code).toBe(121);
    const saved = (await call('photos.saveWallPhoto', { group_id: '7', server: String(uploaded.server), photo: uploaded.photo, hash: uploaded.hash })).response as Array<{ id: number; owner_id: number }>;
    const posted = await call('wall.post', { owner_id: '-7', from_group: '1', attachments: `photo${saved[0].owner_id}_${saved[0].id}` });
    expect(posted.response).toEqual({ post_id: expect.any(Number) });
  });

  it('refuses a non-image upload the way VK upload servers do (empty photo)', async () => {
    const server = (await call('photos.getWallUploadServer', { group_id: '7' })).response as { upload_url: string };
    const form = new FormData();
    form.append('photo', new Blob(['not an image']), 'a.txt');
    expect((await http.post(server.upload_url, form)).data.photo).toBe('[]');
  });
});
