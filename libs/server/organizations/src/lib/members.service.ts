import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AddMemberRequest, MemberView } from '@vestnik/contracts';
import { AuditLog } from '@vestnik/server/audit';
import { AccessService, UsersService } from '@vestnik/server/auth';
import { SignedInActor, ApiException, notFound } from '@vestnik/server/http';
import { MembershipEntity, UserEntity } from '@vestnik/server/persistence';

@Injectable()
export class MembersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly users: UsersService,
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

  /** Gives a person a role here, creating the account when the address is new. */
  async add(actor: SignedInActor, organizationId: string, input: AddMemberRequest): Promise<MemberView> {
    const { organization } = await this.access.require(actor.user.id, organizationId, 'admin');
    if (organization.archivedAt) throw new ApiException(409, 'organization_archived', 'Организация в архиве: добавлять сотрудников нельзя');
    return this.dataSource.transaction(async (m) => {
      let user = await this.users.findByEmail(input.email, m);
      const createdAccount = !user;
      if (!user) {
        if (!input.password) {
          throw new ApiException(400, 'validation_failed', 'Для новой учётной записи нужен пароль', {
            errors: [{ field: 'password', rule: 'requiredForNewAccount', message: 'Поле «password»: для новой учётной записи пароль обязателен' }],
          });
        }
        user = await this.users.create({ email: input.email, name: input.name, password: input.password }, m);
      }
      const existing = await m.findOneBy(MembershipEntity, { userId: user.id, organizationId });
      if (existing) throw new ApiException(409, 'already_member', `У ${user.email} уже есть роль в этой организации: удалите её, чтобы назначить другую`);
      const membership = await m.save(m.create(MembershipEntity, { userId: user.id, organizationId, role: input.role }));
      await this.audit.record(
        { actor, organizationId, action: 'membership.added', targetType: 'membership', targetId: membership.id, after: { email: user.email, role: input.role, createdAccount } },
        m,
      );
      return { userId: user.id, email: user.email, name: user.name, role: membership.role, organizationId, createdAt: membership.createdAt.toISOString() };
    });
  }

  async remove(actor: SignedInActor, organizationId: string, userId: string): Promise<void> {
    const { organization } = await this.access.require(actor.user.id, organizationId, 'admin');
    await this.dataSource.transaction(async (m) => {
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
