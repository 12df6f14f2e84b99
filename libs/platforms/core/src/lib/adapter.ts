import { createHash } from 'node:crypto';
import type { ContentViolation, ImageRef, PlatformLimits, PostContent } from '@vestnik/platforms/rules';
import type { ChannelDescriptor, ChannelFor, Platform } from './channel';
import type { EditOutcome, FailureOutcome, PublishOutcome, RemoveOutcome, VerifyResult } from './outcomes';

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

  /**
   * The rate limits one `publish` to this channel spends: one entry per limit (a token, a bot, a
   * chat), each with the spacing that keeps its calls within the platform's documented rate.
   * The engine keeps these paces for all replicas (in PostgreSQL) and sends a publication only in
   * a moment free under every one of them. Keys are opaque; a secret in a key goes through
   * `paceKey`, never in clear.
   */
  paces(channel: ChannelFor<P>, target: PaceTarget): Pace[];

  /**
   * After a lost answer (`unconfirmed`, or a worker that died while sending), looks on the
   * platform for the post: `found` when it is there, `absent` when the platform can say for sure it
   * is not, `unknown` when it cannot tell. Absent on platforms that cannot read back their posts;
   * the engine then asks a person. Read-only; never creates anything.
   */
  reconcile?(channel: ChannelFor<P>, query: ReconcileQuery): Promise<ReconcileOutcome>;
}

/** What the engine knows of the destination when it asks for paces. */
export interface PaceTarget {
  /** The platform's id of the page, as resolved when the channel was verified (e.g. Telegram's numeric chat id). */
  remoteTargetId: string;
  /** Images the publication carries (uploads spend calls too). */
  imageCount: number;
}

/** One pacing rule: calls under `key` go out at least `spacingMs` apart. */
export interface Pace {
  key: string;
  spacingMs: number;
}

/** A pace key naming a secret (a token) by its hash: `paceKey('vk', 'token', accessToken)`. */
export function paceKey(platform: Platform, scope: string, value: string): string {
  return `${platform}:${scope}:${createHash('sha256').update(value).digest('hex').slice(0, 24)}`;
}

export interface ReconcileQuery {
  /** Our publication id (the same one `publish` got in its context). */
  publicationId: string;
  /** What was sent. */
  content: PostContent;
  /** The first attempt's start: a post older than this is not ours. */
  sentAfter: Date;
  timeoutMs?: number;
}

export type ReconcileOutcome =
  | { status: 'found'; remoteId: string; url: string | null }
  | { status: 'absent' }
  | { status: 'unknown'; reason: string };

/**
 * Adapters whose tokens expire and can be renewed without a person (VK via VK ID).
 * A refresh may rotate a one-use secret: the caller must serialise refreshes per channel and
 * persist the returned credentials atomically before any other call. After `unconfirmed` the
 * old secret may already be spent: try it once more, and reconnect if it is refused.
 */
export interface CredentialRefresher<P extends Platform = Platform> {
  /** Whether these credentials hold what a refresh needs (false: only a person can reconnect). */
  canRefresh(credentials: ChannelFor<P>['credentials']): boolean;
  /** The renewed credentials, whole (merge nothing: they replace the stored ones). */
  refreshCredentials(credentials: ChannelFor<P>['credentials'], options?: { timeoutMs?: number }): Promise<CredentialsRefreshOutcome<P>>;
}

export type CredentialsRefreshOutcome<P extends Platform = Platform> =
  | { status: 'refreshed'; credentials: ChannelFor<P>['credentials']; expiresAt: Date | null }
  | FailureOutcome;

export type AnyPlatformAdapter = { [P in Platform]: PlatformAdapter<P> }[Platform];

/** Injection token for the list of adapters (plain string: no framework import here). */
export const PLATFORM_ADAPTERS = 'VESTNIK_PLATFORM_ADAPTERS';

export function canRefreshCredentials<A extends { readonly platform: Platform }>(adapter: A): adapter is A & CredentialRefresher<A['platform']> {
  const candidate = adapter as Partial<CredentialRefresher>;
  return typeof candidate.refreshCredentials === 'function' && typeof candidate.canRefresh === 'function';
}

export function canReconcile<A extends { readonly platform: Platform }>(
  adapter: A,
): adapter is A & { reconcile(channel: ChannelFor<A['platform']>, query: ReconcileQuery): Promise<ReconcileOutcome> } {
  return typeof (adapter as Partial<PlatformAdapter>).reconcile === 'function';
}

/** Finds the adapter for a channel, typed to its platform. */
export function adapterFor<C extends ChannelDescriptor>(
  adapters: readonly AnyPlatformAdapter[],
  channel: C,
): PlatformAdapter<C['platform']> | undefined {
  return adapters.find((a) => a.platform === channel.platform) as PlatformAdapter<C['platform']> | undefined;
}
