import type { EntityManager } from 'typeorm';
import type { Platform } from '@vestnik/contracts';
import type { ChannelDescriptor } from '@vestnik/platforms/core';

/** A channel to send to, as the channels context opens it. */
export interface ChannelToSend {
  id: string;
  organizationId: string;
  platform: Platform;
  remoteTargetId: string;
  /** Disabled or deleted: nothing may go out to it. */
  closed: boolean;
  /** Which credentials `target` was opened from (opaque): a refresh after a failed call names it. */
  credentialsVersion: string;
  target: ChannelDescriptor;
}

/** The channels context, as the engine needs it: no table, no secret box. Wired by the application. */
export abstract class PublishingChannels {
  /** The channel with its credentials opened, read in `m` when given; null when it is gone. */
  abstract open(channelId: string, m?: EntityManager): Promise<ChannelToSend | null>;
  /** The batch form of `open`: the channels of `ids` that still exist, by id, in one read. */
  abstract openMany(channelIds: readonly string[], m?: EntityManager): Promise<Map<string, ChannelToSend>>;
  /** In `m`'s transaction: the channel waits for a person; false when it was not active. */
  abstract markNeedsAttention(m: EntityManager, channelId: string, reason: string): Promise<boolean>;
  /** Renews the credentials unless someone did since `staleVersion` was read. */
  abstract refreshCredentials(channelId: string, staleVersion: string): Promise<{ ok: true } | { ok: false; reason: string }>;
}
