import { bearer, ROOT_ADMIN, setupRoot, startTestServer, TestServer } from '../testing/test-server';

describe('first-run setup', () => {
  let server: TestServer;
  beforeAll(async () => (server = await startTestServer()));
  afterAll(() => server.close());

  it('is open before anyone exists and refuses bad input naming the field and rule', async () => {
    expect((await server.http.get('/api/v1/setup').expect(200)).body).toEqual({ required: true });
    const res = await server.http
      .post('/api/v1/setup')
      .send({ organization: { name: '', timezone: 'Mars/Olympus' }, admin: { email: 'not-an-email', password: 'short', name: 'A' } })
      .expect(400);
    expect(res.body.code).toBe('validation_failed');
    const fields = res.body.errors.map((e: { field: string; rule: string }) => `${e.field}:${e.rule}`);
    expect(fields).toEqual(expect.arrayContaining(['organization.name:isNotEmpty', 'organization.timezone:isTimeZone', 'admin.email:isEmail', 'admin.password:minLength']));
    expect(res.body.errors.find((e: { field: string }) => e.field === 'admin.password').message).toContain('не короче 10 символов');
  });

  it('refuses unknown fields', async () => {
    const res = await server.http
      .post('/api/v1/setup')
      .send({ organization: { name: 'X', timezone: 'Europe/Moscow', color: 'red' }, admin: ROOT_ADMIN })
      .expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'organization.color', rule: 'whitelistValidation' })]);
  });

  it('creates the root organization and its admin once, then answers 409', async () => {
    const first = await setupRoot(server);
    expect(first.accessToken).toEqual(expect.any(String));
    expect(first.user.email).toBe(ROOT_ADMIN.email);
    expect(first.user.memberships).toEqual([expect.objectContaining({ role: 'admin', organizationName: 'Правительство Сахалинской области' })]);
    expect(JSON.stringify(first)).not.toContain(ROOT_ADMIN.password);
    // The admin is signed in: the token names a session of his.
    const sessions = await server.db.dataSource.query('SELECT user_id FROM sessions WHERE ended_at IS NULL');
    expect(sessions).toEqual([{ user_id: first.user.id }]);

    const again = await server.http
      .post('/api/v1/setup')
      .send({ organization: { name: 'Второй корень', timezone: 'Europe/Moscow' }, admin: { ...ROOT_ADMIN, email: 'other@x.ru' } })
      .expect(409);
    expect(again.body.code).toBe('setup_done');
    expect((await server.http.get('/api/v1/setup').expect(200)).body).toEqual({ required: false });

    const orgs = await server.http.get('/api/v1/organizations').set(bearer(first.accessToken)).expect(200);
    expect(orgs.body).toHaveLength(1);
    expect(orgs.body[0]).toMatchObject({ name: 'Правительство Сахалинской области', timezone: 'Asia/Sakhalin', parentId: null, myRole: 'admin' });
  });

  it('lets only one of two simultaneous setups through', async () => {
    const other = await startTestServer();
    try {
      const body = (email: string) => ({ organization: { name: 'Регион', timezone: 'Europe/Moscow' }, admin: { ...ROOT_ADMIN, email } });
      const results = await Promise.all([other.http.post('/api/v1/setup').send(body('a@x.ru')), other.http.post('/api/v1/setup').send(body('b@x.ru'))]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      const users = await other.db.dataSource.query('SELECT count(*)::int AS n FROM users');
      expect(users[0].n).toBe(1);
    } finally {
      await other.close();
    }
  });

  it('stores the password only as an argon2id hash', async () => {
    const rows = await server.db.dataSource.query('SELECT password_hash FROM users');
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
  });

  it('answers health with the database checked and serves the OpenAPI document', async () => {
    expect((await server.http.get('/api/health').expect(200)).body).toMatchObject({ status: 'ok', database: 'up' });
    const doc = await server.http.get('/api/docs-json').expect(200);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/v1/setup', '/api/v1/auth/login', '/api/v1/organizations', '/api/v1/audit']));
  });

  it('in cookie mode (the editor) answers the session in HttpOnly cookies, not in the body', async () => {
    const other = await startTestServer();
    try {
      const res = await other.http
        .post('/api/v1/setup')
        .set('X-Vestnik-Session', 'cookie')
        .send({ organization: { name: 'Регион', timezone: 'Europe/Moscow' }, admin: ROOT_ADMIN })
        .expect(201);
      expect(res.body).not.toHaveProperty('accessToken');
      expect(res.body.user.email).toBe(ROOT_ADMIN.email);
      const cookies = (res.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]);
      expect(cookies.map((c) => c.split('=')[0]).sort()).toEqual(['vestnik_csrf', 'vestnik_session']);
      await other.http.get('/api/v1/auth/me').set('Cookie', cookies.join('; ')).expect(200);
    } finally {
      await other.close();
    }
  });
});
