import { randomBytes } from 'node:crypto';
import type { InvitationCreated, LoginResponse, OrganizationView, Platform } from '@vestnik/contracts';
import { bearer, TestServer } from './test-server';

/** A child organization created through the API. */
export async function createOrganization(server: TestServer, token: string, parentId: string, name: string, timezone?: string): Promise<OrganizationView> {
  const res = await server.http.post('/api/v1/organizations').set(bearer(token)).send({ name, parentId, ...(timezone ? { timezone } : {}) }).expect(201);
  return res.body as OrganizationView;
}

export const MEMBER_PASSWORD = 'пароль-сотрудника';

/** The token of a one-time link answered to the admin (`…/invite/<token>`). */
export const tokenOf = (url: string | undefined): string => {
  const token = url?.split('/invite/')[1];
  if (!token) throw new Error(`not an invitation link: ${url}`);
  return token;
};

/**
 * Invites the address (the link answered, not e-mailed) and accepts: a new account is created with
 * `password`, or an existing one consents with its own `password`. Answers the person, signed in.
 */
export async function inviteAndAccept(
  server: TestServer,
  adminToken: string,
  organizationId: string,
  role: string,
  { email = `${role}-${randomBytes(3).toString('hex')}@x.ru`, name = `Сотрудник ${role}`, password = MEMBER_PASSWORD }: { email?: string; name?: string; password?: string } = {},
): Promise<{ email: string; token: string; userId: string }> {
  const invited = await server.http.post(`/api/v1/organizations/${organizationId}/members`).set(bearer(adminToken)).send({ email, name, role, showLink: true }).expect(201);
  const accepted = await server.http.post(`/api/v1/invitations/${tokenOf((invited.body as InvitationCreated).inviteUrl)}/accept`).send({ name, password }).expect(200);
  const login = accepted.body as LoginResponse;
  return { email, token: login.accessToken, userId: login.user.id };
}

/** A person with a role on an organization, signed in. */
export async function createMember(server: TestServer, adminToken: string, organizationId: string, role: string, email?: string): Promise<{ email: string; token: string; userId: string }> {
  return inviteAndAccept(server, adminToken, organizationId, role, { email });
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
