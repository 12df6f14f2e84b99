import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Role, roleAtLeast, ROLES } from '@vestnik/contracts';
import { OrganizationEntity } from '@vestnik/server/persistence';
import { ApiException, forbidden, notFound } from '@vestnik/server/http';

export interface OrganizationAccess {
  organization: OrganizationEntity;
  /** The strongest role the user holds here or on any ancestor. */
  role: Role;
}

/** Nothing new is made in an archived organization: 409 saying what was refused, e.g. `создавать в ней материалы`. */
export function refuseIfArchived(organization: Pick<OrganizationEntity, 'name' | 'archivedAt'>, refused: string): void {
  if (organization.archivedAt) {
    throw new ApiException(409, 'organization_archived', `Организация «${organization.name}» в архиве: ${refused} нельзя. Сначала верните её из архива`);
  }
}

const ROLE_RANK_SQL = `array_position(ARRAY[${ROLES.map((r) => `'${r}'`).join(',')}]::text[], m.role)`;

/**
 * Who may see and do what: a role held on an organization holds on its whole subtree. Organizations
 * outside the user's subtrees do not exist for him (404), so ids from other trees reveal nothing.
 */
@Injectable()
export class AccessService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every organization the user can see, with his effective role on each. */
  async visible(userId: string, includeArchived = false): Promise<OrganizationAccess[]> {
    const rows: (Record<string, unknown> & { role: Role })[] = await this.dataSource.query(
      `SELECT DISTINCT ON (o.id) o.*, m.role
         FROM memberships m
         JOIN organizations mo ON mo.id = m.organization_id
         JOIN organizations o ON o.path LIKE mo.path || '%'
        WHERE m.user_id = $1 ${includeArchived ? '' : 'AND o.archived_at IS NULL'}
        ORDER BY o.id, ${ROLE_RANK_SQL}`,
      [userId],
    );
    return rows.map((r) => ({ organization: this.toEntity(r), role: r.role }));
  }

  /**
   * The user's access to one organization, or null when it is outside his subtrees. Given a
   * transaction's manager, reads inside it (after the locks it holds, so a role just taken away counts).
   */
  async find(userId: string, organizationId: string, manager: EntityManager = this.dataSource.manager): Promise<OrganizationAccess | null> {
    if (!/^[0-9a-f-]{36}$/i.test(organizationId)) return null;
    const rows: (Record<string, unknown> & { role: Role })[] = await manager.query(
      `SELECT o.*, m.role
         FROM organizations o
         JOIN memberships m ON m.user_id = $1
         JOIN organizations mo ON mo.id = m.organization_id
        WHERE o.id = $2 AND o.path LIKE mo.path || '%'
        ORDER BY ${ROLE_RANK_SQL}
        LIMIT 1`,
      [userId, organizationId],
    );
    return rows[0] ? { organization: this.toEntity(rows[0]), role: rows[0].role } : null;
  }

  /** Like find, but 404 when invisible and 403 when the role is below `needed`. */
  async require(userId: string, organizationId: string, needed: Role, what = 'Организация', manager?: EntityManager): Promise<OrganizationAccess> {
    const access = await this.find(userId, organizationId, manager);
    if (!access) throw notFound(what);
    if (!roleAtLeast(access.role, needed)) throw forbidden();
    return access;
  }

  private toEntity(row: Record<string, unknown>): OrganizationEntity {
    return this.dataSource.getRepository(OrganizationEntity).create({
      id: row['id'] as string,
      name: row['name'] as string,
      parentId: (row['parent_id'] as string | null) ?? null,
      path: row['path'] as string,
      ownTimezone: (row['own_timezone'] as string | null) ?? null,
      requireAdminTotp: row['require_admin_totp'] as boolean,
      allowSelfApproval: row['allow_self_approval'] as boolean,
      requireFourEyesInSubtree: row['require_four_eyes_in_subtree'] as boolean,
      archivedAt: (row['archived_at'] as Date | null) ?? null,
      createdAt: row['created_at'] as Date,
      updatedAt: row['updated_at'] as Date,
    });
  }
}
