import type { AuditEntryView, ChannelOAuthConnectionView, ChannelView, CreateOAuthChannelsResponse } from '@vestnik/contracts';
import { createMember, createOrganization } from '../testing/factories';
import { startSandboxProcess, SandboxProcess } from '../testing/sandbox-process';
import { bearer, setupRoot, startTestServer, TestServer } from '../testing/test-server';

const VK_CLIENT = '51990001';
const OK_APP = { applicationId: '512000000001', applicationKey: 'CBAOKAPPKEY', applicationSecretKey: 'ok-app-secret-0001' };
const PUBLIC = 'http://vestnik.test';

interface Flow {
  authorizeUrl: string;
  /** `name=value` of the browser-binding cookie. */
  cookie: string;
  /** Our callback's path and query, as the platform redirected the browser. */
  callback: string;
}

describe('connecting VK and OK pages through OAuth', () => {
  let sandbox: SandboxProcess;
  let server: TestServer;
  let admin: string;
  let rootId: string;
  let schoolId: string;
  /** Every answer our API gave, for the leak check at the end. */
  let answers = '';

  const api = {
    start: async (platform: string, token = admin, organizationId = rootId, status = 200) => {
      const res = await server.http.post(`/api/v1/channels/oauth/${platform}/start`).set(bearer(token)).send({ organizationId }).expect(status);
      answers += JSON.stringify(res.body) + JSON.stringify(res.headers);
      return res;
    },
    callback: async (path: string, cookie?: string): Promise<URL> => {
      const req = server.http.get(path);
      const res = await (cookie ? req.set('Cookie', cookie) : req).expect(302);
      answers += JSON.stringify(res.headers);
      return new URL(res.headers['location'] as string);
    },
    connection: async (id: string, token = admin, status = 200) => {
      const res = await server.http.get(`/api/v1/channels/oauth/connections/${id}`).set(bearer(token)).expect(status);
      answers += JSON.stringify(res.body);
      return res.body as ChannelOAuthConnectionView;
    },
    create: async (id: string, pages: Array<{ target: string; name: string; organizationId?: string }>, token = admin, status = 201) => {
      const res = await server.http.post(`/api/v1/channels/oauth/connections/${id}/channels`).set(bearer(token)).send({ pages }).expect(status);
      answers += JSON.stringify(res.body);
      return res.body as CreateOAuthChannelsResponse;
    },
  };

  /** The browser's part: open the consent page in the sandbox and press "Разрешить" (or "Отмена"). */
  async function consent(authorizeUrl: string, accountField: string, account: string, decision = 'allow'): Promise<string> {
    const page = await fetch(authorizeUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Разрешить');
    const url = new URL(authorizeUrl);
    const form = new URLSearchParams(url.search);
    form.set(accountField, account);
    form.set('decision', decision);
    const res = await fetch(`${url.origin}${url.pathname}`, { method: 'POST', body: form, redirect: 'manual' });
    expect(res.status).toBe(302);
    const back = new URL(res.headers.get('location') ?? '');
    expect(back.origin).toBe(PUBLIC);
    return `${back.pathname}${back.search}`;
  }

  async function authorize(platform: 'vk' | 'ok', account: string, decision = 'allow', organizationId = rootId): Promise<Flow> {
    const started = await api.start(platform, admin, organizationId);
    const cookie = (started.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
    const authorizeUrl = started.body.authorizeUrl as string;
    return { authorizeUrl, cookie, callback: await consent(authorizeUrl, platform === 'vk' ? 'user_id' : 'uid', account, decision) };
  }

  /** Start, consent, callback: the id of the pending connection. */
  async function connect(platform: 'vk' | 'ok', account: string, organizationId = rootId): Promise<string> {
    const flow = await authorize(platform, account, 'allow', organizationId);
    const editor = await api.callback(flow.callback, flow.cookie);
    expect(`${editor.origin}${editor.pathname}`).toBe(`${PUBLIC}/channels/connect`);
    return editor.searchParams.get('connection') ?? '';
  }

  beforeAll(async () => {
    sandbox = await startSandboxProcess();
    await sandbox.control('/rate-limits', { enabled: false }, 'PUT');
    await sandbox.control('/seed', {
      vk: {
        communities: [{ id: 2001, name: 'Администрация района' }, { id: 2002, name: 'Школа №1' }, { id: 2003, name: 'Клуб' }],
        users: [{ id: 501, name: 'Анна Админова', adminOf: [{ groupId: 2001 }, { groupId: 2002, level: 2 }, { groupId: 2003, level: 1 }] }],
      },
      ok: {
        app: OK_APP,
        groups: [{ gid: '5700001', name: 'Группа района' }, { gid: '5700002', name: 'Клуб любителей' }, { gid: '5700003', name: 'Библиотека' }],
        users: [{ uid: '9001', name: 'Ольга Одноклассникова', roles: { '5700001': 'ADMIN', '5700002': 'ACTIVE', '5700003': 'MODERATOR' } }],
      },
    });
    server = await startTestServer({
      ...sandbox.env,
      OK_OAUTH_URL: `${sandbox.url}/ok`,
      VK_CLIENT_ID: VK_CLIENT,
      OK_CLIENT_ID: OK_APP.applicationId,
      OK_APPLICATION_KEY: OK_APP.applicationKey,
      OK_APPLICATION_SECRET_KEY: OK_APP.applicationSecretKey,
      VESTNIK_PUBLIC_URL: PUBLIC,
    });
    const setup = await setupRoot(server);
    admin = setup.accessToken;
    rootId = setup.user.memberships[0].organizationId;
    schoolId = (await createOrganization(server, admin, rootId, 'Школа')).id;
  });
  afterAll(async () => {
    await server?.close();
    await sandbox?.stop();
  });

  it('connects a VK community: start → VK ID consent → callback → pages → a channel that verifies', async () => {
    const started = await api.start('vk');
    const authorizeUrl = new URL(started.body.authorizeUrl);
    expect(`${authorizeUrl.origin}${authorizeUrl.pathname}`).toBe(`${sandbox.url}/vk-id/authorize`);
    expect(Object.fromEntries(authorizeUrl.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: VK_CLIENT,
      redirect_uri: `${PUBLIC}/api/v1/channels/oauth/vk/callback`,
      code_challenge_method: 'S256',
      scope: 'wall photos groups',
    });
    expect(started.headers['set-cookie'][0]).toMatch(/^vestnik_oauth_vk=[^;]+; Max-Age=600; Path=\/api\/v1\/channels\/oauth; Expires=[^;]+; HttpOnly; SameSite=Lax$/);

    const id = await connect('vk', '501');
    const connection = await api.connection(id);
    expect(connection).toMatchObject({ id, platform: 'vk', organizationId: rootId });
    expect(connection.pages).toEqual([
      { target: 'club2001', name: 'Администрация района', alreadyConnected: false },
      { target: 'club2002', name: 'Школа №1', alreadyConnected: false },
    ]);

    // One VK ID authorization, one community: the refresh token rotates and cannot be shared.
    const two = await server.http.post(`/api/v1/channels/oauth/connections/${id}/channels`).set(bearer(admin)).send({ pages: [{ target: 'club2001', name: 'А' }, { target: 'club2002', name: 'Б' }] }).expect(400);
    expect(two.body.errors[0]).toMatchObject({ field: 'pages', rule: 'arrayMaxSize' });

    const result = await api.create(id, [{ target: 'club2001', name: 'ВК администрации' }]);
    expect(result.errors).toEqual([]);
    expect(result.created[0]).toMatchObject({ platform: 'vk', name: 'ВК администрации', target: 'club2001', remoteTargetId: '2001', displayName: 'Администрация района', health: { state: 'active', canPost: true } });
    expect(result.created[0].health.tokenExpiresAt).not.toBeNull();
    await api.connection(id, admin, 404);

    const verified = (await server.http.post(`/api/v1/channels/${result.created[0].id}/verify`).set(bearer(admin)).expect(200)).body as ChannelView;
    expect(verified.health).toMatchObject({ state: 'active', canPost: true, lastError: null });

    const audit = (await server.http.get(`/api/v1/audit?organizationId=${rootId}&limit=200`).set(bearer(admin)).expect(200)).body.items as AuditEntryView[];
    answers += JSON.stringify(audit);
    const mine = audit.filter((e) => e.targetId === id).map((e) => e.action);
    expect(mine).toEqual(expect.arrayContaining(['channel.oauth_started', 'channel.oauth_connected', 'channel.oauth_channels_created']));
    expect(audit.find((e) => e.action === 'channel.oauth_connected' && e.targetId === id)).toMatchObject({ actorEmail: expect.any(String), organizationId: rootId });
    expect(audit.some((e) => e.action === 'channel.created' && e.targetId === result.created[0].id)).toBe(true);
  });

  it('connects OK groups: several at once, with per-page refusals, the connection kept until one is created', async () => {
    const started = await api.start('ok');
    const authorizeUrl = new URL(started.body.authorizeUrl);
    expect(`${authorizeUrl.origin}${authorizeUrl.pathname}`).toBe(`${sandbox.url}/ok/oauth/authorize`);
    expect(Object.fromEntries(authorizeUrl.searchParams)).toMatchObject({ client_id: OK_APP.applicationId, response_type: 'code', layout: 'w', scope: 'VALUABLE_ACCESS;LONG_ACCESS_TOKEN;GROUP_CONTENT;PHOTO_CONTENT' });

    const first = await connect('ok', '9001');
    expect((await api.connection(first)).pages).toEqual([
      { target: '5700001', name: 'Группа района', alreadyConnected: false },
      { target: '5700003', name: 'Библиотека', alreadyConnected: false },
    ]);
    const made = await api.create(first, [{ target: '5700001', name: 'ОК района' }]);
    expect(made.created).toHaveLength(1);
    expect(made.created[0]).toMatchObject({ platform: 'ok', remoteTargetId: '5700001', health: { canPost: true } });

    const second = await connect('ok', '9001');
    expect((await api.connection(second)).pages.map((p) => [p.target, p.alreadyConnected])).toEqual([['5700001', true], ['5700003', false]]);
    const refused = await api.create(second, [{ target: '5700001', name: 'Дубль' }, { target: '5700002', name: 'Не админ' }]);
    expect(refused.created).toEqual([]);
    expect(refused.errors.map((e) => [e.target, e.code])).toEqual([['5700001', 'channel_exists'], ['5700002', 'channel_verification_failed']]);
    expect(refused.errors[1].message).toMatch(/роль: ACTIVE/);
    // Nothing was created: the connection stays for another choice.
    const library = await api.create(second, [{ target: '5700003', name: 'ОК библиотеки' }]);
    expect(library.created.map((c) => c.remoteTargetId)).toEqual(['5700003']);
    await api.connection(second, admin, 404);
  });

  it('puts each chosen page in the organization picked for it, within the subtree the connection was started for', async () => {
    const classId = (await createOrganization(server, admin, schoolId, '5 «А» класс')).id;
    const id = await connect('vk', '501', schoolId);
    const outside = await api.create(id, [{ target: 'club2002', name: 'ВК школы', organizationId: rootId }]);
    expect(outside.created).toEqual([]);
    expect(outside.errors).toEqual([{ target: 'club2002', code: 'organization_outside_connection', message: expect.stringMatching(/не входит в «Школа»/) }]);
    const placed = await api.create(id, [{ target: 'club2002', name: 'ВК класса', organizationId: classId }]);
    expect(placed.errors).toEqual([]);
    expect(placed.created[0]).toMatchObject({ organizationId: classId, target: 'club2002', name: 'ВК класса' });
    const school = (await server.http.get(`/api/v1/channels?organizationId=${schoolId}`).set(bearer(admin)).expect(200)).body as ChannelView[];
    expect(school.map((c) => [c.organizationId, c.target])).toEqual([[classId, 'club2002']]);
  });

  it('accepts a state once, within 10 minutes, from the browser that started, and reports a refusal', async () => {
    const flow = await authorize('vk', '501');
    const stranger = await api.callback(flow.callback);
    expect(Object.fromEntries(stranger.searchParams)).toEqual({ error: 'oauth_browser_mismatch', platform: 'vk' });
    expect((await api.callback(flow.callback, flow.cookie)).searchParams.get('error')).toBe('oauth_state_invalid');

    const replayed = await authorize('ok', '9001');
    expect((await api.callback(replayed.callback, replayed.cookie)).searchParams.get('connection')).toEqual(expect.any(String));
    expect((await api.callback(replayed.callback, replayed.cookie)).searchParams.get('error')).toBe('oauth_state_invalid');

    const late = await authorize('vk', '501');
    await server.db.dataSource.query(`UPDATE channel_oauth_connections SET expires_at = now() - interval '1 second' WHERE state_used_at IS NULL`);
    expect((await api.callback(late.callback, late.cookie)).searchParams.get('error')).toBe('oauth_state_expired');

    const denied = await authorize('ok', '9001', 'deny');
    expect((await api.callback(denied.callback, denied.cookie)).searchParams.get('error')).toBe('oauth_denied');
    expect((await api.callback(`/api/v1/channels/oauth/vk/callback?code=x&state=never-issued`)).searchParams.get('error')).toBe('oauth_state_invalid');

    const audit = (await server.http.get(`/api/v1/audit?organizationId=${rootId}&limit=500`).set(bearer(admin)).expect(200)).body.items as AuditEntryView[];
    answers += JSON.stringify(audit);
    const failures = audit.filter((e) => e.action === 'channel.oauth_failed').map((e) => e.after?.['error']);
    expect(failures).toEqual(expect.arrayContaining(['oauth_browser_mismatch', 'oauth_state_expired', 'oauth_denied']));
  });

  it('refuses to start or finish connecting pages to an archived organization', async () => {
    const commissionId = (await createOrganization(server, admin, rootId, 'Временная комиссия')).id;
    const id = await connect('ok', '9001', commissionId);
    await server.http.post(`/api/v1/organizations/${commissionId}/archive`).set(bearer(admin)).expect(200);
    const finished = await server.http.post(`/api/v1/channels/oauth/connections/${id}/channels`).set(bearer(admin)).send({ pages: [{ target: '5700002', name: 'Клуб любителей' }] }).expect(409);
    expect(finished.body).toMatchObject({ code: 'organization_archived', message: expect.stringMatching(/в архиве/) });
    expect((await api.start('vk', admin, commissionId, 409)).body.code).toBe('organization_archived');
    const [channels] = await server.db.dataSource.query('SELECT count(*)::int AS n FROM channels WHERE organization_id = $1', [commissionId]);
    expect(channels.n).toBe(0);
  });

  it('keeps a connection to the person who started it, as admin of its organization', async () => {
    const id = await connect('ok', '9001');
    const colleague = await createMember(server, admin, rootId, 'admin');
    const schoolAdmin = await createMember(server, admin, schoolId, 'admin');
    const editor = await createMember(server, admin, rootId, 'editor');
    for (const token of [colleague.token, schoolAdmin.token]) {
      await api.connection(id, token, 404);
      await api.create(id, [{ target: '5700003', name: 'Чужое' }], token, 404);
    }
    await api.start('ok', schoolAdmin.token, rootId, 404);
    await api.start('vk', editor.token, rootId, 403);
    await api.start('telegram', admin, rootId, 404);
    await api.connection('not-a-uuid', admin, 400);
    expect((await api.connection(id)).pages).toHaveLength(2);
  });

  it('never answers, audits or stores a token or code, nor stores a state or browser nonce, in plain text', async () => {
    const issued = (await sandbox.control('/oauth/issued', undefined, 'GET')) as { vk: Array<{ accessToken: string; refreshToken: string }>; ok: Array<{ accessToken: string; refreshToken: string }> };
    const secrets = [...issued.vk, ...issued.ok].flatMap((t) => [t.accessToken, t.refreshToken]);
    expect(secrets.length).toBeGreaterThanOrEqual(8);
    const flow = await authorize('vk', '501');
    const callback = new URL(flow.callback, PUBLIC);
    secrets.push(callback.searchParams.get('code') ?? '');
    // The state (in the authorize URL) and the browser nonce (in its cookie) are handed to the browser on purpose: the database keeps hashes only.
    const handedToBrowser = [callback.searchParams.get('state') ?? '', flow.cookie.split('=')[1]];
    await api.callback(flow.callback, flow.cookie);
    expect([...secrets, ...handedToBrowser].every((value) => value.length >= 20)).toBe(true);

    const tables: { table_name: string }[] = await server.db.dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`);
    let dump = '';
    for (const { table_name } of tables) dump += JSON.stringify(await server.db.dataSource.query(`SELECT * FROM "${table_name}"`));
    expect(dump).toContain('channel.oauth_connected');
    for (const secret of secrets) {
      expect(answers).not.toContain(secret);
      expect(dump).not.toContain(secret);
    }
    for (const value of handedToBrowser) expect(dump).not.toContain(value);
  });
});
