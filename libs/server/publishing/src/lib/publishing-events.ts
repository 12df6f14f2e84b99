import { Injectable, Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { Platform, PublicationPhase, PublicationStatus } from '@vestnik/contracts';

/** What happened to one publication attempt; listeners turn it into metrics and notifications. */
export interface PublicationEvent {
  publicationId: string;
  postId: string;
  channelId: string;
  organizationId: string;
  platform: Platform;
  /** The status the publication is left in. */
  status: PublicationStatus;
  /** The adapter outcome (`published`, `rate_limited`, …) or an engine decision (`missed`, `cancelled`, `content_changed`). */
  outcome: string;
  /** Platform error code (`vk:214`, `telegram:429`) when there is one. */
  errorCode?: string;
  reason?: string;
  /** Seconds between the planned time (the post's, or the republish's) and going out, for published ones. */
  latenessSeconds?: number;
}

export interface ChannelAttentionEvent {
  channelId: string;
  organizationId: string;
  reason: string;
}

/**
 * A write made for a claim that no longer held its publication (its lease ran out and it was taken
 * back, or claimed again): it changed nothing. Counted, so stalled workers show up in metrics.
 */
export interface DroppedOutcomeEvent {
  publicationId: string;
  postId: string;
  channelId: string;
  platform: Platform;
  /** The phase and token of the claim that wrote. */
  phase: Extract<PublicationPhase, 'claimed' | 'sending'>;
  claimToken: number;
  /** What was dropped: an adapter outcome, a retry, an engine decision, the `sending` mark, a hand-back. */
  write: 'outcome' | 'retry' | 'decision' | 'send' | 'hand-back';
  /** The status the write would have set, when it sets one. */
  status?: PublicationStatus;
  /** The adapter outcome or engine decision behind it (`published`, `rejected`, `missed`, …). */
  outcome?: string;
  /** The remote post's address a late "published" names, so a person checking the page can find it. */
  url?: string;
}

export interface PublishingListener {
  onPublication?(event: PublicationEvent): void | Promise<void>;
  onChannelNeedsAttention?(event: ChannelAttentionEvent): void | Promise<void>;
  onOutcomeDropped?(event: DroppedOutcomeEvent): void | Promise<void>;
}

/**
 * Events decided inside a transaction, held until it has committed: a decision rolled back is never
 * announced (no notification, no metric for something that did not happen).
 */
export class HeldEvents {
  private readonly held: ((bus: PublishingEvents) => Promise<void>)[] = [];

  publication(event: PublicationEvent): void {
    this.held.push((bus) => bus.publication(event));
  }

  channelNeedsAttention(event: ChannelAttentionEvent): void {
    this.held.push((bus) => bus.channelNeedsAttention(event));
  }

  outcomeDropped(event: DroppedOutcomeEvent): void {
    this.held.push((bus) => bus.outcomeDropped(event));
  }

  /** Sends what is held, in the order it was decided, and forgets it. */
  async emitTo(bus: PublishingEvents): Promise<void> {
    for (const emit of this.held.splice(0)) await emit(bus);
  }
}

/** One transaction and the events its decisions hold until it commits. */
export interface EventfulTransaction {
  m: EntityManager;
  held: HeldEvents;
}

/** A small in-process bus: the engine reports, listeners (metrics, notifications) never block it. */
@Injectable()
export class PublishingEvents {
  private readonly logger = new Logger('PublishingEvents');
  /** Drops are the engine's own news: said under its name. */
  private readonly engineLogger = new Logger('Publishing');
  private readonly listeners: PublishingListener[] = [];

  subscribe(listener: PublishingListener): void {
    this.listeners.push(listener);
  }

  /**
   * Runs `work` in a transaction of `dataSource`; the events it holds go out once the transaction has
   * committed, and none when it rolls back (or its commit fails).
   */
  async afterCommit<T>(dataSource: DataSource, work: (tx: EventfulTransaction) => Promise<T>): Promise<T> {
    const held = new HeldEvents();
    const result = await dataSource.transaction((m) => work({ m, held }));
    await held.emitTo(this);
    return result;
  }

  async publication(event: PublicationEvent): Promise<void> {
    for (const l of this.listeners) await this.safely(() => l.onPublication?.(event));
  }

  async channelNeedsAttention(event: ChannelAttentionEvent): Promise<void> {
    for (const l of this.listeners) await this.safely(() => l.onChannelNeedsAttention?.(event));
  }

  /** Said (a warning) and counted (listeners), never thrown. */
  async outcomeDropped(event: DroppedOutcomeEvent): Promise<void> {
    const what = event.write === 'outcome' || event.write === 'decision' || event.write === 'retry' ? `${event.write} "${event.outcome ?? event.status ?? ''}"` : event.write;
    this.engineLogger.warn(`publication ${event.publicationId}: ${what}${event.url ? ` (${event.url})` : ''} dropped, its claim (${event.phase}, token ${event.claimToken}) was taken back meanwhile`);
    for (const l of this.listeners) await this.safely(() => l.onOutcomeDropped?.(event));
  }

  private async safely(run: () => void | Promise<void>): Promise<void> {
    try {
      await run();
    } catch (e) {
      this.logger.error(`listener failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
