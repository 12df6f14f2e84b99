import { randomUUID } from 'node:crypto';
import type { OrganizationView } from '@vestnik/contracts';
import { MEMBER_PASSWORD, tokenOf } from '../testing/factories';
import { bearer, login, setupRoot, startTestServer, TestServer } from '../testing/test-server';

describe('organizations and roles', () => {
  let server: TestServer;
  let admin: string;
  let region: OrganizationView;
  let ministry: OrganizationView;
  let school: OrganizationView;
  let otherMinistry: OrganizationView;

  const create = async (token: string, body: Record<string, unknown>) => (await server.http.post('/api/v1/organizations').set(bearer(token)).send(body).expect(201)).body as OrganizationView;
  /**
   * Invites the address and, once the invitation is made (201), accepts it with the shared test password:
   * a new account, or the existing one's consent. `.expect(status)` checks the invitation's answer.
   */
  const addMember = (token: string, orgId: string, email: string, role: string) => ({
    expect: async (status: number) => {
      const name = email.split('@')[0];
      const res = await server.http.post(`/api/v1/organizations/${orgId}/members`).set(bearer(token)).send({ email, name, role, showLink: true }).expect(status);
      if (status === 201) await server.http.post(`/api/v1/invitations/${tokenOf(res.body.inviteUrl)}/accept`).send({ name, password: MEMBER_PASSWORD }).expect(200);
      return res;
    },
  });

  beforeAll(async () => {
    server = await startTestServer();
    admin = (await setupRoot(server)).accessToken;
    region = (await server.http.get('/api/v1/organizations').set(bearer(admin))).body[0];
    ministry = await create(admin, { name: 'Министерство образования', parentId: region.id });
    school = await create(admin, { name: 'Школа №1 г. Курильска', parentId: ministry.id, timezone: 'Asia/Magadan' });
    otherMinistry = await create(admin, { name: 'Министерство здравоохранения', parentId: region.id });
  });
  afterAll(() => server.close());

  it('inherits the time zone from the parent unless set', async () => {
    expect(ministry).toMatchObject({ timezone: 'Asia/Sakhalin', ownTimezone: null, parentId: region.id });
    expect(school).toMatchObject({ timezone: 'Asia/Magadan', ownTimezone: 'Asia/Magadan' });
    const patched = await server.http.patch(`/api/v1/organizations/${school.id}`).set(bearer(admin)).send({ timezone: null }).expect(200);
    expect(patched.body).toMatchObject({ timezone: 'Asia/Sakhalin', ownTimezone: null });
    await server.http.patch(`/api/v1/organizations/${region.id}`).set(bearer(admin)).send({ timezone: 'Asia/Kamchatka' }).expect(200);
    expect((await server.http.get(`/api/v1/organizations/${school.id}`).set(bearer(admin))).body.timezone).toBe('Asia/Kamchatka');
    await server.http.patch(`/api/v1/organizations/${region.id}`).set(bearer(admin)).send({ timezone: 'Asia/Sakhalin' }).expect(200);
    const rootless = await server.http.patch(`/api/v1/organizations/${region.id}`).set(bearer(admin)).send({ timezone: null }).expect(400);
    expect(rootless.body.errors[0]).toMatchObject({ field: 'timezone', rule: 'requiredForRoot' });
  });

  it('validates input naming the field and the rule', async () => {
    const bad = await server.http.post('/api/v1/organizations').set(bearer(admin)).send({ name: 'x'.repeat(201), parentId: 'nope', timezone: 'Europe/Nowhere' }).expect(400);
    expect(bad.body.errors.map((e: { field: string; rule: string }) => `${e.field}:${e.rule}`)).toEqual(expect.arrayContaining(['name:maxLength', 'parentId:isUuid', 'timezone:isTimeZone']));
    const badRole = await addMember(admin, school.id, 'x@x.ru', 'owner').expect(400);
    expect(badRole.body.errors[0]).toMatchObject({ field: 'role', rule: 'isIn' });
    expect(badRole.body.errors[0].message).toContain('admin, supervisor, editor, viewer');
    // Nobody chooses another person's password: the person sets it when accepting the invitation.
    const withPassword = await server.http.post(`/api/v1/organizations/${school.id}/members`).set(bearer(admin)).send({ email: 'new@x.ru', name: 'Новый', password: 'пароль-сотрудника', role: 'viewer' }).expect(400);
    expect(withPassword.body.errors[0]).toMatchObject({ field: 'password', rule: 'whitelistValidation' });
  });

  it('lets a role held on an organization hold on its whole subtree, and nowhere else', async () => {
    await addMember(admin, ministry.id, 'ministry-admin@x.ru', 'admin').expect(201);
    await addMember(admin, ministry.id, 'ministry-editor@x.ru', 'editor').expect(201);
    const mAdmin = await login(server, 'ministry-admin@x.ru', 'пароль-сотрудника');
    const mEditor = await login(server, 'ministry-editor@x.ru', 'пароль-сотрудника');

    const seen = (await server.http.get('/api/v1/organizations').set(bearer(mAdmin)).expect(200)).body as OrganizationView[];
    expect(seen.map((o) => o.name).sort()).toEqual(['Министерство образования', 'Школа №1 г. Курильска']);
    expect(seen.every((o) => o.myRole === 'admin')).toBe(true);

    // Admin of the ministry may create and manage below it, even in the school.
    const club = await create(mAdmin, { name: 'Кружок робототехники', parentId: school.id });
    await addMember(mAdmin, school.id, 'teacher@x.ru', 'editor').expect(201);
    // Not above it, not beside it.
    await server.http.post('/api/v1/organizations').set(bearer(mAdmin)).send({ name: 'Захват', parentId: region.id }).expect(404);
    await server.http.patch(`/api/v1/organizations/${otherMinistry.id}`).set(bearer(mAdmin)).send({ name: 'Захват' }).expect(404);

    // An editor sees the subtree but may not manage it.
    const editorSees = (await server.http.get('/api/v1/organizations').set(bearer(mEditor))).body as OrganizationView[];
    expect(editorSees.map((o) => o.id).sort()).toEqual([ministry.id, school.id, club.id].sort());
    expect(editorSees.every((o) => o.myRole === 'editor')).toBe(true);
    expect((await server.http.post('/api/v1/organizations').set(bearer(mEditor)).send({ name: 'Нельзя', parentId: school.id }).expect(403)).body.code).toBe('forbidden');
    await addMember(mEditor, school.id, 'x2@x.ru', 'admin').expect(403);

    // The stronger of two roles wins: editor on the ministry plus admin on the school.
    await addMember(admin, school.id, 'ministry-editor@x.ru', 'admin').expect(201);
    const schoolView = await server.http.get(`/api/v1/organizations/${school.id}`).set(bearer(mEditor)).expect(200);
    expect(schoolView.body.myRole).toBe('admin');
  });

  it('answers 404 on every endpoint for ids of another tree', async () => {
    // A second, unrelated tree (as if another region ran on the same server).
    const foreignId = randomUUID();
    await server.db.dataSource.query(`INSERT INTO organizations (id, name, path, own_timezone) VALUES ($1, 'Чужой регион', $2, 'Europe/Moscow')`, [foreignId, `/${foreignId}/`]);
    const users = await server.db.dataSource.query(`SELECT id FROM users WHERE email = 'teacher@x.ru'`);
    const teacherId = users[0].id;
    for (const id of [foreignId, otherMinistry.id, randomUUID(), 'not-a-uuid']) {
      const token = await login(server, 'ministry-admin@x.ru', 'пароль-сотрудника');
      const auth = bearer(token);
      const calls = [
        server.http.get(`/api/v1/organizations/${id}`).set(auth),
        server.http.patch(`/api/v1/organizations/${id}`).set(auth).send({ name: 'x' }),
        server.http.post(`/api/v1/organizations/${id}/archive`).set(auth),
        server.http.post(`/api/v1/organizations/${id}/unarchive`).set(auth),
        server.http.get(`/api/v1/organizations/${id}/members`).set(auth),
        server.http.post(`/api/v1/organizations/${id}/members`).set(auth).send({ email: 'q@x.ru', name: 'Q', role: 'viewer' }),
        server.http.get(`/api/v1/organizations/${id}/invitations`).set(auth),
        server.http.delete(`/api/v1/organizations/${id}/invitations/${teacherId}`).set(auth),
        server.http.post(`/api/v1/organizations/${id}/members/${teacherId}/password-reset`).set(auth).send({}),
        server.http.delete(`/api/v1/organizations/${id}/members/${teacherId}`).set(auth),
        server.http.post('/api/v1/organizations').set(auth).send({ name: 'x', parentId: id }),
        server.http.get(`/api/v1/audit?organizationId=${id}`).set(auth),
      ];
      for (const res of await Promise.all(calls)) {
        // A malformed id may fail validation first where it is a body or query field.
        expect([404, ...(id === 'not-a-uuid' ? [400] : [])]).toContain(res.status);
      }
    }
    // Nothing of the foreign tree leaks into the list, even for the root admin.
    const all = (await server.http.get('/api/v1/organizations').set(bearer(admin))).body as OrganizationView[];
    expect(all.find((o) => o.id === foreignId)).toBeUndefined();
  });

  it('archives an organization with its subtree and hides it from the default list', async () => {
    const temp = await create(admin, { name: 'Временная комиссия', parentId: otherMinistry.id });
    const child = await create(admin, { name: 'Подкомиссия', parentId: temp.id });
    await server.http.post(`/api/v1/organizations/${temp.id}/archive`).set(bearer(admin)).expect(200);
    const active = (await server.http.get('/api/v1/organizations').set(bearer(admin))).body as OrganizationView[];
    expect(active.find((o) => o.id === temp.id || o.id === child.id)).toBeUndefined();
    const withArchived = (await server.http.get('/api/v1/organizations?includeArchived=true').set(bearer(admin))).body as OrganizationView[];
    expect(withArchived.filter((o) => o.archived).map((o) => o.id).sort()).toEqual([temp.id, child.id].sort());
    await server.http.post('/api/v1/organizations').set(bearer(admin)).send({ name: 'x', parentId: temp.id }).expect(409);
    await server.http.post(`/api/v1/organizations/${region.id}/archive`).set(bearer(admin)).expect(409);
    await server.http.post(`/api/v1/organizations/${temp.id}/unarchive`).set(bearer(admin)).expect(200);
    const back = (await server.http.get('/api/v1/organizations').set(bearer(admin))).body as OrganizationView[];
    expect(back.map((o) => o.id)).toEqual(expect.arrayContaining([temp.id, child.id]));
  });

  it('lists and removes members, keeping at least one root admin', async () => {
    const members = (await server.http.get(`/api/v1/organizations/${school.id}/members`).set(bearer(admin)).expect(200)).body;
    expect(members.map((m: { email: string }) => m.email).sort()).toEqual(['ministry-editor@x.ru', 'teacher@x.ru']);
    await addMember(admin, school.id, 'teacher@x.ru', 'viewer').expect(409);
    const teacher = members.find((m: { email: string }) => m.email === 'teacher@x.ru');
    await server.http.delete(`/api/v1/organizations/${school.id}/members/${teacher.userId}`).set(bearer(admin)).expect(204);
    const rootMembers = (await server.http.get(`/api/v1/organizations/${region.id}/members`).set(bearer(admin))).body;
    const last = await server.http.delete(`/api/v1/organizations/${region.id}/members/${rootMembers[0].userId}`).set(bearer(admin)).expect(409);
    expect(last.body.code).toBe('last_root_admin');
  });

  it('lets an organization require four eyes in its subtree, which only its own admins may lift', async () => {
    const patch = (token: string, id: string, body: Record<string, unknown>) => server.http.patch(`/api/v1/organizations/${id}`).set(bearer(token)).send(body);
    await addMember(admin, school.id, 'school-admin@x.ru', 'admin').expect(201);
    const schoolAdmin = await login(server, 'school-admin@x.ru', 'пароль-сотрудника');
    const ministryAdmin = await login(server, 'ministry-admin@x.ru', 'пароль-сотрудника');
    // Admin of the school and only editor of the ministry (from the test above).
    const schoolOnlyAdmin = await login(server, 'ministry-editor@x.ru', 'пароль-сотрудника');

    // Nobody above requires it: the school may switch four eyes off for itself.
    const free = (await patch(schoolAdmin, school.id, { allowSelfApproval: true }).expect(200)).body as OrganizationView;
    expect(free).toMatchObject({ allowSelfApproval: true, requireFourEyesInSubtree: false, fourEyes: { selfApprovalAllowed: true, requiredBy: null } });
    await patch(schoolAdmin, school.id, { allowSelfApproval: false }).expect(200);

    const required = (await patch(ministryAdmin, ministry.id, { requireFourEyesInSubtree: true }).expect(200)).body as OrganizationView;
    expect(required).toMatchObject({ requireFourEyesInSubtree: true, fourEyes: { selfApprovalAllowed: false, requiredBy: { id: ministry.id, name: 'Министерство образования' } } });
    const inherited = (await server.http.get(`/api/v1/organizations/${school.id}`).set(bearer(schoolAdmin)).expect(200)).body as OrganizationView;
    expect(inherited).toMatchObject({ requireFourEyesInSubtree: false, fourEyes: { selfApprovalAllowed: false, requiredBy: { id: ministry.id, name: 'Министерство образования' } } });

    // The school cannot switch it off, and its admins cannot reach the ministry's rule.
    const refused = await patch(schoolAdmin, school.id, { allowSelfApproval: true }).expect(409);
    expect(refused.body.code).toBe('four_eyes_required');
    expect(refused.body.message).toContain('«Министерство образования»');
    await patch(schoolAdmin, ministry.id, { requireFourEyesInSubtree: false }).expect(404);
    expect((await patch(schoolOnlyAdmin, ministry.id, { requireFourEyesInSubtree: false }).expect(403)).body.code).toBe('forbidden');
    // Other settings of the school stay its own.
    await patch(schoolAdmin, school.id, { name: 'Школа №1 г. Курильска', allowSelfApproval: false }).expect(200);
    // The ministry cannot allow it for itself while requiring it below.
    expect((await patch(ministryAdmin, ministry.id, { allowSelfApproval: true }).expect(409)).body.code).toBe('four_eyes_required');

    // An admin where the rule is set lifts it; then the school decides again.
    await patch(ministryAdmin, ministry.id, { requireFourEyesInSubtree: false }).expect(200);
    expect((await patch(schoolAdmin, school.id, { allowSelfApproval: true }).expect(200)).body.fourEyes).toEqual({ selfApprovalAllowed: true, requiredBy: null });

    // A requirement set higher up later overrides the school's own choice without erasing it.
    await patch(admin, region.id, { requireFourEyesInSubtree: true }).expect(200);
    const overridden = (await server.http.get(`/api/v1/organizations/${school.id}`).set(bearer(schoolAdmin)).expect(200)).body as OrganizationView;
    expect(overridden).toMatchObject({ allowSelfApproval: true, fourEyes: { selfApprovalAllowed: false, requiredBy: { id: region.id } } });
    await patch(admin, region.id, { requireFourEyesInSubtree: false }).expect(200);

    // Every change is in the journal with before and after.
    const entries = (await server.http.get(`/api/v1/audit?organizationId=${ministry.id}&limit=200`).set(bearer(admin)).expect(200)).body.items as { action: string; targetId: string; before: Record<string, unknown>; after: Record<string, unknown> }[];
    const ministryChanges = entries.filter((e) => e.action === 'organization.updated' && e.targetId === ministry.id).map((e) => [e.before['requireFourEyesInSubtree'], e.after['requireFourEyesInSubtree']]);
    expect(ministryChanges).toEqual(expect.arrayContaining([[false, true], [true, false]]));
  });
});
