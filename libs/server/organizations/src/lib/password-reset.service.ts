import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PasswordResetIssued, PasswordResetRequest } from '@vestnik/contracts';
import { AuditLog } from '@vestnik/server/audit';
import { AccessService, SessionsService } from '@vestnik/server/auth';
import { forbidden, notFound, SignedInActor } from '@vestnik/server/http';
import { MembershipEntity, UserEntity } from '@vestnik/server/persistence';
import { OneTimeLinks } from './one-time-links';

/** How long a reset link can be used; the account has no password meanwhile. */
export const PASSWORD_RESET_DAYS = 3;

/**
 * An admin resets a person's password: the old one stops working, every session ends, and the person
 * sets a new one through a one-time link. Only an admin of every organization the person belongs to
 * may do it, so a school's admin cannot take over an account that also serves the region.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly links: OneTimeLinks,
    private readonly sessions: SessionsService,
    private readonly audit: AuditLog,
  ) {}

  async reset(actor: SignedInActor, organizationId: string, userId: string, input: PasswordResetRequest): Promise<PasswordResetIssued> {
    const { organization } = await this.access.require(actor.user.id, organizationId, 'admin');
    return this.dataSource.transaction(async (m) => {
      if (!(await m.existsBy(MembershipEntity, { userId, organizationId }))) throw notFound('Сотрудник');
      const user = await m.findOne(UserEntity, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw notFound('Сотрудник');
      const uncovered: unknown[] = await m.query(
        `SELECT 1 FROM memberships tm JOIN organizations o ON o.id = tm.organization_id
          WHERE tm.user_id = $1 AND NOT EXISTS (
            SELECT 1 FROM memberships cm JOIN organizations co ON co.id = cm.organization_id
             WHERE cm.user_id = $2 AND cm.role = 'admin' AND o.path LIKE co.path || '%')
          LIMIT 1`,
        [userId, actor.user.id],
      );
      if (uncovered.length) {
        throw forbidden('У сотрудника есть роли в организациях, которыми вы не управляете: сбросить его пароль может только администратор всех этих организаций');
      }
      await m.update(UserEntity, { id: userId }, { passwordHash: null });
      // A new link replaces any earlier one.
      await m.query(`UPDATE invitations SET revoked_at = now() WHERE kind = 'password_reset' AND user_id = $1 AND accepted_at IS NULL AND revoked_at IS NULL`, [userId]);
      const issued = await this.links.issue(
        m,
        { kind: 'password_reset', organizationId, organizationName: organization.name, email: user.email, name: null, role: null, userId, invitedBy: actor.user, days: PASSWORD_RESET_DAYS },
        input.showLink,
      );
      await this.sessions.endAllForUser(userId, 'password_reset', m);
      await this.audit.record(
        { actor, organizationId, action: 'user.password_reset', targetType: 'user', targetId: userId, after: { email: user.email, emailed: issued.emailed } },
        m,
      );
      return {
        userId,
        expiresAt: issued.invitation.expiresAt.toISOString(),
        emailed: issued.emailed,
        ...(issued.url ? { resetUrl: issued.url } : {}),
      };
    });
  }
}
