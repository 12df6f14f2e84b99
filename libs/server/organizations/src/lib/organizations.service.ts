import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { CreateOrganizationRequest, OrganizationView, UpdateOrganizationRequest } from '@vestnik/contracts';
import { AuditLog } from '@vestnik/server/audit';
import { AccessService } from '@vestnik/server/auth';
import { SignedInActor, ApiException } from '@vestnik/server/http';
import { OrganizationEntity } from '@vestnik/server/persistence';
import { effectiveTimezones, organizationSummary, toOrganizationView } from './organization-view';

@Injectable()
export class OrganizationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditLog,
  ) {}

  async list(actor: SignedInActor, includeArchived: boolean): Promise<OrganizationView[]> {
    const visible = await this.access.visible(actor.user.id, includeArchived);
    const zones = await effectiveTimezones(this.dataSource, visible.map((v) => v.organization.id));
    return visible
      .sort((a, b) => a.organization.path.localeCompare(b.organization.path))
      .map((v) => toOrganizationView(v.organization, zones.get(v.organization.id) ?? 'UTC', v.role));
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

  async update(actor: SignedInActor, id: string, input: UpdateOrganizationRequest): Promise<OrganizationView> {
    const { organization, role } = await this.access.require(actor.user.id, id, 'admin');
    if (input.timezone === null && organization.parentId === null) {
      throw new ApiException(400, 'validation_failed', 'У корневой организации должен быть свой часовой пояс', {
        errors: [{ field: 'timezone', rule: 'requiredForRoot', message: 'Поле «timezone»: у корневой организации часовой пояс обязателен' }],
      });
    }
    const before = organizationSummary(organization);
    const changes: Partial<OrganizationEntity> = {};
    if (input.name !== undefined) changes.name = input.name.trim();
    if (input.timezone !== undefined) changes.ownTimezone = input.timezone;
    if (input.requireAdminTotp !== undefined) changes.requireAdminTotp = input.requireAdminTotp;
    if (input.allowSelfApproval !== undefined) changes.allowSelfApproval = input.allowSelfApproval;
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

  private async view(o: OrganizationEntity, role: OrganizationView['myRole']): Promise<OrganizationView> {
    const zones = await effectiveTimezones(this.dataSource, [o.id]);
    return toOrganizationView(o, zones.get(o.id) ?? 'UTC', role);
  }
}
