import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { LoginRequest, LoginResponse, UserView } from '@vestnik/contracts';
import { ApiException, Actor, SignedInActor } from '@vestnik/server/http';
import { SECRET_BOX, SecretBox, UserEntity, userSecretAt } from '@vestnik/server/persistence';
import { LoginAttemptSlot, LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import { PersonAudit } from './person-audit';
import { NO_CLIENT, SessionClient, SessionsService } from './sessions.service';
import { TokenService } from './token.service';
import { acceptTotp } from './totp';
import { normalizeEmail, UsersService } from './users.service';

/**
 * A login answer that has just started a session. Answers of this class (and only these) may have
 * their token moved into the editor's cookies by `SessionCookiesInterceptor`.
 */
export class StartedSession implements LoginResponse {
  constructor(
    readonly accessToken: string,
    readonly expiresIn: number,
    readonly user: UserView,
    readonly totpEnrollmentRequired: boolean,
  ) {}
}

@Injectable()
export class LoginService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SECRET_BOX) private readonly box: SecretBox,
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly tokens: TokenService,
    private readonly sessions: SessionsService,
    private readonly audit: PersonAudit,
  ) {}

  async login(input: LoginRequest, ip: string, userAgent: string | null = null): Promise<StartedSession> {
    const email = normalizeEmail(input.email);
    const slot = await this.throttle.reserve(email, ip);
    const user = await this.users.findByEmail(email);
    const passwordOk = await this.hasher.verify(user?.passwordHash ?? null, input.password);
    if (!user || !passwordOk) {
      await this.fail(slot, email, ip, user, 'password');
      throw new ApiException(401, 'invalid_credentials', 'Неверный адрес электронной почты или пароль');
    }
    if (user.totpSecret) {
      if (!input.totpCode) {
        await this.throttle.settle(slot, 'uncounted');
        throw new ApiException(401, 'totp_required', 'Введите шестизначный код из приложения-аутентификатора');
      }
      if (!(await this.spendTotp(user, input.totpCode))) {
        await this.fail(slot, email, ip, user, 'totp');
        throw new ApiException(401, 'totp_invalid', 'Код неверен или уже использован. Дождитесь нового кода и попробуйте снова');
      }
    }
    await this.throttle.settle(slot, 'succeeded');
    await this.dataSource.manager.update(UserEntity, { id: user.id }, { lastLoginAt: new Date() });
    const enrollmentRequired = await this.enrollmentRequired(user);
    await this.audit.record(actorOf(user, ip), user, 'auth.login', { totp: user.totpSecret !== null, enrollmentRequired });
    return this.issue(user, enrollmentRequired, { ip, userAgent });
  }

  /**
   * Checks the signed-in person's own password before a sensitive change, throttled and counted as a
   * login attempt: a wrong one answers 400 naming `field`.
   */
  async confirmPassword(user: UserEntity, password: string, ip: string, field: string): Promise<void> {
    const slot = await this.throttle.reserve(user.email, ip);
    if (!(await this.hasher.verify(user.passwordHash, password))) {
      await this.fail(slot, user.email, ip, user, 'password');
      throw new ApiException(400, 'wrong_password', 'Текущий пароль введён неверно', { errors: [{ field, rule: 'currentPassword', message: 'Текущий пароль введён неверно' }] });
    }
    await this.throttle.settle(slot, 'succeeded');
  }

  /** A new session, its token and the profile, for a user who has just proven who he is. */
  async issue(user: UserEntity, enrollmentRequired: boolean, client: SessionClient = NO_CLIENT): Promise<StartedSession> {
    const session = await this.sessions.start(user.id, enrollmentRequired, client);
    return new StartedSession(await this.tokens.issue(user.id, session.id), this.tokens.ttlSeconds, await this.users.view(user), enrollmentRequired);
  }

  /** True while the person must turn the second factor on before anything else (his organization requires it). */
  async enrollmentRequired(user: UserEntity): Promise<boolean> {
    return !user.totpSecret && (await this.users.mustUseTotp(user.id));
  }

  /** Ends the request's own session. */
  async logout(actor: SignedInActor, sessionId: string): Promise<void> {
    if (await this.sessions.end(sessionId, 'logout')) await this.audit.record(actor, actor.user, 'auth.logout');
  }

  /** A code is accepted once, even when two logins present it at the same moment. */
  private async spendTotp(user: UserEntity, code: string): Promise<boolean> {
    if (!user.totpSecret) return false;
    const step = acceptTotp(this.box.open(user.totpSecret, userSecretAt(user.id, 'totp_secret')), code, user.totpLastStep === null ? null : Number(user.totpLastStep));
    return step !== null && (await this.users.claimTotpStep(user.id, step));
  }

  private async fail(slot: LoginAttemptSlot, email: string, ip: string, user: UserEntity | null, factor: 'password' | 'totp'): Promise<void> {
    await this.throttle.settle(slot, 'failed');
    await this.audit.record(user ? actorOf(user, ip) : { user: null, ip }, user ?? { id: null, email }, 'auth.login_failed', { factor });
  }
}

function actorOf(user: UserEntity, ip: string): Actor {
  return { user: { id: user.id, email: user.email, name: user.name, enrollmentOnly: false }, ip };
}
