import { ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { VESTNIK_CONFIG, VestnikConfig } from '@vestnik/server/config';
import { ALLOW_DURING_ENROLLMENT, ApiException, IS_PUBLIC, SessionUser } from '@vestnik/server/http';
import { credentialsOf, passesCsrfCheck } from './session-cookies';

/**
 * Global guard: every endpoint needs a signed-in session unless marked @Public(), by a bearer token
 * or by the editor's session cookie; a cookie alone does not let a request change anything without
 * the CSRF token.
 */
@Injectable()
export class AccessTokenGuard extends AuthGuard('jwt') {
  private readonly allowedOrigins: string[];

  constructor(
    private readonly reflector: Reflector,
    @Inject(VESTNIK_CONFIG) config: VestnikConfig,
  ) {
    super();
    this.allowedOrigins = [new URL(config.notifications.publicUrl).origin];
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & { user: SessionUser }>();
    if (credentialsOf(request)?.via === 'cookie' && !passesCsrfCheck(request, this.allowedOrigins)) {
      throw new ApiException(403, 'csrf_failed', 'Запрос отклонён: не подтверждено, что он отправлен со страницы Вестника. Обновите страницу и повторите');
    }
    await super.canActivate(context);
    if (request.user.enrollmentOnly && !this.reflector.getAllAndOverride<boolean>(ALLOW_DURING_ENROLLMENT, targets)) {
      throw new ApiException(403, 'totp_enrollment_required', 'Ваша организация требует второй фактор для администраторов: подключите его в настройках безопасности.');
    }
    return true;
  }

  override handleRequest<T>(err: unknown, user: T): T {
    if (err || !user) throw new ApiException(401, 'unauthorized', 'Требуется вход в систему: сеанс отсутствует или истёк');
    return user;
  }
}
