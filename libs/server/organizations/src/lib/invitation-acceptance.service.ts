import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { describeRule, PASSWORD_MIN_LENGTH, type AcceptInvitationRequest, type InvitationDetails } from '@vestnik/contracts';
import { AuditLog } from '@vestnik/server/audit';
import { LoginService, PasswordHasher, SessionsService, StartedSession, UsersService, type SessionClient } from '@vestnik/server/auth';
import { Actor, ApiException } from '@vestnik/server/http';
import { MembershipEntity, OrganizationEntity, UserEntity } from '@vestnik/server/persistence';
import { InvitationEntity } from './invitation.entity';
import { hashInvitationToken, isInvitationToken } from './invitation-token';

const invalid = (field: string, rule: string, message: string) =>
  new ApiException(400, 'validation_failed', `Проверьте данные: ${message}`, { errors: [{ field, rule, message }] });

const actorOf = (user: UserEntity, client: SessionClient): Actor => ({ user: { id: user.id, email: user.email, name: user.name, enrollmentOnly: false }, ip: client.ip });

/** The session a token of ours names (claim `sid`); read only from a token just issued here. */
function sessionOf(accessToken: string): string | null {
  const claims = JSON.parse(Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString('utf8')) as { sid?: unknown };
  return typeof claims.sid === 'string' ? claims.sid : null;
}

/**
 * The public side of one-time links: what a link offers, and accepting it. An invitation becomes a
 * membership only with the person's consent: a new account, or the password (and code) of the
 * existing one, checked and throttled exactly as at login. A link is used once: acceptance locks its row.
 */
