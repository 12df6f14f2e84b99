import { randomUUID } from 'node:crypto';
import type { AnyPlatformAdapter, ChannelDescriptor, PublishContext, PublishOutcome } from '@vestnik/platforms/core';
import { OkAdapter } from '@vestnik/platforms/ok';
import type { PostContent } from '@vestnik/platforms/rules';
import { TelegramAdapter } from '@vestnik/platforms/telegram';
import { VkAdapter } from '@vestnik/platforms/vk';
import { OK_APP } from './bench-world';

export interface RawRate {
  calls: number;
  published: number;
  seconds: number;
  perSecond: number;
}

/**
 * The sandbox's own pace for the same work: the adapters' publish calls for the same channels,
 * straight from this process in a tight loop with the engine's concurrency, and no database.
 * The VK adapter's per-token pacing is off: this measures the sandbox, not a platform's limit.
 */
export async function measureRawRate(sandboxUrl: string, channels: ChannelDescriptor[], calls: number, concurrency: number): Promise<RawRate> {
  const timeoutMs = 15_000;
  const adapters: AnyPlatformAdapter[] = [
    new VkAdapter({ apiUrl: `${sandboxUrl}/vk/method`, idUrl: `${sandboxUrl}/vk-id`, timeoutMs, paced: false }),
    new OkAdapter({ apiUrl: `${sandboxUrl}/ok/fb.do`, ...OK_APP, timeoutMs }),
    new TelegramAdapter({ apiUrl: `${sandboxUrl}/telegram`, timeoutMs, paced: false }),
  ];
  const publish = (channel: ChannelDescriptor, content: PostContent, ctx: PublishContext): Promise<PublishOutcome> => {
    const adapter = adapters.find((a) => a.platform === channel.platform);
    if (!adapter) throw new Error(`no adapter for ${channel.platform}`);
    return (adapter.publish as (c: ChannelDescriptor, body: PostContent, x: PublishContext) => Promise<PublishOutcome>)(channel, content, ctx);
  };

  let next = 0;
  let published = 0;
  const started = performance.now();
  const lane = async () => {
    for (let i = next++; i < calls; i = next++) {
      const outcome = await publish(channels[i % channels.length], { text: `Прямой вызов №${i}`, images: [] }, { publicationId: randomUUID(), images: [] });
      if (outcome.status === 'published') published += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  const seconds = (performance.now() - started) / 1000;
  return { calls, published, seconds, perSecond: published / seconds };
}
