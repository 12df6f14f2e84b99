import type { AuditEntryView } from '@vestnik/contracts';
import { inviteAndAccept } from '../testing/factories';
import { bearer, login, ROOT_ADMIN, setupRoot, startTestServer, TestServer } from '../testing/test-server';

describe('audit log', () => {
  let server: TestServer;
  let admin: string;
  let rootId: string;

  const entries = async (token: string, orgId: string, query = '') =>
    (await server.http.get(`/api/v1/audit?organizationId=${orgId}${query}`).set(bearer(token)).expect(200)).body as { items: AuditEntryView[]; total: number };

  beforeAll(async () => {
    server = await startTestServer();
    const setup = await setupRoot(server);
    admin = setup.accessToken;
    rootId = setup.user.memberships[0].organizationId;
  });
  afterAll(() => server.close());

  it('records every action with actor, organization, target, before/after and time', async () => {
    const ministry = (await server.http.post('/api/v1/organizations').set(bearer(admin)).send({ name: 'Министерство культуры', parentId: rootId }).expect(201)).body;
    await server.http.patch(`/api/v1/organizations/${ministry.id}`).set(bearer(admin)).send({ name: 'Министерство культуры и архивов' }).expect(200);
    const member = await inviteAndAccept(server, admin, ministry.id, 'supervisor', { email: 'clerk@x.ru', name: 'Клерк', password: 'пароль-клерка-1' });
    await server.http.post('/api/v1/auth/login').send({ email: 'clerk@x.ru', password: 'не-тот-пароль' }).expect(401);
    await server.http.post('/api/v1/auth/login').send({ email: 'ghost@x.ru', password: 'не-тот-пароль' }).expect(401);
    await login(server, 'clerk@x.ru', 'пароль-клерка-1');
    await server.http.post(`/api/v1/organizations/${ministry.id}/archive`).set(bearer(admin)).expect(200);
    await server.http.post(`/api/v1/organizations/${ministry.id}/unarchive`).set(bearer(admin)).expect(200);
    await server.http.delete(`/api/v1/organizations/${ministry.id}/members/${member.userId}`).set(bearer(admin)).expect(204);

    const { items } = await entries(admin, rootId, '&limit=100');
    const actions = items.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['setup.completed', 'organization.created', 'organization.updated', 'membership.added', 'auth.login_failed', 'auth.login', 'organization.archived', 'organization.unarchived', 'membership.removed']),
    );
    const renamed = items.find((e) => e.action === 'organization.updated')!;
    expect(renamed).toMatchObject({ actorEmail: ROOT_ADMIN.email, organizationId: ministry.id, targetType: 'organization', targetId: ministry.id });
    expect(renamed.before).toMatchObject({ name: 'Министерство культуры' });
    expect(renamed.after).toMatchObject({ name: 'Министерство культуры и архивов' });
    expect(new Date(renamed.at).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const failed = items.filter((e) => e.action === 'auth.login_failed');
    expect(failed.map((e) => e.after?.['email']).sort()).toEqual(['clerk@x.ru', 'ghost@x.ru']);
    expect(JSON.stringify(items)).not.toMatch(/пароль-клерка-1|не-тот-пароль|верный-пароль|argon2/);
  });

  it('pages, filters by time, and scopes to the subtree', async () => {
    const page = await entries(admin, rootId, '&limit=2&offset=1');
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThan(5);
    const none = await entries(admin, rootId, `&from=${encodeURIComponent(new Date(Date.now() + 3600_000).toISOString())}`);
    expect(none.total).toBe(0);
    const bad = await server.http.get(`/api/v1/audit?organizationId=${rootId}&from=yesterday&limit=100000`).set(bearer(admin)).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['from', 'limit']);
  });

  it('is for admins and supervisors only', async () => {
    await inviteAndAccept(server, admin, rootId, 'viewer', { email: 'viewer@x.ru', name: 'Зритель', password: 'пароль-зрителя' });
    const viewer = await login(server, 'viewer@x.ru', 'пароль-зрителя');
    await server.http.get(`/api/v1/audit?organizationId=${rootId}`).set(bearer(viewer)).expect(403);
  });

  it('cannot be changed or deleted, through the API or the database', async () => {
    await server.http.delete('/api/v1/audit').set(bearer(admin)).expect(404);
    await server.http.patch('/api/v1/audit').set(bearer(admin)).send({}).expect(404);
    await expect(server.db.dataSource.query('UPDATE audit_entries SET action = $1', ['forged'])).rejects.toThrow(/append-only/);
    await expect(server.db.dataSource.query('DELETE FROM audit_entries')).rejects.toThrow(/append-only/);
  });
});
