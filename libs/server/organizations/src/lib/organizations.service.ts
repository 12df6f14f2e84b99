import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { roleAtLeast, type CreateOrganizationRequest, type OrganizationView, type UpdateOrganizationRequest } from '@vestnik/contracts';
import { AuditLog } from '@vestnik/server/audit';
import { AccessService } from '@vestnik/server/auth';
import { SignedInActor, ApiException, forbidden } from '@vestnik/server/http';
import { OrganizationEntity } from '@vestnik/server/persistence';
import { effectiveTimezones, FOUR_EYES_BY_DEFAULT, fourEyesRules, organizationSummary, toOrganizationView } from './organization-view';

@Injectable()
export class OrganizationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditLog,
  ) {}

  async list(actor: SignedInActor, includeArchived: boolean): Promise<OrganizationView[]> {
    const visible = await this.access.visible(actor.user.id, includeArchived);
    const ids = visible.map((v) => v.organization.id);
    const zones = await effectiveTimezones(this.dataSource, ids);
    const rules = await fourEyesRules(this.dataSource.manager, ids);
    return visible
      .sort((a, b) => a.organization.path.localeCompare(b.organization.path))
      .map((v) => toOrganizationView(v.organization, zones.get(v.organization.id) ?? 'UTC', rules.get(v.organization.id) ?? FOUR_EYES_BY_DEFAULT, v.role));
  }

  async get(actor: SignedInActor, id: string): Promise<OrganizationView> {
    const { organization, role } = await this.access.require(actor.user.id, id, 'viewer');
    return this.view(organization, role);
  }

  async create(actor: SignedInActor, input: CreateOrganizationRequest): Promise<OrganizationView> {
    const parent = await this.access.require(actor.user.id, input.parentId, 'admin', 'Вышестоящая организация');
    if (parent.organization.archivedAt) throw new ApiException(409, 'parent_archived', 'Вышестоящая организация в архиве: сначала верните её из архива');
    const id = randomUUID();
    const created = await this.dataSource.transaction(async (m) => {
      const org = m.create(OrganizationEntity, {
        id,
        name: input.name.trim(),
        parentId: parent.organization.id,
        path: `${parent.organization.path}${id}/`,
        ownTimezone: input.timezone ?? null,
      });
      await m.insert(OrganizationEntity, org);
      const saved = await m.findOneByOrFail(OrganizationEntity, { id });
      await this.audit.record({ actor, organizationId: id, action: 'organization.created', targetType: 'organization', targetId: id, after: organizationSummary(saved) }, m);
      return saved;
    });
    return this.view(created, parent.role);
  }

  /** Admins of the organization (held here or above) change its settings, the four-eyes requirement included. */
  async update(actor: SignedInActor, id: string, input: UpdateOrganizationRequest): Promise<OrganizationView> {
    const { organization, role } = await this.access.require(actor.user.id, id, 'viewer');
    if (!roleAtLeast(role, 'admin')) {
      throw forbidden(input.requireFourEyesInSubtree !== undefined ? `Требование «четырёх глаз» для «${organization.name}» ставит и снимает только администратор этой организации или вышестоящей` : undefined);
    }
    if (input.timezone === null && organization.parentId === null) {
      throw new ApiException(400, 'validation_failed', 'У корневой организации должен быть свой часовой пояс', {
        errors: [{ field: 'timezone', rule: 'requiredForRoot', message: 'Поле «timezone»: у корневой организации часовой пояс обязателен' }],
      });
    }
    if (input.allowSelfApproval === true && !organization.allowSelfApproval) {
      await this.assertSelfApprovalOpen(organization, input.requireFourEyesInSubtree ?? organization.requireFourEyesInSubtree);
    }
    const before = organizationSummary(organization);
    const changes: Partial<OrganizationEntity> = {};
    if (input.name !== undefined) changes.name = input.name.trim();
    if (input.timezone !== undefined) changes.ownTimezone = input.timezone;
    if (input.requireAdminTotp !== undefined) changes.requireAdminTotp = input.requireAdminTotp;
    if (input.allowSelfApproval !== undefined) changes.allowSelfApproval = input.allowSelfApproval;
    if (input.requireFourEyesInSubtree !== undefined) changes.requireFourEyesInSubtree = input.requireFourEyesInSubtree;
    const updated = await this.dataSource.transaction(async (m) => {
      if (Object.keys(changes).length) await m.update(OrganizationEntity, { id }, changes);
      const saved = await m.findOneByOrFail(OrganizationEntity, { id });
      await this.audit.record({ actor, organizationId: id, action: 'organization.updated', targetType: 'organization', targetId: id, before, after: organizationSummary(saved) }, m);
      return saved;
    });
    return this.view(updated, role);
  }

  /** Archives the organization with its whole subtree; the root cannot be archived. */
  async setArchived(actor: SignedInActor, id: string, archived: boolean): Promise<OrganizationView> {
    const { organization, role } = await this.access.require(actor.user.id, id, 'admin');
    if (archived && organization.parentId === null) throw new ApiException(409, 'root_not_archivable', 'Корневую организацию нельзя отправить в архив');
    if (!archived && organization.parentId) {
      const parent = await this.dataSource.manager.findOneBy(OrganizationEntity, { id: organization.parentId });
      if (parent?.archivedAt) throw new ApiException(409, 'parent_archived', 'Вышестоящая организация в архиве: сначала верните её');
    }
    const updated = await this.dataSource.transaction(async (m) => {
      await m
        .createQueryBuilder()
        .update(OrganizationEntity)
        .set({ archivedAt: archived ? () => 'now()' : null })
        .where('path LIKE :prefix', { prefix: `${organization.path}%` })
        .andWhere(archived ? 'archived_at IS NULL' : 'archived_at IS NOT NULL')
        .execute();
      const saved = await m.findOneByOrFail(OrganizationEntity, { id });
      await this.audit.record(
        { actor, organizationId: id, action: archived ? 'organization.archived' : 'organization.unarchived', targetType: 'organization', targetId: id, before: { archived: !archived }, after: { archived, withSubtree: true } },
        m,
      );
      return saved;
    });
    return this.view(updated, role);
  }

  /**
   * Self-approval may be switched on only where no four-eyes requirement covers the organization.
   * One set above names its organization: only an admin there may lift it.
   */
  private async assertSelfApprovalOpen(o: OrganizationEntity, requiresItself: boolean): Promise<void> {
    const above = o.parentId ? ((await fourEyesRules(this.dataSource.manager, [o.parentId])).get(o.parentId)?.requiredBy ?? null) : null;
    if (!above && !requiresItself) return;
    const reason = above
      ? `«${above.name}» требует правило «четырёх глаз» во всех подчинённых организациях; снять требование может только администратор «${above.name}»`
      : 'эта организация сама требует правило «четырёх глаз» для себя и всех подчинённых; сначала снимите это требование';
    throw new ApiException(409, 'four_eyes_required', `Самосогласование здесь включить нельзя: ${reason}`, {
      requiredBy: above ?? { id: o.id, name: o.name },
      errors: [{ field: 'allowSelfApproval', rule: 'fourEyesRequired', message: `Поле «allowSelfApproval»: ${reason}` }],
    });
  }

  private async view(o: OrganizationEntity, role: OrganizationView['myRole']): Promise<OrganizationView> {
    const zones = await effectiveTimezones(this.dataSource, [o.id]);
    const rules = await fourEyesRules(this.dataSource.manager, [o.id]);
    return toOrganizationView(o, zones.get(o.id) ?? 'UTC', rules.get(o.id) ?? FOUR_EYES_BY_DEFAULT, role);
  }
}