@Injectable()
export class InvitationAcceptance {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly login: LoginService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditLog,
  ) {}

  async describe(token: string): Promise<InvitationDetails> {
    const invitation = await this.findUsable(token);
    const organization = await this.dataSource.manager.findOneByOrFail(OrganizationEntity, { id: invitation.organizationId });
    const user = await this.accountOf(invitation);
    return {
      kind: invitation.kind,
      organizationName: organization.name,
      role: invitation.role,
      email: invitation.email,
      accountExists: user !== null,
      totpRequired: Boolean(user?.totpSecret),
      suggestedName: user ? null : invitation.name,
      expiresAt: invitation.expiresAt.toISOString(),
    };
  }

  /** Answers a new session, as a login does. */
  async accept(token: string, input: AcceptInvitationRequest, client: SessionClient): Promise<StartedSession> {
    const invitation = await this.findUsable(token);
    const user = await this.accountOf(invitation);
    if (invitation.kind === 'password_reset') {
      if (!user) throw this.notFound();
      return this.setPassword(invitation, user, input, client);
    }
    return user ? this.joinWithAccount(invitation, user, input, client) : this.joinWithNewAccount(invitation, input, client);
  }

  /**
   * Consent of an existing account: its own password and code, checked as a login is (throttled,
   * audited) and opening its session. The new role may oblige the person to enroll a second factor:
   * that session is then exchanged for one limited to enrollment.
   */
  private async joinWithAccount(invitation: InvitationEntity, user: UserEntity, input: AcceptInvitationRequest, client: SessionClient): Promise<StartedSession> {
    const started = await this.login.login({ email: user.email, password: input.password, totpCode: input.totpCode }, client.ip ?? 'unknown', client.userAgent);
    try {
      await this.dataSource.transaction(async (m) => {
        const locked = await this.lockUsable(m, invitation.id);
        await this.addMembership(m, locked, user, client, false);
      });
    } catch (e) {
      await this.endSession(started, 'invitation_refused');
      throw e;
    }
    const fresh = await this.dataSource.manager.findOneByOrFail(UserEntity, { id: user.id });
    const enrollmentRequired = await this.login.enrollmentRequired(fresh);
    if (enrollmentRequired === started.totpEnrollmentRequired) return new StartedSession(started.accessToken, started.expiresIn, await this.users.view(fresh), enrollmentRequired);
    await this.endSession(started, 'totp_enrollment_required');
    return this.login.issue(fresh, enrollmentRequired, client);
  }

  private async joinWithNewAccount(invitation: InvitationEntity, input: AcceptInvitationRequest, client: SessionClient): Promise<StartedSession> {
    const name = input.name?.trim();
    if (!name) throw invalid('name', 'isNotEmpty', describeRule('name', 'isNotEmpty'));
    this.requireNewPassword(input.password);
    let user: UserEntity;
    try {
      user = await this.dataSource.transaction(async (m) => {
        const locked = await this.lockUsable(m, invitation.id);
        if (await this.users.findByEmail(locked.email, m)) throw this.accountAppeared();
        const created = await this.users.create({ email: locked.email, name, password: input.password }, m);
        await this.addMembership(m, locked, created, client, true);
        return created;
      });
    } catch (e) {
      if ((e as { driverError?: { constraint?: string } }).driverError?.constraint === 'users_email') throw this.accountAppeared();
      throw e;
    }
    return this.issue(user, client);
  }

  /** A reset link sets the new password; an account with a second factor still proves it, as at login. */
  private async setPassword(invitation: InvitationEntity, user: UserEntity, input: AcceptInvitationRequest, client: SessionClient): Promise<StartedSession> {
    this.requireNewPassword(input.password);
    if (user.totpSecret && !input.totpCode) throw invalid('totpCode', 'isNotEmpty', 'Введите шестизначный код из приложения-аутентификатора');
    const passwordHash = await this.hasher.hash(input.password);
    await this.dataSource.transaction(async (m) => {
      const locked = await this.lockUsable(m, invitation.id);
      await m.update(UserEntity, { id: user.id }, { passwordHash });
      await m.update(InvitationEntity, { id: locked.id }, { acceptedAt: new Date() });
      await this.audit.record({ actor: actorOf(user, client), organizationId: locked.organizationId, action: 'user.password_set', targetType: 'user', targetId: user.id, after: { email: user.email } }, m);
    });
    if (user.totpSecret) return this.login.login({ email: user.email, password: input.password, totpCode: input.totpCode }, client.ip ?? 'unknown', client.userAgent);
    return this.issue(user, client);
  }

  private async addMembership(m: EntityManager, invitation: InvitationEntity, user: UserEntity, client: SessionClient, createdAccount: boolean): Promise<void> {
    const organization = await m.findOneByOrFail(OrganizationEntity, { id: invitation.organizationId });
    if (organization.archivedAt) throw new ApiException(409, 'organization_archived', `Организация «${organization.name}» в архиве: присоединиться к ней сейчас нельзя. Обратитесь к её администратору`);
    const role = invitation.role;
    if (!role) throw this.notFound();
    const inserted = await m.createQueryBuilder().insert().into(MembershipEntity).values({ userId: user.id, organizationId: organization.id, role }).orIgnore().returning('id').execute();
    const membershipId = (inserted.raw as { id: string }[])[0]?.id;
    if (!membershipId) throw new ApiException(409, 'already_member', `У вас уже есть роль в организации «${organization.name}»`);
    await m.update(InvitationEntity, { id: invitation.id }, { acceptedAt: new Date() });
    await this.audit.record(
      { actor: actorOf(user, client), organizationId: organization.id, action: 'membership.added', targetType: 'membership', targetId: membershipId, after: { email: user.email, role, invitationId: invitation.id, createdAccount } },
      m,
    );
  }

  private async issue(user: UserEntity, client: SessionClient): Promise<StartedSession> {
    const fresh = await this.dataSource.manager.findOneByOrFail(UserEntity, { id: user.id });
    return this.login.issue(fresh, await this.login.enrollmentRequired(fresh), client);
  }

  private async endSession(started: StartedSession, reason: string): Promise<void> {
    const sessionId = sessionOf(started.accessToken);
    if (sessionId) await this.sessions.end(sessionId, reason);
  }

  private requireNewPassword(password: string): void {
    if (password.length < PASSWORD_MIN_LENGTH) throw invalid('password', 'minLength', describeRule('password', 'minLength', { constraints: [PASSWORD_MIN_LENGTH] }));
  }

  private accountOf(invitation: InvitationEntity): Promise<UserEntity | null> {
    return invitation.userId ? this.users.findById(invitation.userId) : this.users.findByEmail(invitation.email);
  }

  private async findUsable(token: string): Promise<InvitationEntity> {
    const invitation = isInvitationToken(token) ? await this.dataSource.manager.findOneBy(InvitationEntity, { tokenHash: hashInvitationToken(token) }) : null;
    if (!invitation) throw this.notFound();
    refuseClosed(invitation);
    return invitation;
  }

  /** The row locked for the rest of the transaction, checked again: two acceptances cannot both pass. */
  private async lockUsable(m: EntityManager, id: string): Promise<InvitationEntity> {
    const invitation = await m.findOne(InvitationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!invitation) throw this.notFound();
    refuseClosed(invitation);
    return invitation;
  }

  private notFound(): ApiException {
    return new ApiException(404, 'invitation_not_found', 'Ссылка не найдена. Проверьте, что она скопирована полностью, или попросите администратора прислать новую');
  }

  private accountAppeared(): ApiException {
    return new ApiException(409, 'account_exists', 'С этим адресом уже есть учётная запись. Обновите страницу и подтвердите приглашение паролем этой учётной записи');
  }
}

/** 410 for a link that existed but can no longer be used, saying why. */
function refuseClosed(invitation: InvitationEntity): void {
  const reset = invitation.kind === 'password_reset';
  if (invitation.acceptedAt) {
    throw new ApiException(410, 'invitation_used', reset ? 'Ссылка уже использована: пароль задан. Войдите с новым паролем' : 'Приглашение уже принято. Войдите в Вестник со своей учётной записью');
  }
  if (invitation.revokedAt) {
    throw new ApiException(410, 'invitation_revoked', reset ? 'Ссылка для смены пароля больше не действует: администратор выдал новую' : 'Приглашение отозвано администратором. Попросите прислать новое');
  }
  if (invitation.expiresAt.getTime() <= Date.now()) {
    throw new ApiException(410, 'invitation_expired', reset ? 'Срок действия ссылки для смены пароля истёк. Попросите администратора выдать новую' : 'Срок действия приглашения истёк. Попросите администратора прислать новое');
  }
}
