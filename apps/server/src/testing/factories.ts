import { randomBytes } from 'node:crypto';
import type { OrganizationView, Platform } from '@vestnik/contracts';
import { bearer, login, TestServer } from './test-server';

/** A child organization created through the API. */
export async function createOrganization(server: TestServer, token: string, parentId: string, name: string, timezone?: string): Promise<OrganizationView> {
  const res = await server.http.post('/api/v1/organizations').set(bearer(token)).send({ name, parentId, ...(timezone ? { timezone } : {}) }).expect(201);
  return res.body as OrganizationView;
}

/** A person with a role on an organization, signed in. */
export async function createMember(server: TestServer, adminToken: string, organizationId: string, role: string, email = `${role}-${randomBytes(3).toString('hex')}@x.ru`): Promise<{ email: string; token: string; userId: string }> {
  const password = 'пароль-сотрудника';
  const res = await server.http.post(`/api/v1/organizations/${organizationId}/members`).set(bearer(adminToken)).send({ email, name: `Сотрудник ${role}`, password, role }).expect(201);
  return { email, token: await login(server, email, password), userId: res.body.userId };
}

/**
 * A channel row written straight into the database, for tests of posts that never call a platform.
 * Its sealed credentials are not openable on purpose: nothing here may try to use them.
 */
export async function insertChannel(server: TestServer, organizationId: string, platform: Platform, name = `${platform} канал`, state = 'active'): Promise<string> {
  const rows: { id: string }[] = await server.db.dataSource.query(
    `INSERT INTO channels (organization_id, platform, name, target, remote_target_id, credentials, state, can_post)
     VALUES ($1, $2, $3, $4, $4, 'v2.test.test.test', $5, true) RETURNING id`,
    [organizationId, platform, name, `t-${randomBytes(6).toString('hex')}`, state],
  );
  return rows[0].id;
}

/** A local date-time in the organization's zone, `days` from now at `hh:mm`. */
export function localDateTime(days: number, time = '10:00'): string {
  return `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)}T${time}`;
}
