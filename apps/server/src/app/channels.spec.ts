import type { ChannelView } from '@vestnik/contracts';
import { createMember, createOrganization } from '../testing/factories';
import { startSandboxProcess, SandboxProcess } from '../testing/sandbox-process';
import { bearer, setupRoot, startTestServer, TestServer } from '../testing/test-server';

const VK_TOKEN = 'vk1.a.community-admin-token-0001';
const VK_REFRESH = 'vk1.r.refresh-token-0001';
const BOT_TOKEN = '123456:AAtest-bot-token-for-vestnik-000';
const MUTE_BOT = '654321:AAanother-bot-token-for-vestnik-00';
const OK_TOKEN = 'ok-long-access-token-0001';

describe('channels', () => {
  let sandbox: SandboxProcess;
  let server: TestServer;
  let admin: string;
  let rootId: string;
  let schoolId: string;

  beforeAll(async () => {
    sandbox = await startSandboxProcess();
    await sandbox.control('/seed', {
      vk: { communities: [{ id: 1001, name: 'Минобр Сахалина' }], tokens: [{ token: VK_TOKEN, userId: 77, adminOf: [{ groupId: 1001 }], refreshToken: VK_REFRESH, deviceId: 'dev-1', expiresInSeconds: 3600 }] },
      ok: { app: { applicationKey: 'CBAPPKEY', applicationSecretKey: 'app-secret-0001' }, groups: [{ gid: '5500', name: 'Школа в ОК' }], tokens: [{ token: OK_TOKEN, uid: '900', name: 'Админ', roles: { '5500': 'ADMIN' } }] },
      telegram: {
        bots: [{ token: BOT_TOKEN, id: 123456, username: 'vestnik_bot' }, { token: MUTE_BOT, id: 654321, username: 'mute_bot' }],
        channels: [{ id: -1001234, username: 'minobr65', title: 'Минобр 65', members: [{ botId: 123456, status: 'administrator', canPostMessages: true }, { botId: 654321, status: 'administrator', canPostMessages: false }] }],
      },
    });
    server = await startTestServer({ ...sandbox.env, VK_CLIENT_ID: '5000', OK_APPLICATION_KEY: 'CBAPPKEY', OK_APPLICATION_SECRET_KEY: 'app-secret-0001' });
    const setup = await setupRoot(server);
    admin = setup.accessToken;
    rootId = setup.user.memberships[0].organizationId;
    schoolId = (await createOrganization(server, admin, rootId, 'Школа')).id;
  });
  afterAll(async () => {
    await server?.close();
    await sandbox?.stop();
  });

  const connect = (body: Record<string, unknown>, token = admin) => server.http.post('/api/v1/channels').set(bearer(token)).send({ organizationId: rootId, ...body });

  it('connects VK, OK and Telegram pages after the platform confirms the right to post', async () => {
    const vk = (await connect({ platform: 'vk', name: 'ВК министерства', target: 'club1001', credentials: { accessToken: VK_TOKEN, refreshToken: VK_REFRESH, deviceId: 'dev-1' } }).expect(201)).body as ChannelView;
    expect(vk).toMatchObject({ platform: 'vk', remoteTargetId: '1001', displayName: 'Минобр Сахалина', health: { state: 'active', canPost: true, lastError: null } });
    // The VK key comes with its refresh key: Vestnik renews it, its expiry is not a worry for people.
    expect(vk.health.tokenRenewable).toBe(true);
    const ok = (await connect({ platform: 'ok', name: 'ОК школы', target: '5500', credentials: { accessToken: OK_TOKEN } }).expect(201)).body as ChannelView;
    expect(ok.health).toMatchObject({ canPost: true, tokenRenewable: false });
    const tg = (await connect({ platform: 'telegram', name: 'Телеграм', target: '@minobr65', credentials: { botToken: BOT_TOKEN } }).expect(201)).body as ChannelView;
    expect(tg).toMatchObject({ remoteTargetId: '-1001234', displayName: 'Минобр 65' });
  });

  it('refuses with 422 and the platform reason when posting is not allowed', async () => {
    const mute = await connect({ platform: 'telegram', name: 'Немой бот', target: '@minobr65', credentials: { botToken: MUTE_BOT } }).expect(422);
    expect(mute.body.code).toBe('channel_verification_failed');
    expect(mute.body.message).toMatch(/публик|can_post_messages|прав/i);
    const unknownGroup = await connect({ platform: 'vk', name: 'Чужая', target: '999999', credentials: { accessToken: VK_TOKEN } }).expect(422);
    expect(unknownGroup.body.platformReason).toEqual(expect.any(String));
  });

  it('refuses the same page twice, so nothing is published twice', async () => {
    const again = await connect({ platform: 'telegram', name: 'Дубль', target: '-1001234', credentials: { botToken: BOT_TOKEN } }).expect(409);
    expect(again.body.code).toBe('channel_exists');
  });

  it('validates credentials naming the field', async () => {
    const res = await connect({ platform: 'telegram', name: 'x', target: '@x', credentials: { token: 'abc' } }).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['credentials.botToken', 'credentials.token']);
  });

  it('never answers or stores credentials in plain text', async () => {
    const list = await server.http.get(`/api/v1/channels?organizationId=${rootId}`).set(bearer(admin)).expect(200);
    expect(list.body).toHaveLength(3);
    const everything = JSON.stringify(list.body) + JSON.stringify((await server.http.get(`/api/v1/audit?organizationId=${rootId}&limit=500`).set(bearer(admin))).body);
    for (const secret of [VK_TOKEN, VK_REFRESH, BOT_TOKEN, OK_TOKEN]) expect(everything).not.toContain(secret);
    // A dump of every table of the database, as a backup would hold it.
    const tables: { table_name: string }[] = await server.db.dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`);
    let dump = '';
    for (const { table_name } of tables) dump += JSON.stringify(await server.db.dataSource.query(`SELECT * FROM "${table_name}"`));
    expect(dump).toContain('Минобр 65');
    for (const secret of [VK_TOKEN, VK_REFRESH, BOT_TOKEN, OK_TOKEN]) expect(dump).not.toContain(secret);
  });

  it('binds sealed credentials to their row: copied to another channel they do not open', async () => {
    const list = (await server.http.get(`/api/v1/channels?organizationId=${rootId}`).set(bearer(admin)).expect(200)).body as ChannelView[];
    const tg = list.find((c) => c.platform === 'telegram') as ChannelView;
    const ok = list.find((c) => c.platform === 'ok') as ChannelView;
    const [original] = await server.db.dataSource.query('SELECT credentials FROM channels WHERE id = $1', [ok.id]);
    await server.db.dataSource.query('UPDATE channels SET credentials = (SELECT credentials FROM channels WHERE id = $1) WHERE id = $2', [tg.id, ok.id]);
    const refused = await server.http.post(`/api/v1/channels/${ok.id}/verify`).set(bearer(admin)).expect(409);
    expect(refused.body.code).toBe('credentials_unreadable');
    await server.db.dataSource.query('UPDATE channels SET credentials = $1 WHERE id = $2', [original.credentials, ok.id]);
    await server.http.post(`/api/v1/channels/${ok.id}/verify`).set(bearer(admin)).expect(200);
  });

  it('verifies again, records health, and disables and enables', async () => {
    const [tg] = ((await server.http.get(`/api/v1/channels?organizationId=${rootId}`).set(bearer(admin))).body as ChannelView[]).filter((c) => c.platform === 'telegram');
    const verified = (await server.http.post(`/api/v1/channels/${tg.id}/verify`).set(bearer(admin)).expect(200)).body as ChannelView;
    expect(verified.health.lastVerifiedAt).not.toBeNull();
    expect((await server.http.post(`/api/v1/channels/${tg.id}/disable`).set(bearer(admin)).expect(200)).body.health.state).toBe('disabled');
    expect((await server.http.post(`/api/v1/channels/${tg.id}/enable`).set(bearer(admin)).expect(200)).body.health.state).toBe('active');
    const vk = ((await server.http.get(`/api/v1/channels?organizationId=${rootId}`).set(bearer(admin))).body as ChannelView[]).find((c) => c.platform === 'vk')!;
    await sandbox.control('/vk/expire-token', { token: VK_TOKEN });
    const expired = (await server.http.post(`/api/v1/channels/${vk.id}/verify`).set(bearer(admin)).expect(200)).body as ChannelView;
    expect(expired.health).toMatchObject({ state: 'needs_attention', canPost: false });
    expect(expired.health.lastError).toEqual(expect.any(String));
  });

  it('is managed by admins only and invisible outside the subtree', async () => {
    const editor = await createMember(server, admin, rootId, 'editor');
    await connect({ platform: 'telegram', name: 'x', target: '@minobr65', credentials: { botToken: BOT_TOKEN } }, editor.token).expect(403);
    const schoolAdmin = await createMember(server, admin, schoolId, 'admin');
    const [some] = (await server.http.get(`/api/v1/channels?organizationId=${rootId}`).set(bearer(admin))).body as ChannelView[];
    for (const req of [
      server.http.get(`/api/v1/channels/${some.id}`),
      server.http.patch(`/api/v1/channels/${some.id}`).send({ name: 'x' }),
      server.http.delete(`/api/v1/channels/${some.id}`),
      server.http.post(`/api/v1/channels/${some.id}/verify`),
      server.http.post(`/api/v1/channels/${some.id}/disable`),
      server.http.get(`/api/v1/channels?organizationId=${rootId}`),
    ]) {
      expect((await req.set(bearer(schoolAdmin.token))).status).toBe(404);
    }
    await server.http.delete(`/api/v1/channels/${some.id}`).set(bearer(admin)).expect(204);
    await server.http.get(`/api/v1/channels/${some.id}`).set(bearer(admin)).expect(404);
  });
});
