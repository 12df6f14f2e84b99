import { Injectable, Logger } from '@nestjs/common';
import type { Platform, PublicationStatus } from '@vestnik/contracts';

/** What happened to one publication attempt; listeners turn it into metrics and notifications. */
export interface PublicationEvent {
  publicationId: string;
  postId: string;
  channelId: string;
  organizationId: string;
  platform: Platform;
  /** The status the publication is left in. */
  status: PublicationStatus | 'scheduled';
  /** The adapter outcome (`published`, `rate_limited`, …) or an engine decision (`missed`, `cancelled`, `content_changed`). */
  outcome: string;
  /** Platform error code (`vk:214`, `telegram:429`) when there is one. */
  errorCode?: string;
  reason?: string;
  /** Seconds between the planned time and going out, for published ones. */
  latenessSeconds?: number;
}

export interface ChannelAttentionEvent {
  channelId: string;
  organizationId: string;
  reason: string;
}

export interface PublishingListener {
  onPublication?(event: PublicationEvent): void | Promise<void>;
  onChannelNeedsAttention?(event: ChannelAttentionEvent): void | Promise<void>;
}

/** A small in-process bus: the engine reports, listeners (metrics, notifications) never block it. */
@Injectable()
export class PublishingEvents {
  private readonly logger = new Logger('PublishingEvents');
  private readonly listeners: PublishingListener[] = [];

  subscribe(listener: PublishingListener): void {
    this.listeners.push(listener);
  }

  async publication(event: PublicationEvent): Promise<void> {
    for (const l of this.listeners) await this.safely(() => l.onPublication?.(event));
  }

  async channelNeedsAttention(event: ChannelAttentionEvent): Promise<void> {
    for (const l of this.listeners) await this.safely(() => l.onChannelNeedsAttention?.(event));
  }

  private async safely(run: () => void | Promise<void>): Promise<void> {
    try {
      await run();
    } catch (e) {
      this.logger.error(`listener failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
