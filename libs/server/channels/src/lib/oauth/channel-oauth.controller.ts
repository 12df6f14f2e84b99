import { Body, Controller, Get, HttpCode, Param, Post, Query, Redirect, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiFoundResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ChannelOAuthConnectionView, CreateOAuthChannelsRequest, CreateOAuthChannelsResponse, OAUTH_PLATFORMS, StartChannelOAuthRequest, StartChannelOAuthResponse } from '@vestnik/contracts';
import { CurrentActor, Public, SignedInActor } from '@vestnik/server/http';
import { ChannelOAuthConnectionsService } from './channel-oauth-connections.service';
import { ChannelOAuthFlowService } from './channel-oauth-flow.service';
import { browserCookieName, cookieValue } from './oauth-secrets';

/** A query parameter given once, as text; anything else counts as absent. */
const single = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** The path's platform: only those connected through their OAuth page. */
const PLATFORM_PARAM = { name: 'platform', enum: OAUTH_PLATFORMS, description: 'VK (VK ID) or OK' } as const;

@ApiTags('channels')
@Controller('v1/channels/oauth')
export class ChannelOAuthController {
  constructor(
    private readonly flow: ChannelOAuthFlowService,
    private readonly connections: ChannelOAuthConnectionsService,
  ) {}

  @Post(':platform/start')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiParam(PLATFORM_PARAM)
  @ApiOperation({ summary: 'Start connecting VK (VK ID with PKCE) or OK pages: answers the consent page URL and binds the flow to this browser with a cookie' })
  async start(
    @CurrentActor() actor: SignedInActor,
    @Param('platform') platform: string,
    @Body() body: StartChannelOAuthRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StartChannelOAuthResponse> {
    const started = await this.flow.start(actor, platform, body.organizationId);
    res.cookie(started.cookie.name, started.cookie.value, started.cookie.options);
    return { authorizeUrl: started.authorizeUrl, expiresAt: started.expiresAt };
  }

  @Public()
  @Get(':platform/callback')
  @Redirect()
  @ApiParam(PLATFORM_PARAM)
  @ApiQuery({ name: 'code', type: String, required: false, description: 'From the platform on consent: exchanged once for the tokens' })
  @ApiQuery({ name: 'state', type: String, required: false, description: 'From the platform: the value our start put in the consent URL' })
  @ApiQuery({ name: 'device_id', type: String, required: false, description: 'From VK ID: the device the code is bound to' })
  @ApiQuery({ name: 'error', type: String, required: false, description: 'From the platform when the person refused or it failed' })
  @ApiFoundResponse({
    description: 'Always a redirect to the editor, never a body; the outcome is in the address',
    headers: { Location: { description: '/channels/connect?connection=<id> on success, /channels/connect?error=<code>&platform=<vk|ok> otherwise', schema: { type: 'string', example: '/channels/connect?connection=8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d1e' } } },
  })
  @ApiOperation({
    summary:
      'The platform sends the browser here. Redirects to /channels/connect?connection=<id>, or ?error=<code>&platform=<p> with oauth_state_invalid, oauth_state_expired, oauth_browser_mismatch, oauth_denied, oauth_code_missing, oauth_unavailable or oauth_exchange_failed',
  })
  async callback(
    @Param('platform') platform: string,
    @Query() query: Record<string, unknown>,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ url: string; statusCode: number }> {
    const params = { code: single(query['code']), state: single(query['state']), deviceId: single(query['device_id']), error: single(query['error']) };
    const url = await this.flow.callback(platform, params, cookieValue(req.headers.cookie, browserCookieName(platform)), req.ip ?? null);
    const spent = this.flow.spentCookie(platform);
    res.cookie(spent.name, spent.value, spent.options);
    return { url, statusCode: 302 };
  }

  @Get('connections/:id')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The pages a pending connection may post to (never its tokens); only for the person who started it' })
  connection(@CurrentActor() actor: SignedInActor, @Param('id') id: string): Promise<ChannelOAuthConnectionView> {
    return this.connections.view(actor, id);
  }

  @Post('connections/:id/channels')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Create channels from the chosen pages, each verified through the platform; per-page refusals in errors. The connection is then deleted.' })
  createChannels(@CurrentActor() actor: SignedInActor, @Param('id') id: string, @Body() body: CreateOAuthChannelsRequest): Promise<CreateOAuthChannelsResponse> {
    return this.connections.createChannels(actor, id, body);
  }
}
