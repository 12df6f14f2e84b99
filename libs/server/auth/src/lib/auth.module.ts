import { Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { AuditModule } from '@vestnik/server/audit';
import { AUTH_TOKEN_SECRET } from '@vestnik/server/persistence';
import { AccessService } from './access.service';
import { AccessTokenGuard } from './auth.guard';
import { AuthController } from './auth.controller';
import { JwtStrategy } from './jwt.strategy';
import { LoginService } from './login.service';
import { LoginThrottle } from './login-throttle';
import { PasswordChangeService } from './password-change.service';
import { PreferencesService } from './preferences.service';
import { PasswordHasher } from './password-hasher';
import { PersonAudit } from './person-audit';
import { SessionCookiesInterceptor } from './session-cookies.interceptor';
import { SessionsService } from './sessions.service';
import { TokenService } from './token.service';
import { TotpEnrollmentService } from './totp-enrollment.service';
import { UsersService } from './users.service';

@Module({
  imports: [
    AuditModule,
    PassportModule,
    JwtModule.registerAsync({
      inject: [AUTH_TOKEN_SECRET],
      useFactory: (secret: string) => ({ secret, signOptions: { algorithm: 'HS256' } }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    PasswordHasher,
    UsersService,
    PersonAudit,
    SessionsService,
    TokenService,
    LoginThrottle,
    LoginService,
    PasswordChangeService,
    PreferencesService,
    TotpEnrollmentService,
    AccessService,
    JwtStrategy,
    { provide: APP_GUARD, useClass: AccessTokenGuard },
    { provide: APP_INTERCEPTOR, useClass: SessionCookiesInterceptor },
  ],
  exports: [AccessService, UsersService, LoginService, PasswordHasher, SessionsService],
})
export class AuthModule {}
