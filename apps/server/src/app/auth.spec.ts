import { currentTotp } from '@vestnik/server/auth';
import { inviteAndAccept } from '../testing/factories';
import { bearer, login, ROOT_ADMIN, setupRoot, startTestServer, TestServer } from '../testing/test-server';

describe('login', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', LOGIN_MAX_FAILURES_PER_ADDRESS: '8' });
    await setupRoot(server);
  });
  afterAll(() => server.close());

  it('answers a token and the user for the right password, case-insensitively on the e-mail', async () => {
    const res = await server.http.post('/api/v1/auth/login').send({ email: ROOT_ADMIN.email.toUpperCase(), password: ROOT_ADMIN.password }).expect(200);
    expect(res.body).toMatchObject({ accessToken: expect.any(String), user: { email: ROOT_ADMIN.email }, totpEnrollmentRequired: false });
    const me = await server.http.get('/api/v1/auth/me').set(bearer(res.body.accessToken)).expect(200);
    expect(me.body.email).toBe(ROOT_ADMIN.email);
    expect(me.body).not.toHaveProperty('passwordHash');
  });

  it('keeps the editor language each person chose, audits a change, and names a wrong value', async () => {
    const token = await login(server, ROOT_ADMIN.email, ROOT_ADMIN.password);
    expect((await server.http.get('/api/v1/auth/me').set(bearer(token)).expect(200)).body.language).toBe('ru');
    const bad = await server.http.patch('/api/v1/auth/me').set(bearer(token)).send({ language: 'de' }).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'language', rule: 'isIn' })]);
    const unknown = await server.http.patch('/api/v1/auth/me').set(bearer(token)).send({ language: 'en', theme: 'dark' }).expect(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'theme' })]);

    const changed = await server.http.patch('/api/v1/auth/me').set(bearer(token)).send({ language: 'en' }).expect(200);
    expect(changed.body).toMatchObject({ email: ROOT_ADMIN.email, language: 'en' });
    await server.http.patch('/api/v1/auth/me').set(bearer(token)).send({ language: 'en' }).expect(200);
    // Another session of the same person (another browser) gets the choice.
    const elsewhere = await login(server, ROOT_ADMIN.email, ROOT_ADMIN.password);
    expect((await server.http.get('/api/v1/auth/me').set(bearer(elsewhere)).expect(200)).body.language).toBe('en');
    const audited = await server.db.dataSource.query(`SELECT after FROM audit_entries WHERE action = 'person.language_changed'`);
    expect(audited.map((r: { after: Record<string, unknown> }) => r.after)).toEqual([expect.objectContaining({ email: ROOT_ADMIN.email, before: 'ru', language: 'en' })]);
    await server.http.patch('/api/v1/auth/me').set(bearer(token)).send({ language: 'ru' }).expect(200);
  });

  it('refuses a wrong password and an unknown account alike', async () => {
    const wrong = await server.http.post('/api/v1/auth/login').send({ email: 'nobody@x.ru', password: 'whatever-123' }).expect(401);
    expect(wrong.body).toMatchObject({ code: 'invalid_credentials', message: 'Неверный адрес электронной почты или пароль' });
  });

  it('refuses requests without or with a forged token', async () => {
    expect((await server.http.get('/api/v1/organizations').expect(401)).body.code).toBe('unauthorized');
    await server.http.get('/api/v1/organizations').set(bearer('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.forged')).expect(401);
  });

  it('throttles failed logins per account with 429 and a clear message, even for the right password', async () => {
    const email = 'victim@x.ru';
    const admin = await login(server, ROOT_ADMIN.email, ROOT_ADMIN.password);
    const root = (await server.http.get('/api/v1/organizations').set(bearer(admin))).body[0];
    await inviteAndAccept(server, admin, root.id, 'viewer', { email, name: 'Жертва', password: 'правильный-пароль' });
    for (let i = 0; i < 3; i++) {
      await server.http.post('/api/v1/auth/login').set('X-Forwarded-For', `10.0.0.${i}`).send({ email, password: 'неверный-пароль' }).expect(401);
    }
    const blocked = await server.http.post('/api/v1/auth/login').send({ email, password: 'правильный-пароль' }).expect(429);
    expect(blocked.body).toMatchObject({ code: 'too_many_attempts', scope: 'account', retryAfterSeconds: expect.any(Number) });
    expect(blocked.body.message).toContain('Слишком много неудачных попыток входа');
  });

  it('counts parallel failures atomically: of 20 wrong passwords at once with a limit of 5, at most 5 are checked', async () => {
    const fresh = await startTestServer({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '5', LOGIN_MAX_FAILURES_PER_ADDRESS: '1000' });
    try {
      await setupRoot(fresh);
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => fresh.http.post('/api/v1/auth/login').send({ email: ROOT_ADMIN.email, password: `неверный-пароль-${i}` })));
      const statuses = answers.map((r) => r.status);
      expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
      expect(statuses.filter((s) => s === 401).length + statuses.filter((s) => s === 429).length).toBe(20);
      const [row] = await fresh.db.dataSource.query('SELECT count(*)::int AS n FROM login_attempts WHERE NOT succeeded');
      expect(row.n).toBeLessThanOrEqual(5);
    } finally {
      await fresh.close();
    }
  });

  it('throttles failed logins per address across accounts', async () => {
    const fresh = await startTestServer({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '100', LOGIN_MAX_FAILURES_PER_ADDRESS: '4' });
    try {
      await setupRoot(fresh);
      for (let i = 0; i < 4; i++) await fresh.http.post('/api/v1/auth/login').send({ email: `guess${i}@x.ru`, password: 'guess-guess' }).expect(401);
      const blocked = await fresh.http.post('/api/v1/auth/login').send({ email: ROOT_ADMIN.email, password: ROOT_ADMIN.password }).expect(429);
      expect(blocked.body.scope).toBe('address');
    } finally {
      await fresh.close();
    }
  });
});

