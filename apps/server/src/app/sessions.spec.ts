import { createHmac } from 'node:crypto';
import type { Response } from 'supertest';
import type { LoginResponse } from '@vestnik/contracts';
import { currentTotp, SessionsService } from '@vestnik/server/auth';
import { SECRET_BOX, SecretBox } from '@vestnik/server/persistence';
import { createMember } from '../testing/factories';
import { bearer, login, ROOT_ADMIN, setupRoot, startTestServer, TestServer } from '../testing/test-server';

const MEMBER_PASSWORD = 'пароль-сотрудника';

/** `name=value` pairs and the attributes of each Set-Cookie line of an answer. */
function cookiesOf(res: Response): Map<string, { value: string; attributes: string[] }> {
  const header = res.headers['set-cookie'] as unknown as string[] | undefined;
  const cookies = new Map<string, { value: string; attributes: string[] }>();
  for (const line of header ?? []) {
    const [pair, ...attributes] = line.split(';').map((part) => part.trim());
    const [name, ...value] = pair.split('=');
    cookies.set(name, { value: decodeURIComponent(value.join('=')), attributes: attributes.map((a) => a.toLowerCase()) });
  }
  return cookies;
}

/** A JWT signed with `secret`, to show what the server accepts and what it refuses. */
function signToken(secret: string, claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const body = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 600, ...claims })}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

