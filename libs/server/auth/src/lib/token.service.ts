import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { VESTNIK_CONFIG, VestnikConfig } from '@vestnik/server/config';

export interface AccessTokenClaims {
  sub: string;
  /** Present when the token only opens second-factor enrollment. */
  enr?: true;
}

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(VESTNIK_CONFIG) private readonly config: VestnikConfig,
  ) {}

  get ttlSeconds(): number {
    return this.config.accessTokenTtlSeconds;
  }

  issue(userId: string, enrollmentOnly: boolean): Promise<string> {
    const claims: AccessTokenClaims = enrollmentOnly ? { sub: userId, enr: true } : { sub: userId };
    return this.jwt.signAsync(claims, { expiresIn: this.config.accessTokenTtlSeconds });
  }
}
