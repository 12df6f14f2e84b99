import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { MemberView } from '@vestnik/contracts';
import { AuditLog } from '@vestnik/server/audit';
import { AccessService } from '@vestnik/server/auth';
import { SignedInActor, ApiException, notFound } from '@vestnik/server/http';
import { MembershipEntity, UserEntity } from '@vestnik/server/persistence';

@Injectable()
export class MembersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditLog,
  ) {}

  async list(actor: SignedInActor, organizationId: string): Promise<MemberView[]> {
    await this.access.require(actor.user.id, organizationId, 'supervisor');
    const rows = await this.dataSource.manager
      .createQueryBuilder(MembershipEntity, 'm')
      .innerJoin(UserEntity, 'u', 'u.id = m.user_id')
      .select(['m.user_id AS "userId"', 'u.email AS email', 'u.name AS name', 'm.role AS role', 'm.organization_id AS "organizationId"', 'm.created_at AS "createdAt"'])
      .where('m.organization_id = :organizationId', { organizationId })
      .orderBy('u.name')
      .getRawMany<Omit<MemberView, 'createdAt'> & { createdAt: Date }>();
    return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
  }

  async remove(actor: SignedInActor, organizationId: string, userId: string): Promise<void> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(organizationId)) throw notFound('Организация');
    await this.dataSource.transaction(async (m) => {
      // Removals here queue on the organization's row, so two of them cannot both count the other admin,
      // and the remover's own role is read after the lock: an admin removed a moment ago removes no one.
      await m.query('SELECT 1 FROM organizations WHERE id = $1 FOR NO KEY UPDATE', [organizationId]);
      const { organization } = await this.access.require(actor.user.id, organizationId, 'admin', 'Организация', m);
      const membership = /^[0-9a-f-]{36}$/i.test(userId) ? await m.findOne(MembershipEntity, { where: { userId, organizationId }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!membership) throw notFound('Сотрудник');
      if (organization.parentId === null && membership.role === 'admin') {
        const admins = await m.countBy(MembershipEntity, { organizationId, role: 'admin' });
        if (admins <= 1) throw new ApiException(409, 'last_root_admin', 'Нельзя удалить последнего администратора корневой организации');
      }
      const user = await m.findOneBy(UserEntity, { id: userId });
      await m.delete(MembershipEntity, { id: membership.id });
      await this.audit.record(
        { actor, organizationId, action: 'membership.removed', targetType: 'membership', targetId: membership.id, before: { email: user?.email, role: membership.role } },
        m,
      );
    });
  }
}
