import { Body, Controller, Get, HttpCode, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ChangePasswordRequest, CurrentUserView, LoginRequest, LoginResponse, TotpCodeRequest, TotpSetupResponse, UpdateMeRequest } from '@vestnik/contracts';
import { SignedInActor, AllowDuringEnrollment, CurrentActor, CurrentSessionId, CurrentUser, Public, SessionUser } from '@vestnik/server/http';
import { LoginService } from './login.service';
import { PasswordChangeService } from './password-change.service';
import { PreferencesService } from './preferences.service';
import { clearSessionCookies } from './session-cookies';
import { SessionClient } from './sessions.service';
import { TotpEnrollmentService } from './totp-enrollment.service';
import { UsersService } from './users.service';

const clientOf = (req: Request): SessionClient => ({ ip: req.ip ?? null, userAgent: req.get('user-agent') ?? null });

const SESSION_ANSWER =
  'Answers a new session: `accessToken` in the body, or, when the request carries `X-Vestnik-Session: cookie` (the editor), HttpOnly `vestnik_session` and readable `vestnik_csrf` cookies instead.';

@ApiTags('auth')
@Controller('v1/auth')
export class AuthController {
  constructor(
    private readonly login: LoginService,
    private readonly passwords: PasswordChangeService,
    private readonly totp: TotpEnrollmentService,
    private readonly users: UsersService,
    private readonly preferences: PreferencesService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in. 401 codes: invalid_credentials, totp_required, totp_invalid; 429 too_many_attempts.', description: SESSION_ANSWER })
  signIn(@Body() body: LoginRequest, @Req() req: Request): Promise<LoginResponse> {
    return this.login.login(body, req.ip ?? 'unknown', req.get('user-agent') ?? null);
  }

  @Post('logout')
  @HttpCode(204)
  @AllowDuringEnrollment()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End the current session: its token stops working at once; the session cookies are cleared' })
  async signOut(@CurrentActor() actor: SignedInActor, @CurrentSessionId() sessionId: string, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.login.logout(actor, sessionId);
    clearSessionCookies(res);
  }

  @Get('me')
  @AllowDuringEnrollment()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in person, the roles held, and whether the session is limited to second-factor enrollment' })
  async me(@CurrentUser() user: SessionUser): Promise<CurrentUserView> {
    return this.users.currentView(user.id, user.enrollmentOnly);
  }

  @Patch('me')
  @AllowDuringEnrollment()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change the own preferences (the editor\'s language); audited as person.language_changed when it changes. 400 names the field and rule.' })
  async updateMe(@CurrentUser() user: SessionUser, @CurrentActor() actor: SignedInActor, @Body() body: UpdateMeRequest): Promise<CurrentUserView> {
    return this.preferences.setLanguage(actor, body.language, user.enrollmentOnly);
  }

  @Post('password')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Change the own password: ends every session of the person. 400 wrong_password (field currentPassword, counted as a failed login); 429 too_many_attempts.',
    description: SESSION_ANSWER,
  })
  changePassword(@CurrentActor() actor: SignedInActor, @Body() body: ChangePasswordRequest, @Req() req: Request): Promise<LoginResponse> {
    return this.passwords.change(actor, body, clientOf(req));
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
  @ApiOperation({ summary: 'Turn the second factor on; ends this session (also one limited to enrollment).', description: SESSION_ANSWER })
  totpEnable(@CurrentActor() actor: SignedInActor, @CurrentSessionId() sessionId: string, @Body() body: TotpCodeRequest, @Req() req: Request): Promise<LoginResponse> {
    return this.totp.enable(actor, sessionId, body.code, clientOf(req));
  }

  @Post('totp/disable')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Turn the second factor off; ends this session.', description: SESSION_ANSWER })
  totpDisable(@CurrentActor() actor: SignedInActor, @CurrentSessionId() sessionId: string, @Body() body: TotpCodeRequest, @Req() req: Request): Promise<LoginResponse> {
    return this.totp.disable(actor, sessionId, body.code, clientOf(req));
  }
}
