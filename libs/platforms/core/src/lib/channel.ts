import type { Platform } from '@vestnik/platforms/rules';

export type { Platform };

/** A VK community admin's user token from VK ID; it lives about an hour and is renewed with the refresh token. */
export interface VkCredentials {
  accessToken: string;
  /** Rotates on every refresh: store the new one atomically, never overwrite it with an empty value. */
  refreshToken?: string;
  /** VK ID device id the tokens were issued for; required to refresh. */
  deviceId?: string;
  /** ISO 8601 instant the access token expires at, when known. */
  expiresAt?: string;
}

/** An OK group admin's long access token; the application key and secret come from deployment config. */
export interface OkCredentials {
  accessToken: string;
}

export interface TelegramCredentials {
  botToken: string;
}

/** A MAX bot's token (from MAX's platform for partners); the bot is an admin of the channel with `write`. */
export interface MaxCredentials {
  botToken: string;
}

/** Where and as whom a publication goes: the decrypted form of a stored channel. */
export type ChannelDescriptor = VkChannel | OkChannel | TelegramChannel | MaxChannel;

export interface VkChannel {
  platform: 'vk';
  /** Community id (`123`, `-123`, `club123`) or its screen name. */
  target: string;
  credentials: VkCredentials;
}

export interface OkChannel {
  platform: 'ok';
  /** Group id (gid). */
  target: string;
  credentials: OkCredentials;
}

export interface TelegramChannel {
  platform: 'telegram';
  /** `@username` or the numeric chat id (`-100...`). */
  target: string;
  credentials: TelegramCredentials;
}

export interface MaxChannel {
  platform: 'max';
  /** The channel's numeric chat id (`-72…`) or its public link name. */
  target: string;
  credentials: MaxCredentials;
}

export type ChannelFor<P extends Platform> = Extract<ChannelDescriptor, { platform: P }>;
