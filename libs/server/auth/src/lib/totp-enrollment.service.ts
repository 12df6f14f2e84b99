import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { TotpSetupResponse, UserView } from '@vestnik/contracts';
import { AuditLog } from '@vestnik/server/audit';
import { SignedInActor, ApiException } from '@vestnik/server/http';
import { SECRET_BOX, SecretBox, UserEntity, userSecretAt } from '@vestnik/server/persistence';
import { acceptTotp, newTotpSecret, otpauthUrl } from './totp';
import { UsersService } from './users.service';

/** Turning the second factor on and off; secrets are sealed at rest and shown once. */
@Injectable()
export class TotpEnrollmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SECRET_BOX) private readonly box: SecretBox,
    private readonly users: UsersService,
    private readonly audit: AuditLog,
  ) {}

  async begin(actor: SignedInActor): Promise<TotpSetupResponse> {
    const user = await this.load(actor);
    if (user.totpSecret) throw new ApiException(409, 'totp_already_enabled', 'Второй фактор уже подключён. Чтобы сменить устройство, сначала отключите его');
    const secret = newTotpSecret();
    await this.dataSource.manager.update(UserEntity, { id: user.id }, { totpPendingSecret: this.box.seal(secret, userSecretAt(user.id, 'totp_pending_secret')) });
    return { secret, otpauthUrl: otpauthUrl(secret, user.email) };
  }

  async enable(actor: SignedInActor, code: string): Promise<UserView> {
    const user = await this.load(actor);
    if (user.totpSecret) throw new ApiException(409, 'totp_already_enabled', 'Второй фактор уже подключён');
    if (!user.totpPendingSecret) throw new ApiException(409, 'totp_not_started', 'Сначала получите новый секрет для приложения-аутентификатора');
    const secret = this.box.open(user.totpPendingSecret, userSecretAt(user.id, 'totp_pending_secret'));
    const step = acceptTotp(secret, code, null);
    if (step === null) throw new ApiException(400, 'totp_invalid', 'Код неверен. Проверьте время на телефоне и введите текущий код', { errors: [{ field: 'code', rule: 'totp', message: 'Код неверен' }] });
    await this.dataSource.transaction(async (m) => {
      await m.update(UserEntity, { id: user.id }, { totpSecret: this.box.seal(secret, userSecretAt(user.id, 'totp_secret')), totpPendingSecret: null, totpLastStep: String(step) });
      await this.auditEach(actor, user, 'auth.totp_enabled', m);
    });
    return this.users.viewById(user.id);
  }

  async disable(actor: SignedInActor, code: string): Promise<UserView> {
    const user = await this.load(actor);
    if (!user.totpSecret) throw new ApiException(409, 'totp_not_enabled', 'Второй фактор не подключён');
    if (await this.users.mustUseTotp(user.id)) {
      throw new ApiException(409, 'totp_required_by_organization', 'Ваша организация требует второй фактор для администраторов: отключить его нельзя');
    }
    const step = acceptTotp(this.box.open(user.totpSecret, userSecretAt(user.id, 'totp_secret')), code, user.totpLastStep === null ? null : Number(user.totpLastStep));
    if (step === null) throw new ApiException(400, 'totp_invalid', 'Код неверен или уже использован', { errors: [{ field: 'code', rule: 'totp', message: 'Код неверен' }] });
    await this.dataSource.transaction(async (m) => {
      await m.update(UserEntity, { id: user.id }, { totpSecret: null, totpPendingSecret: null, totpLastStep: null });
      await this.auditEach(actor, user, 'auth.totp_disabled', m);
    });
    return this.users.viewById(user.id);
  }

  private async load(actor: SignedInActor): Promise<UserEntity> {
    const user = actor.user && (await this.users.findById(actor.user.id));
    if (!user) throw new ApiException(401, 'unauthorized', 'Требуется вход в систему');
    return user;
  }

  private async auditEach(actor: SignedInActor, user: UserEntity, action: string, m: import('typeorm').EntityManager): Promise<void> {
    for (const organizationId of await this.users.membershipOrganizationIds(user.id)) {
      await this.audit.record({ actor, organizationId, action, targetType: 'user', targetId: user.id, after: { email: user.email } }, m);
    }
  }
}
