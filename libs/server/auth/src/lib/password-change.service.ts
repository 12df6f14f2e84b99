import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ChangePasswordRequest } from '@vestnik/contracts';
import { ApiException, SignedInActor } from '@vestnik/server/http';
import { UserEntity } from '@vestnik/server/persistence';
import { LoginService, StartedSession } from './login.service';
import { PasswordHasher } from './password-hasher';
import { PersonAudit } from './person-audit';
import { SessionClient, SessionsService } from './sessions.service';
import { UsersService } from './users.service';

/**
 * A person changes his own password: the current one is checked as at login (throttled), every
 * session of his ends (another browser, a lost laptop), and the caller gets a new one.
 */
@Injectable()
export class PasswordChangeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly login: LoginService,
    private readonly sessions: SessionsService,
    private readonly audit: PersonAudit,
  ) {}

  async change(actor: SignedInActor, input: ChangePasswordRequest, client: SessionClient): Promise<StartedSession> {
    const user = await this.users.findById(actor.user.id);
    if (!user) throw new ApiException(401, 'unauthorized', 'Требуется вход в систему');
    if (input.newPassword === input.currentPassword) {
      const message = 'Новый пароль должен отличаться от текущего';
      throw new ApiException(400, 'validation_failed', `Проверьте данные: ${message}`, { errors: [{ field: 'newPassword', rule: 'differsFromCurrent', message }] });
    }
    await this.login.confirmPassword(user, input.currentPassword, actor.ip ?? 'unknown', 'currentPassword');
    const passwordHash = await this.hasher.hash(input.newPassword);
    await this.dataSource.transaction(async (m) => {
      await m.update(UserEntity, { id: user.id }, { passwordHash });
      await this.sessions.endAllForUser(user.id, 'password_changed', m);
      await this.audit.record(actor, user, 'auth.password_changed', {}, m);
    });
    return this.login.issue(user, await this.login.enrollmentRequired(user), client);
  }
}
