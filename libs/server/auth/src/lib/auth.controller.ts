import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { LoginRequest, LoginResponse, TotpCodeRequest, TotpSetupResponse, UserView } from '@vestnik/contracts';
import { SignedInActor, AllowDuringEnrollment, AuthUser, CurrentActor, CurrentUser, Public } from '@vestnik/server/http';
import { LoginService } from './login.service';
import { TotpEnrollmentService } from './totp-enrollment.service';
import { UsersService } from './users.service';

@ApiTags('auth')
@Controller('v1/auth')
export class AuthController {
  constructor(
    private readonly login: LoginService,
    private readonly totp: TotpEnrollmentService,
    private readonly users: UsersService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in; answers a bearer token. 401 codes: invalid_credentials, totp_required, totp_invalid; 429 too_many_attempts.' })
  signIn(@Body() body: LoginRequest, @Req() req: Request): Promise<LoginResponse> {
    return this.login.login(body, req.ip ?? 'unknown');
  }

  @Get('me')
  @AllowDuringEnrollment()
  @ApiBearerAuth()
  async me(@CurrentUser() user: AuthUser): Promise<UserView> {
    return this.users.viewById(user.id);
  }

  @Post('totp/setup')
  @HttpCode(200)
  @AllowDuringEnrollment()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Start second-factor enrollment: a new secret for an authenticator app' })
  totpSetup(@CurrentActor() actor: SignedInActor): Promise<TotpSetupResponse> {
    return this.totp.begin(actor);
  }

  @Post('totp/enable')
  @HttpCode(200)
  @AllowDuringEnrollment()
  @ApiBearerAuth()
  totpEnable(@CurrentActor() actor: SignedInActor, @Body() body: TotpCodeRequest): Promise<UserView> {
    return this.totp.enable(actor, body.code);
  }

  @Post('totp/disable')
  @HttpCode(200)
  @ApiBearerAuth()
  totpDisable(@CurrentActor() actor: SignedInActor, @Body() body: TotpCodeRequest): Promise<UserView> {
    return this.totp.disable(actor, body.code);
  }
}
