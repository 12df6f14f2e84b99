import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNotEmpty, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import type { ChannelView } from './channels.dto';

/** Platforms whose pages can be connected through their OAuth page (VK ID with PKCE, OK OAuth). */
export const OAUTH_PLATFORMS = ['vk', 'ok'] as const;
export type OAuthPlatform = (typeof OAUTH_PLATFORMS)[number];

/** `POST /api/v1/channels/oauth/{vk|ok}/start`: an admin of the organization starts connecting. */
export class StartChannelOAuthRequest {
  @IsUUID()
  organizationId!: string;
}

export interface StartChannelOAuthResponse {
  /** Open it in the browser: the platform's consent page, which comes back to our callback. */
  authorizeUrl: string;
  /** When the request stops being accepted back (10 minutes). */
  expiresAt: string;
}

/** A community or group the signed-in platform account may publish to. */
export interface OAuthPageView {
  /** As a channel's target is written (`club123`, an OK group id). */
  target: string;
  name: string;
  /** Already connected in Vestnik: connecting it again would be refused. */
  alreadyConnected: boolean;
}

/** `GET /api/v1/channels/oauth/connections/:id`: the pending connection, never its tokens. */
export interface ChannelOAuthConnectionView {
  id: string;
  platform: OAuthPlatform;
  organizationId: string;
  expiresAt: string;
  pages: OAuthPageView[];
}

export class OAuthPageChoice {
  /** One of the connection's pages. */
  @IsString() @IsNotEmpty() @MaxLength(100)
  target!: string;

  /** The channel's name in Vestnik. */
  @IsString() @IsNotEmpty() @MaxLength(200)
  name!: string;
}

/** `POST /api/v1/channels/oauth/connections/:id/channels`: the pages to connect. */
export class CreateOAuthChannelsRequest {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => OAuthPageChoice)
  pages!: OAuthPageChoice[];
}

/** One page that was not connected, with the reason in Russian. */
export interface OAuthPageError {
  target: string;
  code: string;
  message: string;
}

export interface CreateOAuthChannelsResponse {
  created: ChannelView[];
  errors: OAuthPageError[];
}