describe('second factor (TOTP)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    await setupRoot(server);
  });
  afterAll(() => server.close());

  it('enrolls, then demands a code at login, accepting each code once', async () => {
    const token = await login(server, ROOT_ADMIN.email, ROOT_ADMIN.password);
    const setup = await server.http.post('/api/v1/auth/totp/setup').set(bearer(token)).expect(200);
    expect(setup.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    await server.http.post('/api/v1/auth/totp/enable').set(bearer(token)).send({ code: '000000' === currentTotp(setup.body.secret) ? '111111' : '000000' }).expect(400);
    const enabled = await server.http.post('/api/v1/auth/totp/enable').set(bearer(token)).send({ code: currentTotp(setup.body.secret) }).expect(200);
    expect(enabled.body.user.totpEnabled).toBe(true);
    const rows = await server.db.dataSource.query('SELECT totp_secret FROM users');
    expect(rows[0].totp_secret).not.toContain(setup.body.secret);

    const needCode = await server.http.post('/api/v1/auth/login').send({ email: ROOT_ADMIN.email, password: ROOT_ADMIN.password }).expect(401);
    expect(needCode.body.code).toBe('totp_required');
    // The code used for enabling is spent: the same step cannot open a session.
    const replay = await server.http.post('/api/v1/auth/login').send({ email: ROOT_ADMIN.email, password: ROOT_ADMIN.password, totpCode: currentTotp(setup.body.secret) });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('totp_invalid');
    const next = currentTotp(setup.body.secret, Date.now() + 30_000);
    await server.http.post('/api/v1/auth/login').send({ email: ROOT_ADMIN.email, password: ROOT_ADMIN.password, totpCode: next }).expect(200);
  });

  it('accepts a code once even when several logins present it at the same moment', async () => {
    const fresh = await startTestServer();
    try {
      const root = await setupRoot(fresh);
      const setup = await fresh.http.post('/api/v1/auth/totp/setup').set(bearer(root.accessToken)).expect(200);
      await fresh.http.post('/api/v1/auth/totp/enable').set(bearer(root.accessToken)).send({ code: currentTotp(setup.body.secret) }).expect(200);
      const code = currentTotp(setup.body.secret, Date.now() + 30_000);
      const answers = await Promise.all(
        Array.from({ length: 4 }, () => fresh.http.post('/api/v1/auth/login').send({ email: ROOT_ADMIN.email, password: ROOT_ADMIN.password, totpCode: code })),
      );
      expect(answers.map((r) => r.status).sort()).toEqual([200, 401, 401, 401]);
      expect(answers.filter((r) => r.status === 401).every((r) => r.body.code === 'totp_invalid')).toBe(true);
    } finally {
      await fresh.close();
    }
  });

  it('limits an admin without a second factor to enrollment when his organization requires it', async () => {
    const fresh = await startTestServer();
    try {
      const root = await setupRoot(fresh);
      const orgId = root.user.memberships[0].organizationId;
      await fresh.http.patch(`/api/v1/organizations/${orgId}`).set(bearer(root.accessToken)).send({ requireAdminTotp: true }).expect(200);
      const again = await fresh.http.post('/api/v1/auth/login').send({ email: ROOT_ADMIN.email, password: ROOT_ADMIN.password }).expect(200);
      expect(again.body.totpEnrollmentRequired).toBe(true);
      const limited = bearer(again.body.accessToken);
      expect((await fresh.http.get('/api/v1/organizations').set(limited).expect(403)).body.code).toBe('totp_enrollment_required');
      await fresh.http.get('/api/v1/auth/me').set(limited).expect(200);
      const setup = await fresh.http.post('/api/v1/auth/totp/setup').set(limited).expect(200);
      await fresh.http.post('/api/v1/auth/totp/enable').set(limited).send({ code: currentTotp(setup.body.secret) }).expect(200);
      const full = await fresh.http
        .post('/api/v1/auth/login')
        .send({ email: ROOT_ADMIN.email, password: ROOT_ADMIN.password, totpCode: currentTotp(setup.body.secret, Date.now() + 30_000) })
        .expect(200);
      expect(full.body.totpEnrollmentRequired).toBe(false);
      await fresh.http.get('/api/v1/organizations').set(bearer(full.body.accessToken)).expect(200);
      // While the organization requires it, the admin cannot switch it off.
      const off = await fresh.http.post('/api/v1/auth/totp/disable').set(bearer(full.body.accessToken)).send({ code: currentTotp(setup.body.secret, Date.now() + 60_000) }).expect(409);
      expect(off.body.code).toBe('totp_required_by_organization');
    } finally {
      await fresh.close();
    }
  });
});
