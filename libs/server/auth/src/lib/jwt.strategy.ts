import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-jwt';
import { AUTH_TOKEN_SECRET } from '@vestnik/server/persistence';
import type { SessionUser } from '@vestnik/server/http';
import { credentialsOf } from './session-cookies';
import type { AccessTokenClaims } from './token.service';
import { SessionsService } from './sessions.service';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(AUTH_TOKEN_SECRET) secret: string,
    private readonly sessions: SessionsService,
  ) {
    super({ jwtFromRequest: (req: Parameters<typeof credentialsOf>[0]) => credentialsOf(req)?.token ?? null, secretOrKey: secret, algorithms: ['HS256'] });
  }

  /** A signature is not enough: the session must be open, unexpired and the account's own, on every request. */
  validate(claims: Partial<AccessTokenClaims>): Promise<SessionUser | null> {
    return this.sessions.resolve(claims.sid, claims.sub);
  }
}
