import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AddMemberRequest, InvitationCreated, InvitationView, Role } from '@vestnik/contracts';
import { AuditLog } from '@vestnik/server/audit';
import { AccessService, normalizeEmail } from '@vestnik/server/auth';
import { ApiException, SignedInActor, notFound } from '@vestnik/server/http';
import { InvitationEntity } from './invitation.entity';
import { isUniqueViolation, OneTimeLinks } from './one-time-links';

/** How long an invitation can be accepted. */
export const INVITATION_DAYS = 7;

const alreadyInvited = (email: string) =>
  new ApiException(409, 'already_invited', `Приглашение для ${email} уже отправлено и ещё действует. Чтобы отправить новое, сначала отзовите прежнее`);

interface InvitationRow {
  id: string;
  organization_id: string;
  email: string;
  role: Role;
  invited_by: string | null;
  inviter_name: string | null;
  created_at: Date;
  expires_at: Date;
}

/**
 * Admins invite people by e-mail; nobody is attached to an organization without consent. The answer
 * is the same whether or not the address has an account, and never carries an account's name.
 */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly links: OneTimeLinks,
    private readonly audit: AuditLog,
  ) {}

  async invite(actor: SignedInActor, organizationId: string, input: AddMemberRequest): Promise<InvitationCreated> {
    const { organization } = await this.access.require(actor.user.id, organizationId, 'admin');
    if (organization.archivedAt) throw new ApiException(409, 'organization_archived', `Организация «${organization.name}» в архиве: приглашать в неё нельзя`);
    const email = normalizeEmail(input.email);
    try {
      return await this.dataSource.transaction(async (m) => {
        // The member list shows this anyway; nothing else about the address is looked up.
        const member: unknown[] = await m.query(`SELECT 1 FROM memberships mb JOIN users u ON u.id = mb.user_id WHERE mb.organization_id = $1 AND u.email = $2`, [organizationId, email]);
        if (member.length) throw new ApiException(409, 'already_member', `У ${email} уже есть роль в этой организации: удалите её, чтобы назначить другую`);
        const open = await m
          .createQueryBuilder(InvitationEntity, 'i')
          .where(`i.kind = 'membership' AND i.organization_id = :organizationId AND i.email = :email AND i.accepted_at IS NULL AND i.revoked_at IS NULL`, { organizationId, email })
          .setLock('pessimistic_write')
          .getOne();
        if (open && open.expiresAt > new Date()) throw alreadyInvited(email);
        // An expired invitation no longer holds the address: it is closed so a new one can be made.
        if (open) await m.update(InvitationEntity, { id: open.id }, { revokedAt: new Date() });
        const issued = await this.links.issue(
          m,
          { kind: 'membership', organizationId, organizationName: organization.name, email, name: input.name?.trim() || null, role: input.role, userId: null, invitedBy: actor.user, days: INVITATION_DAYS },
          input.showLink,
        );
        const invitation = issued.invitation;
        await this.audit.record(
          { actor, organizationId, action: 'membership.invited', targetType: 'invitation', targetId: invitation.id, after: { email, role: input.role, emailed: issued.emailed } },
          m,
        );
        return {
          ...toView(invitation, input.role, { id: actor.user.id, name: actor.user.name }),
          emailed: issued.emailed,
          ...(issued.url ? { inviteUrl: issued.url } : {}),
        };
      });
    } catch (e) {
      if (isUniqueViolation(e, 'invitations_open_membership')) throw alreadyInvited(email);
      throw e;
    }
  }

  /** Invitations of this organization that can still be accepted. */
  async pending(actor: SignedInActor, organizationId: string): Promise<InvitationView[]> {
    await this.access.require(actor.user.id, organizationId, 'admin');
    const rows: InvitationRow[] = await this.dataSource.query(
      `SELECT i.id, i.organization_id, i.email, i.role, i.invited_by, u.name AS inviter_name, i.created_at, i.expires_at
         FROM invitations i LEFT JOIN users u ON u.id = i.invited_by
        WHERE i.kind = 'membership' AND i.organization_id = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()
        ORDER BY i.created_at DESC`,
      [organizationId],
    );
    return rows.map((r) => ({
      id: r.id,
      organizationId: r.organization_id,
      email: r.email,
      role: r.role,
      invitedBy: r.invited_by && r.inviter_name !== null ? { id: r.invited_by, name: r.inviter_name } : null,
      createdAt: r.created_at.toISOString(),
      expiresAt: r.expires_at.toISOString(),
    }));
  }

  /** The link stops working at once. Revoking one already revoked changes nothing; an accepted one is a member to remove instead. */
  async revoke(actor: SignedInActor, organizationId: string, invitationId: string): Promise<void> {
    await this.access.require(actor.user.id, organizationId, 'admin');
    await this.dataSource.transaction(async (m) => {
      const invitation = await m.findOne(InvitationEntity, { where: { id: invitationId, organizationId, kind: 'membership' }, lock: { mode: 'pessimistic_write' } });
      if (!invitation) throw notFound('Приглашение');
      if (invitation.acceptedAt) throw new ApiException(409, 'invitation_used', 'Приглашение уже принято: чтобы закрыть доступ, удалите сотрудника из организации');
      if (invitation.revokedAt) return;
      await m.update(InvitationEntity, { id: invitation.id }, { revokedAt: new Date() });
      await this.audit.record({ actor, organizationId, action: 'invitation.revoked', targetType: 'invitation', targetId: invitation.id, before: { email: invitation.email, role: invitation.role } }, m);
    });
  }
}

function toView(i: InvitationEntity, role: Role, invitedBy: { id: string; name: string } | null): InvitationView {
  return {
    id: i.id,
    organizationId: i.organizationId,
    email: i.email,
    role,
    invitedBy,
    createdAt: i.createdAt.toISOString(),
    expiresAt: i.expiresAt.toISOString(),
  };
}
