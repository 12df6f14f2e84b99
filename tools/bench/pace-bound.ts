import type { AnyPlatformAdapter, ChannelDescriptor, PaceTarget } from '@vestnik/platforms/core';
import { OkAdapter } from '@vestnik/platforms/ok';
import { TelegramAdapter } from '@vestnik/platforms/telegram';
import { VkAdapter } from '@vestnik/platforms/vk';
import { OK_APP } from './bench-world';

/** The least drain time the declared paces allow for a world, overall and per platform. */
export interface PaceBound {
  seconds: number;
  byPlatform: Record<string, number>;
  /** The key that sets the bound, as its platform and spacing (keys are opaque hashes). */
  busiest: { platform: string; publications: number; spacingMs: number };
}

/**
 * From the adapters' own `paces` for each publication of the world (no images): on every pace key
 * the calls go one spacing apart, so the last of n cannot leave before (n − 1) × spacing after the
 * first. The busiest key bounds the drain, whatever the engine does. `perChannel[i]` publications go
 * to `channels[i]`.
 */
export function paceBound(channels: ChannelDescriptor[], perChannel: number[]): PaceBound {
  const timeoutMs = 15_000;
  const adapters: AnyPlatformAdapter[] = [
    new VkAdapter({ apiUrl: 'http://127.0.0.1:9/vk', idUrl: 'http://127.0.0.1:9/vk-id', timeoutMs }),
    new OkAdapter({ apiUrl: 'http://127.0.0.1:9/ok', ...OK_APP, timeoutMs }),
    new TelegramAdapter({ apiUrl: 'http://127.0.0.1:9/telegram', timeoutMs }),
  ];
  const keys = new Map<string, { platform: string; publications: number; spacingMs: number }>();
  channels.forEach((channel, i) => {
    const adapter = adapters.find((a) => a.platform === channel.platform);
    if (!adapter) throw new Error(`no adapter for ${channel.platform}`);
    const target: PaceTarget = { remoteTargetId: channel.target, imageCount: 0 };
    const paces = (adapter.paces as (c: ChannelDescriptor, t: PaceTarget) => { key: string; spacingMs: number }[])(channel, target);
    for (const pace of paces) {
      const key = keys.get(pace.key) ?? { platform: channel.platform, publications: 0, spacingMs: pace.spacingMs };
      key.publications += perChannel[i] ?? 0;
      keys.set(pace.key, key);
    }
  });
  const byPlatform: Record<string, number> = {};
  let busiest = { platform: '', publications: 0, spacingMs: 0 };
  const drain = (k: { publications: number; spacingMs: number }) => (Math.max(0, k.publications - 1) * k.spacingMs) / 1000;
  for (const k of keys.values()) {
    byPlatform[k.platform] = Math.max(byPlatform[k.platform] ?? 0, drain(k));
    if (drain(k) > drain(busiest)) busiest = k;
  }
  return { seconds: drain(busiest), byPlatform, busiest };
}

/** How many of `publications` each of `channels` channels gets when every post goes to the first ones in turn (as the bench approves them). */
export function publicationsPerChannel(channels: number, publications: number): number[] {
  return Array.from({ length: channels }, (_, i) => Math.floor(publications / channels) + (i < publications % channels ? 1 : 0));
}
