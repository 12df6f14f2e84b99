import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { ALLOW_DURING_ENROLLMENT, ApiException, AuthUser, IS_PUBLIC } from '@vestnik/server/http';

/** Global guard: every endpoint needs a bearer token unless marked @Public(). */
@Injectable()
export class AccessTokenGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    await super.canActivate(context);
    const user = context.switchToHttp().getRequest<{ user: AuthUser }>().user;
    if (user.enrollmentOnly && !this.reflector.getAllAndOverride<boolean>(ALLOW_DURING_ENROLLMENT, targets)) {
      throw new ApiException(403, 'totp_enrollment_required', 'Ваша организация требует второй фактор для администраторов: подключите его в настройках безопасности.');
    }
    return true;
  }

  override handleRequest<T>(err: unknown, user: T): T {
    if (err || !user) throw new ApiException(401, 'unauthorized', 'Требуется вход в систему: сеанс отсутствует или истёк');
    return user;
  }
}