// Passport keeps one 'jwt' strategy per process (the last app's): each describe starts its own server
// and no test uses one server after another has started.
describe('sessions', () => {
  let server: TestServer;
  let rootId: string;
  let admin: string;

  beforeAll(async () => {
    server = await startTestServer({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '4', LOGIN_MAX_FAILURES_PER_ADDRESS: '1000' });
    const setup = await setupRoot(server);
    admin = setup.accessToken;
    rootId = setup.user.memberships[0].organizationId;
  });
  afterAll(() => server.close());

  const auditActions = async (userId: string): Promise<string[]> =>
    (await server.db.dataSource.query('SELECT action FROM audit_entries WHERE target_id = $1 ORDER BY at', [userId])).map((r: { action: string }) => r.action);

  it('records each sign-in as a session the token names; the guard refuses a token once its session is over', async () => {
    const member = await createMember(server, admin, rootId, 'editor');
    const [session] = await server.db.dataSource.query('SELECT * FROM sessions WHERE user_id = $1 AND ended_at IS NULL', [member.userId]);
    expect(session).toMatchObject({ enrollment_only: false, ended_at: null });
    expect(new Date(session.expires_at).getTime()).toBeGreaterThan(Date.now());
    await server.http.get('/api/v1/auth/me').set(bearer(member.token)).expect(200);

    await server.db.dataSource.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id = $1`, [session.id]);
    expect((await server.http.get('/api/v1/auth/me').set(bearer(member.token)).expect(401)).body.code).toBe('unauthorized');
  });

  it('logout ends the session: the same token is refused afterwards', async () => {
    const member = await createMember(server, admin, rootId, 'viewer');
    const token = await login(server, member.email, MEMBER_PASSWORD);
    await server.http.post('/api/v1/auth/logout').set(bearer(token)).expect(204);
    await server.http.get('/api/v1/auth/me').set(bearer(token)).expect(401);
    await server.http.post('/api/v1/auth/logout').set(bearer(token)).expect(401);
    // Only that session: the member's other one goes on.
    await server.http.get('/api/v1/auth/me').set(bearer(member.token)).expect(200);
    expect(await auditActions(member.userId)).toContain('auth.logout');
  });

  it('a password change ends every session of the person, the old password stops working, the caller gets a new session', async () => {
    const member = await createMember(server, admin, rootId, 'editor');
    const other = await login(server, member.email, MEMBER_PASSWORD);
    const change = (token: string, body: object) => server.http.post('/api/v1/auth/password').set(bearer(token)).send(body);

    const short = await change(member.token, { currentPassword: MEMBER_PASSWORD, newPassword: 'короткий' }).expect(400);
    expect(short.body.errors).toEqual([expect.objectContaining({ field: 'newPassword', rule: 'minLength' })]);
    const wrong = await change(member.token, { currentPassword: 'не-тот-пароль', newPassword: 'новый-пароль-сотрудника' }).expect(400);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ field: 'currentPassword' })]);
    const same = await change(member.token, { currentPassword: MEMBER_PASSWORD, newPassword: MEMBER_PASSWORD }).expect(400);
    expect(same.body.errors).toEqual([expect.objectContaining({ field: 'newPassword' })]);

    const changed = await change(member.token, { currentPassword: MEMBER_PASSWORD, newPassword: 'новый-пароль-сотрудника' }).expect(200);
    const fresh = changed.body as LoginResponse;
    expect(fresh).toMatchObject({ accessToken: expect.any(String), user: { email: member.email }, totpEnrollmentRequired: false });
    await server.http.get('/api/v1/auth/me').set(bearer(member.token)).expect(401);
    await server.http.get('/api/v1/auth/me').set(bearer(other)).expect(401);
    await server.http.get('/api/v1/auth/me').set(bearer(fresh.accessToken)).expect(200);
    await server.http.post('/api/v1/auth/login').send({ email: member.email, password: MEMBER_PASSWORD }).expect(401);
    await login(server, member.email, 'новый-пароль-сотрудника');
    expect(await auditActions(member.userId)).toEqual(expect.arrayContaining(['auth.password_changed', 'auth.sessions_ended']));
    expect(JSON.stringify(await server.db.dataSource.query('SELECT * FROM audit_entries'))).not.toContain('новый-пароль-сотрудника');
  });

  it('counts a wrong current password as a failed login, up to 429', async () => {
    const member = await createMember(server, admin, rootId, 'viewer');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await server.http.post('/api/v1/auth/password').set(bearer(member.token)).send({ currentPassword: `неверный-${i}-пароль`, newPassword: 'новый-пароль-сотрудника' })).status);
    }
    expect(statuses).toEqual([400, 400, 400, 400, 429]);
  });

  it('SessionsService.endAllForUser ends every token of that person and no one else’s', async () => {
    const member = await createMember(server, admin, rootId, 'editor');
    const second = await login(server, member.email, MEMBER_PASSWORD);
    const bystander = await createMember(server, admin, rootId, 'editor');
    await server.app.get(SessionsService).endAllForUser(member.userId, 'test');
    await server.http.get('/api/v1/auth/me').set(bearer(member.token)).expect(401);
    await server.http.get('/api/v1/auth/me').set(bearer(second)).expect(401);
    await server.http.get('/api/v1/auth/me').set(bearer(bystander.token)).expect(200);
    const [row] = await server.db.dataSource.query(`SELECT after FROM audit_entries WHERE action = 'auth.sessions_ended' AND target_id = $1`, [member.userId]);
    expect(row.after).toMatchObject({ reason: 'test', sessions: 2 });
  });

  it('keeps the signing secret sealed in the database and refuses a well-signed token that names no open session', async () => {
    const [row] = await server.db.dataSource.query(`SELECT value FROM server_secrets WHERE name = 'auth_token_secret'`);
    expect(row.value).toMatch(/^v2\./);
    const secret = server.app.get<symbol, SecretBox>(SECRET_BOX).open(row.value, { table: 'server_secrets', column: 'value', id: 'auth_token_secret' });
    const all = JSON.stringify(await server.db.dataSource.query('SELECT * FROM server_secrets'));
    expect(all).not.toContain(secret);
    // The sealed value is the key the tokens are signed with…
    const [header, payload, signature] = admin.split('.');
    expect(createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url')).toBe(signature);
    // …yet a signature alone opens nothing: no session, someone else's session, or an unknown one.
    const adminId = JSON.parse(Buffer.from(payload, 'base64url').toString()).sub as string;
    const adminSession = JSON.parse(Buffer.from(payload, 'base64url').toString()).sid as string;
    const member = await createMember(server, admin, rootId, 'viewer');
    await server.http.get('/api/v1/auth/me').set(bearer(signToken(secret, { sub: adminId }))).expect(401);
    await server.http.get('/api/v1/auth/me').set(bearer(signToken(secret, { sub: member.userId, sid: adminSession }))).expect(401);
    await server.http.get('/api/v1/auth/me').set(bearer(signToken(secret, { sub: adminId, sid: '00000000-0000-4000-8000-000000000000' }))).expect(401);
    await server.http.get('/api/v1/auth/me').set(bearer(signToken(secret, { sub: adminId, sid: 'not-a-uuid' }))).expect(401);
    await server.http.get('/api/v1/auth/me').set(bearer(signToken(secret, { sub: adminId, sid: adminSession }))).expect(200);
  });
});

describe('sessions and the second factor', () => {
  it('turning the second factor on and off re-issues the session; an enrollment-only session becomes a full one', async () => {
    const fresh = await startTestServer();
    try {
      const root = await setupRoot(fresh);
      const orgId = root.user.memberships[0].organizationId;
      await fresh.http.patch(`/api/v1/organizations/${orgId}`).set(bearer(root.accessToken)).send({ requireAdminTotp: true }).expect(200);
      const limited = (await fresh.http.post('/api/v1/auth/login').send({ email: ROOT_ADMIN.email, password: ROOT_ADMIN.password }).expect(200)).body as LoginResponse;
      expect(limited.totpEnrollmentRequired).toBe(true);
      expect((await fresh.http.get('/api/v1/auth/me').set(bearer(limited.accessToken)).expect(200)).body.totpEnrollmentRequired).toBe(true);
      const setup = await fresh.http.post('/api/v1/auth/totp/setup').set(bearer(limited.accessToken)).expect(200);

      const enabled = (await fresh.http.post('/api/v1/auth/totp/enable').set(bearer(limited.accessToken)).send({ code: currentTotp(setup.body.secret) }).expect(200)).body as LoginResponse;
      expect(enabled).toMatchObject({ accessToken: expect.any(String), totpEnrollmentRequired: false, user: { totpEnabled: true } });
      await fresh.http.get('/api/v1/auth/me').set(bearer(limited.accessToken)).expect(401);
      await fresh.http.get('/api/v1/organizations').set(bearer(enabled.accessToken)).expect(200);

      await fresh.http.patch(`/api/v1/organizations/${orgId}`).set(bearer(enabled.accessToken)).send({ requireAdminTotp: false }).expect(200);
      const disabled = (await fresh.http.post('/api/v1/auth/totp/disable').set(bearer(enabled.accessToken)).send({ code: currentTotp(setup.body.secret, Date.now() + 30_000) }).expect(200))
        .body as LoginResponse;
      expect(disabled).toMatchObject({ accessToken: expect.any(String), totpEnrollmentRequired: false, user: { totpEnabled: false } });
      await fresh.http.get('/api/v1/auth/me').set(bearer(enabled.accessToken)).expect(401);
      await fresh.http.get('/api/v1/organizations').set(bearer(disabled.accessToken)).expect(200);
      const reasons = await fresh.db.dataSource.query('SELECT end_reason FROM sessions WHERE end_reason IS NOT NULL ORDER BY ended_at');
      expect(reasons.map((r: { end_reason: string }) => r.end_reason)).toEqual(['totp_enabled', 'totp_disabled']);
    } finally {
      await fresh.close();
    }
  });
});

describe('a configured signing secret', () => {
  it('stores no signing secret when AUTH_TOKEN_SECRET is configured', async () => {
    const configured = await startTestServer({ AUTH_TOKEN_SECRET: 'a-configured-signing-secret-of-enough-length-0123456789' });
    try {
      const root = await setupRoot(configured);
      await configured.http.get('/api/v1/auth/me').set(bearer(root.accessToken)).expect(200);
      expect(await configured.db.dataSource.query(`SELECT name FROM server_secrets WHERE name = 'auth_token_secret'`)).toEqual([]);
    } finally {
      await configured.close();
    }
  });
});

describe('sessions in cookies (the editor)', () => {
  let server: TestServer;
  let rootId: string;
  let admin: string;

  beforeAll(async () => {
    server = await startTestServer();
    const setup = await setupRoot(server);
    admin = setup.accessToken;
    rootId = setup.user.memberships[0].organizationId;
  });
  afterAll(() => server.close());

  const cookieLogin = async (email: string, password: string) => {
    const res = await server.http.post('/api/v1/auth/login').set('X-Vestnik-Session', 'cookie').send({ email, password }).expect(200);
    const cookies = cookiesOf(res);
    const session = cookies.get('vestnik_session');
    const csrf = cookies.get('vestnik_csrf');
    if (!session || !csrf) throw new Error('no session cookies');
    return { res, session, csrf, cookie: `vestnik_session=${session.value}; vestnik_csrf=${csrf.value}` };
  };

  it('puts the token into an HttpOnly, Secure, SameSite=Strict cookie for /api, and leaves it out of the body', async () => {
    const member = await createMember(server, admin, rootId, 'editor');
    const { res, session, csrf, cookie } = await cookieLogin(member.email, MEMBER_PASSWORD);
    expect(res.body).not.toHaveProperty('accessToken');
    expect(res.body).toMatchObject({ user: { email: member.email }, totpEnrollmentRequired: false });
    expect(session.attributes).toEqual(expect.arrayContaining(['httponly', 'secure', 'samesite=strict', 'path=/api']));
    expect(csrf.attributes).toEqual(expect.arrayContaining(['secure', 'samesite=strict', 'path=/']));
    expect(csrf.attributes).not.toContain('httponly');
    expect(csrf.value).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    const me = await server.http.get('/api/v1/auth/me').set('Cookie', cookie).expect(200);
    expect(me.body.email).toBe(member.email);
  });

  it('refuses a cookie-authenticated change without the matching CSRF header (403 csrf_failed) or from another origin', async () => {
    const member = await createMember(server, admin, rootId, 'editor');
    const { csrf, cookie } = await cookieLogin(member.email, MEMBER_PASSWORD);
    const setupTotp = () => server.http.post('/api/v1/auth/totp/setup').set('Cookie', cookie);

    expect((await setupTotp().expect(403)).body).toMatchObject({ code: 'csrf_failed', message: expect.stringContaining('Обновите страницу') });
    await setupTotp().set('X-CSRF-Token', `${csrf.value}x`).expect(403);
    await setupTotp().set('X-CSRF-Token', csrf.value).set('Origin', 'https://evil.example').expect(403);
    await setupTotp().set('X-CSRF-Token', csrf.value).expect(200);
    await setupTotp().set('X-CSRF-Token', csrf.value).set('Origin', 'http://localhost:3000').expect(200);
    // Reading needs no CSRF token.
    await server.http.get('/api/v1/organizations').set('Cookie', cookie).expect(200);
  });

  it('needs no CSRF token with a bearer token', async () => {
    const member = await createMember(server, admin, rootId, 'editor');
    await server.http.post('/api/v1/auth/totp/setup').set(bearer(member.token)).expect(200);
  });

  it('a password change in cookie mode answers new cookies; logout clears both and ends the session', async () => {
    const member = await createMember(server, admin, rootId, 'editor');
    const first = await cookieLogin(member.email, MEMBER_PASSWORD);
    const changed = await server.http
      .post('/api/v1/auth/password')
      .set('Cookie', first.cookie)
      .set('X-CSRF-Token', first.csrf.value)
      .send({ currentPassword: MEMBER_PASSWORD, newPassword: 'новый-пароль-сотрудника' })
      .expect(200);
    expect(changed.body).not.toHaveProperty('accessToken');
    const renewed = cookiesOf(changed);
    const session = renewed.get('vestnik_session')?.value;
    const csrf = renewed.get('vestnik_csrf')?.value;
    expect(session).toBeTruthy();
    expect(session).not.toBe(first.session.value);
    await server.http.get('/api/v1/auth/me').set('Cookie', first.cookie).expect(401);
    const cookie = `vestnik_session=${session}; vestnik_csrf=${csrf}`;
    await server.http.get('/api/v1/auth/me').set('Cookie', cookie).expect(200);

    const out = await server.http.post('/api/v1/auth/logout').set('Cookie', cookie).set('X-CSRF-Token', csrf ?? '').expect(204);
    const cleared = cookiesOf(out);
    for (const name of ['vestnik_session', 'vestnik_csrf']) {
      expect(cleared.get(name)?.value).toBe('');
      expect(cleared.get(name)?.attributes.find((a) => a.startsWith('expires='))).toMatch(/1970/);
    }
    await server.http.get('/api/v1/auth/me').set('Cookie', cookie).expect(401);
  });
});
