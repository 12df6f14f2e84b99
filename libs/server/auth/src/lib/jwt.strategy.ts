import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AUTH_TOKEN_SECRET } from '@vestnik/server/persistence';
import type { AuthUser } from '@vestnik/server/http';
import type { AccessTokenClaims } from './token.service';
import { UsersService } from './users.service';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(AUTH_TOKEN_SECRET) secret: string,
    private readonly users: UsersService,
  ) {
    super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: secret, algorithms: ['HS256'] });
  }

  /** The account must still exist: a removed user's tokens stop working at once. */
  async validate(claims: AccessTokenClaims): Promise<AuthUser | false> {
    const user = await this.users.findById(claims.sub);
    if (!user) return false;
    return { id: user.id, email: user.email, name: user.name, enrollmentOnly: claims.enr === true };
  }
}
