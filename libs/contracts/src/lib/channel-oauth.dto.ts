import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import type { ChannelView } from './channels.dto';

/** Platforms whose pages can be connected through their OAuth page (VK ID with PKCE, OK OAuth). */
export const OAUTH_PLATFORMS = ['vk', 'ok'] as const;
export type OAuthPlatform = (typeof OAUTH_PLATFORMS)[number];

/** `POST /api/v1/channels/oauth/{vk|ok}/start`: an admin of the organization starts connecting. */
export class StartChannelOAuthRequest {
  /**
   * The organization the pages will belong to (admins of it only).
   * @example "5b0c9d1e-3f4a-4b6c-8d7e-9f0a1b2c3d4e"
   */
  @IsUUID()
  organizationId!: string;
}

/** Answer of the start: where to send the browser. */
export class StartChannelOAuthResponse {
  /**
   * Open it in the browser: the platform's consent page, which comes back to our callback.
   * @example "https://id.vk.com/authorize?response_type=code&client_id=51234567&state=q3Zt8kPm&code_challenge_method=S256"
   */
  authorizeUrl!: string;

  /**
   * When the request stops being accepted back (10 minutes; UTC).
   * @example "2026-05-14T02:40:00.000Z"
   */
  expiresAt!: string;
}

/** A community or group the signed-in platform account may publish to. */
export class OAuthPageView {
  /**
   * As a channel's target is written (`club123`, an OK group id).
   * @example "club218043219"
   */
  target!: string;

  /**
   * The page's name on the platform.
   * @example "Минобр Сахалина"
   */
  name!: string;

  /**
   * Already connected in Vestnik: connecting it again would be refused.
   * @example false
   */
  alreadyConnected!: boolean;
}

/** `GET /api/v1/channels/oauth/connections/:id`: the pending connection, never its tokens. */
export class ChannelOAuthConnectionView {
  /**
   * The connection's id, as the callback put it in the editor's address.
   * @example "8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d1e"
   */
  id!: string;

  /**
   * The platform the account was signed in to.
   * @example "vk"
   */
  platform!: OAuthPlatform;

  /**
   * The organization the pages will belong to.
   * @example "5b0c9d1e-3f4a-4b6c-8d7e-9f0a1b2c3d4e"
   */
  organizationId!: string;

  /**
   * When the connection and its tokens are forgotten unless used (30 minutes after consent; UTC).
   * @example "2026-05-14T03:05:00.000Z"
   */
  expiresAt!: string;

  /** The pages the platform account administers. */
  pages!: OAuthPageView[];
}

/** One page to connect, and the name it gets in Vestnik. */
export class OAuthPageChoice {
  /**
   * One of the connection's pages.
   * @example "club218043219"
   */
  @IsString() @IsNotEmpty() @MaxLength(100)
  target!: string;

  /**
   * The channel's name in Vestnik.
   * @example "Минобр Сахалина"
   */
  @IsString() @IsNotEmpty() @MaxLength(200)
  name!: string;

  /**
   * The organization the channel belongs to: the connection's own (the default) or one of its subtree, where the person is an admin.
   * @example "5b0c9d1e-3f4a-4b6c-8d7e-9f0a1b2c3d4e"
   */
  @IsOptional() @IsUUID()
  organizationId?: string;
}

/** `POST /api/v1/channels/oauth/connections/:id/channels`: the pages to connect. */
export class CreateOAuthChannelsRequest {
  /** The chosen pages (VK: exactly one, as a VK ID key cannot be shared). */
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => OAuthPageChoice)
  pages!: OAuthPageChoice[];
}

/** One page that was not connected, with the reason in Russian. */
export class OAuthPageError {
  /**
   * The page as it was chosen.
   * @example "club218043219"
   */
  target!: string;

  /**
   * Why, for programs.
   * @example "channel_verification_failed"
   */
  code!: string;

  /**
   * Why, for people.
   * @example "Площадка не подтвердила доступ: нет права публиковать записи"
   */
  message!: string;
}

/** Answer of `POST /api/v1/channels/oauth/connections/:id/channels`: each chosen page either created or refused. */
export class CreateOAuthChannelsResponse {
  /** The channels created, each verified through the platform. */
  created!: ChannelView[];

  /** The pages refused, with their reasons. */
  errors!: OAuthPageError[];
}
