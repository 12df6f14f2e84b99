import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AcceptInvitationRequest, InvitationDetails, LoginResponse } from '@vestnik/contracts';
import { Public } from '@vestnik/server/http';
import { InvitationAcceptance } from './invitation-acceptance.service';

/** The page behind a one-time link (an invitation or a password reset): no sign-in, the token is the key. */
@ApiTags('invitations')
@Controller('v1/invitations')
export class InvitationsController {
  constructor(private readonly acceptance: InvitationAcceptance) {}

  @Public()
  @Get(':token')
  @ApiOperation({ summary: 'What the link offers: organization, role, e-mail, whether to sign in or create an account. 404 unknown; 410 invitation_expired, invitation_revoked, invitation_used' })
  describe(@Param('token') token: string): Promise<InvitationDetails> {
    return this.acceptance.describe(token);
  }

  @Public()
  @Post(':token/accept')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Accept: a new person gives name and password; an existing account confirms with its password (and TOTP code); a reset sets the new password. Answers a new session as login does (cookies for the editor). 401 and 429 as at login; 410 as above',
  })
  accept(@Param('token') token: string, @Body() body: AcceptInvitationRequest, @Req() req: Request): Promise<LoginResponse> {
    return this.acceptance.accept(token, body, { ip: req.ip ?? null, userAgent: req.get('user-agent') ?? null });
  }
}
