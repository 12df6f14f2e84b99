import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { LoginRequest, LoginResponse } from '@vestnik/contracts';
import { AuditLog } from '@vestnik/server/audit';
import { ApiException, Actor } from '@vestnik/server/http';
import { SECRET_BOX, SecretBox, UserEntity, userSecretAt } from '@vestnik/server/persistence';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import { TokenService } from './token.service';
import { acceptTotp } from './totp';
import { normalizeEmail, UsersService } from './users.service';

@Injectable()
export class LoginService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SECRET_BOX) private readonly box: SecretBox,
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly tokens: TokenService,
    private readonly audit: AuditLog,
  ) {}

  async login(input: LoginRequest, ip: string): Promise<LoginResponse> {
    const email = normalizeEmail(input.email);
    await this.throttle.check(email, ip);
    const user = await this.users.findByEmail(email);
    const passwordOk = await this.hasher.verify(user?.passwordHash ?? null, input.password);
    if (!user || !passwordOk) {
      await this.fail(email, ip, user, 'password');
      throw new ApiException(401, 'invalid_credentials', 'Неверный адрес электронной почты или пароль');
    }
    if (user.totpSecret) {
      if (!input.totpCode) {
        throw new ApiException(401, 'totp_required', 'Введите шестизначный код из приложения-аутентификатора');
      }
      const step = acceptTotp(this.box.open(user.totpSecret, userSecretAt(user.id, 'totp_secret')), input.totpCode, user.totpLastStep === null ? null : Number(user.totpLastStep));
      if (step === null) {
        await this.fail(email, ip, user, 'totp');
        throw new ApiException(401, 'totp_invalid', 'Код неверен или уже использован. Дождитесь нового кода и попробуйте снова');
      }
      await this.dataSource.manager.update(UserEntity, { id: user.id }, { totpLastStep: String(step) });
    }
    await this.throttle.record(email, ip, true);
    await this.dataSource.manager.update(UserEntity, { id: user.id }, { lastLoginAt: new Date() });
    const enrollmentRequired = !user.totpSecret && (await this.users.mustUseTotp(user.id));
    await this.auditEach(user, ip, 'auth.login', { totp: user.totpSecret !== null, enrollmentRequired });
    return this.issue(user, enrollmentRequired);
  }

  /** Token and profile for a user who has just proven who he is (login or first-run setup). */
  async issue(user: UserEntity, enrollmentRequired: boolean): Promise<LoginResponse> {
    return {
      accessToken: await this.tokens.issue(user.id, enrollmentRequired),
      expiresIn: this.tokens.ttlSeconds,
      user: await this.users.view(user),
      totpEnrollmentRequired: enrollmentRequired,
    };
  }

  private async fail(email: string, ip: string, user: UserEntity | null, factor: 'password' | 'totp'): Promise<void> {
    await this.throttle.record(email, ip, false);
    if (user) {
      await this.auditEach(user, ip, 'auth.login_failed', { factor });
    } else {
      await this.audit.record({ actor: { user: null, ip }, organizationId: null, action: 'auth.login_failed', targetType: 'user', targetId: null, after: { email, factor } });
    }
  }

  /** Login events are written under each organization the person belongs to, so its admins see them. */
  private async auditEach(user: UserEntity, ip: string, action: string, after: Record<string, unknown>): Promise<void> {
    const actor: Actor = { user: { id: user.id, email: user.email, name: user.name, enrollmentOnly: false }, ip };
    const orgs = await this.users.membershipOrganizationIds(user.id);
    for (const organizationId of orgs.length ? orgs : [null]) {
      await this.audit.record({ actor, organizationId, action, targetType: 'user', targetId: user.id, after: { email: user.email, ...after } });
    }
  }
}
