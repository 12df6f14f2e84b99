import type { ContentViolation, ImageRef, PlatformLimits, PostContent } from '@vestnik/platforms/rules';
import type { ChannelDescriptor, ChannelFor, Platform, VkCredentials } from './channel';
import type { EditOutcome, PublishOutcome, RefreshOutcome, RemoveOutcome, VerifyResult } from './outcomes';

/** An image with its bytes loaded, ready to upload. */
export interface LoadedImage extends ImageRef {
  bytes: Uint8Array;
  fileName: string;
}

export interface PublishContext {
  /** Our publication id; adapters derive idempotency keys from it (VK `guid`) on every attempt. */
  publicationId: string;
  /** The bytes of `content.images`, same order and length. */
  images: LoadedImage[];
  /** Overrides the adapter's per-request timeout for this call. */
  timeoutMs?: number;
}

/**
 * One platform's way to verify, publish, edit and remove. Adapters are stateless and shared by
 * all channels of their platform; they are registered together under `PLATFORM_ADAPTERS`.
 *
 * Rules every adapter keeps:
 * - it never retries by itself: retry policy belongs to the publishing engine (the only waiting
 *   it may do is pacing its own calls under a platform's per-token rate, as VK's adapter does);
 * - it never throws for platform or network failures: it returns a typed outcome;
 * - it never logs or returns secrets (tokens are redacted from every reason).
 */
export interface PlatformAdapter<P extends Platform = Platform> {
  readonly platform: P;
  readonly limits: PlatformLimits;

  /**
   * How long after the first `publish` of a publication the platform still recognises a repeat by
   * its idempotency key (the same `publicationId` gives the same key) and creates nothing new;
   * null when the platform has no such key and any repeat may duplicate the post.
   */
  readonly idempotentRetryWindowMs: number | null;

  /**
   * The longest one `publish` with `imageCount` images can take: every request it may make, each
   * at its own timeout, plus the adapter's own pacing between them. The engine holds its claim at
   * least this long, so a slow answer is never mistaken for a dead worker.
   */
  longestPublishMs(imageCount: number): number;

  /** Pure: what this platform would refuse in the content (same function the editor runs). */
  validate(content: PostContent): ContentViolation[];

  /** Who we are, what we post to, whether we may post. Read-only: safe to call any time. */
  verify(channel: ChannelFor<P>, options?: { timeoutMs?: number }): Promise<VerifyResult>;

  /**
   * Creates the post. Not idempotent on OK and Telegram: after `unconfirmed` do not retry
   * without a person's decision (or a check of the feed). VK passes the same `guid` on every
   * attempt, so its `unconfirmed` carries `retrySafe: true`. `transient` is always safe to retry;
   * `rate_limited` after `retryAfterSeconds`; `auth_expired` after refreshing or reconnecting.
   */
  publish(channel: ChannelFor<P>, content: PostContent, ctx: PublishContext): Promise<PublishOutcome>;

  /** Changes text (and images where the platform allows). Safe to repeat, even after `unconfirmed`. */
  edit(channel: ChannelFor<P>, remoteId: string, content: PostContent, ctx: PublishContext): Promise<EditOutcome>;

  /** Deletes the post. Safe to repeat; a post already gone reports `alreadyGone`. */
  remove(channel: ChannelFor<P>, remoteId: string, options?: { timeoutMs?: number }): Promise<RemoveOutcome>;
}

/**
 * Adapters whose tokens expire and can be renewed without a person (VK via VK ID).
 * The refresh token rotates on every use: the caller must serialise refreshes per channel and
 * persist the returned credentials atomically before any other call. After `unconfirmed` the
 * old refresh token may already be spent: try it once more, and reconnect if it is refused.
 */
export interface CredentialRefresher {
  refreshAccessToken(credentials: VkCredentials, options?: { timeoutMs?: number }): Promise<RefreshOutcome>;
}

export type AnyPlatformAdapter = { [P in Platform]: PlatformAdapter<P> }[Platform];

/** Injection token for the list of adapters (plain string: no framework import here). */
export const PLATFORM_ADAPTERS = 'VESTNIK_PLATFORM_ADAPTERS';

export function canRefreshCredentials(adapter: object): adapter is CredentialRefresher {
  return typeof (adapter as Partial<CredentialRefresher>).refreshAccessToken === 'function';
}

/** Finds the adapter for a channel, typed to its platform. */
export function adapterFor<C extends ChannelDescriptor>(
  adapters: readonly AnyPlatformAdapter[],
  channel: C,
): PlatformAdapter<C['platform']> | undefined {
  return adapters.find((a) => a.platform === channel.platform) as PlatformAdapter<C['platform']> | undefined;
}
