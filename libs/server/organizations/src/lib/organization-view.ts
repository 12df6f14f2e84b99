import { DataSource } from 'typeorm';
import type { OrganizationView, Role } from '@vestnik/contracts';
import type { OrganizationEntity } from '@vestnik/server/persistence';

/** Effective time zone per organization: its own, or the nearest ancestor's (visible or not). */
export async function effectiveTimezones(dataSource: DataSource, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows: { id: string; timezone: string }[] = await dataSource.query(
    `SELECT o.id, (SELECT a.own_timezone FROM organizations a
                    WHERE o.path LIKE a.path || '%' AND a.own_timezone IS NOT NULL
                    ORDER BY length(a.path) DESC LIMIT 1) AS timezone
       FROM organizations o WHERE o.id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.timezone]));
}

export function toOrganizationView(o: OrganizationEntity, timezone: string, myRole: Role): OrganizationView {
  return {
    id: o.id,
    name: o.name,
    parentId: o.parentId,
    timezone,
    ownTimezone: o.ownTimezone,
    archived: o.archivedAt !== null,
    requireAdminTotp: o.requireAdminTotp,
    allowSelfApproval: o.allowSelfApproval,
    myRole,
    createdAt: o.createdAt.toISOString(),
  };
}

/** What the audit log keeps of an organization. */
export function organizationSummary(o: OrganizationEntity): Record<string, unknown> {
  return {
    name: o.name,
    parentId: o.parentId,
    timezone: o.ownTimezone,
    requireAdminTotp: o.requireAdminTotp,
    allowSelfApproval: o.allowSelfApproval,
    archived: o.archivedAt !== null,
  };
}
