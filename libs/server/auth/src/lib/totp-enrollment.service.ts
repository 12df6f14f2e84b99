import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { TotpSetupResponse } from '@vestnik/contracts';
import { SignedInActor, ApiException } from '@vestnik/server/http';
import { SECRET_BOX, SecretBox, UserEntity, userSecretAt } from '@vestnik/server/persistence';
import { LoginService, StartedSession } from './login.service';
import { PersonAudit } from './person-audit';
import { SessionClient, SessionsService } from './sessions.service';
import { acceptTotp, newTotpSecret, otpauthUrl } from './totp';
import { UsersService } from './users.service';

/**
 * Turning the second factor on and off; secrets are sealed at rest and shown once. Either change
 * ends the session it was made in and answers a new one: a session limited to enrollment becomes a
 * full one the moment the factor is on, with no stale token left behind.
 */
@Injectable()
export class TotpEnrollmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SECRET_BOX) private readonly box: SecretBox,
    private readonly users: UsersService,
    private readonly login: LoginService,
    private readonly sessions: SessionsService,
    private readonly audit: PersonAudit,
  ) {}

  async begin(actor: SignedInActor): Promise<TotpSetupResponse> {
    const user = await this.load(actor);
    if (user.totpSecret) throw new ApiException(409, 'totp_already_enabled', 'Второй фактор уже подключён. Чтобы сменить устройство, сначала отключите его');
    const secret = newTotpSecret();
    await this.dataSource.manager.update(UserEntity, { id: user.id }, { totpPendingSecret: this.box.seal(secret, userSecretAt(user.id, 'totp_pending_secret')) });
    return { secret, otpauthUrl: otpauthUrl(secret, user.email) };
  }

  async enable(actor: SignedInActor, sessionId: string, code: string, client: SessionClient): Promise<StartedSession> {
    const user = await this.load(actor);
    if (user.totpSecret) throw new ApiException(409, 'totp_already_enabled', 'Второй фактор уже подключён');
    if (!user.totpPendingSecret) throw new ApiException(409, 'totp_not_started', 'Сначала получите новый секрет для приложения-аутентификатора');
    const secret = this.box.open(user.totpPendingSecret, userSecretAt(user.id, 'totp_pending_secret'));
    const step = acceptTotp(secret, code, null);
    if (step === null) throw invalidCode('Код неверен. Проверьте время на телефоне и введите текущий код');
    await this.dataSource.transaction(async (m) => {
      await m.update(UserEntity, { id: user.id }, { totpSecret: this.box.seal(secret, userSecretAt(user.id, 'totp_secret')), totpPendingSecret: null, totpLastStep: String(step) });
      await this.sessions.end(sessionId, 'totp_enabled', m);
      await this.audit.record(actor, user, 'auth.totp_enabled', {}, m);
    });
    return this.reissue(user.id, client);
  }

  async disable(actor: SignedInActor, sessionId: string, code: string, client: SessionClient): Promise<StartedSession> {
    const user = await this.load(actor);
    if (!user.totpSecret) throw new ApiException(409, 'totp_not_enabled', 'Второй фактор не подключён');
    if (await this.users.mustUseTotp(user.id)) {
      throw new ApiException(409, 'totp_required_by_organization', 'Ваша организация требует второй фактор для администраторов: отключить его нельзя');
    }
    const step = acceptTotp(this.box.open(user.totpSecret, userSecretAt(user.id, 'totp_secret')), code, user.totpLastStep === null ? null : Number(user.totpLastStep));
    if (step === null) throw invalidCode('Код неверен или уже использован');
    await this.dataSource.transaction(async (m) => {
      if (!(await this.users.claimTotpStep(user.id, step, m))) throw invalidCode('Код неверен или уже использован');
      await m.update(UserEntity, { id: user.id }, { totpSecret: null, totpPendingSecret: null, totpLastStep: null });
      await this.sessions.end(sessionId, 'totp_disabled', m);
      await this.audit.record(actor, user, 'auth.totp_disabled', {}, m);
    });
    return this.reissue(user.id, client);
  }

  private async reissue(userId: string, client: SessionClient): Promise<StartedSession> {
    const fresh = await this.dataSource.manager.findOneByOrFail(UserEntity, { id: userId });
    return this.login.issue(fresh, await this.login.enrollmentRequired(fresh), client);
  }

  private async load(actor: SignedInActor): Promise<UserEntity> {
    const user = await this.users.findById(actor.user.id);
    if (!user) throw new ApiException(401, 'unauthorized', 'Требуется вход в систему');
    return user;
  }
}

function invalidCode(message: string): ApiException {
  return new ApiException(400, 'totp_invalid', message, { errors: [{ field: 'code', rule: 'totp', message: 'Код неверен' }] });
}
