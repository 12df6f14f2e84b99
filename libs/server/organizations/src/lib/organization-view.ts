import { DataSource, EntityManager } from 'typeorm';
import type { FourEyesRule, OrganizationView, Role } from '@vestnik/contracts';
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

/**
 * The four-eyes rule in force per organization, from its path: its own allowance of self-approval
 * counts only while neither it nor an ancestor requires four eyes for its subtree. Names the
 * nearest one that does, so people know whose admin can lift it.
 */
export async function fourEyesRules(m: EntityManager, ids: string[]): Promise<Map<string, FourEyesRule>> {
  if (ids.length === 0) return new Map();
  const rows: { id: string; allow: boolean; required_by_id: string | null; required_by_name: string | null }[] = await m.query(
    `SELECT o.id, o.allow_self_approval AS allow, r.id AS required_by_id, r.name AS required_by_name
       FROM organizations o
       LEFT JOIN LATERAL (SELECT a.id, a.name FROM organizations a
                           WHERE o.path LIKE a.path || '%' AND a.require_four_eyes_in_subtree
                           ORDER BY length(a.path) DESC LIMIT 1) r ON true
      WHERE o.id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(
    rows.map((r) => {
      const requiredBy = r.required_by_id ? { id: r.required_by_id, name: r.required_by_name ?? '' } : null;
      return [r.id, { selfApprovalAllowed: r.allow && !requiredBy, requiredBy }];
    }),
  );
}

/** Where nothing is known (a missing row), four eyes hold. */
export const FOUR_EYES_BY_DEFAULT: FourEyesRule = { selfApprovalAllowed: false, requiredBy: null };

export function toOrganizationView(o: OrganizationEntity, timezone: string, fourEyes: FourEyesRule, myRole: Role): OrganizationView {
  return {
    id: o.id,
    name: o.name,
    parentId: o.parentId,
    timezone,
    ownTimezone: o.ownTimezone,
    archived: o.archivedAt !== null,
    requireAdminTotp: o.requireAdminTotp,
    allowSelfApproval: o.allowSelfApproval,
    requireFourEyesInSubtree: o.requireFourEyesInSubtree,
    fourEyes,
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
    requireFourEyesInSubtree: o.requireFourEyesInSubtree,
    archived: o.archivedAt !== null,
  };
}
