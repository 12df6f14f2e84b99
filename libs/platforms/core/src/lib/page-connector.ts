import type { ChannelFor, Platform } from './channel';
import type { FailureOutcome } from './outcomes';

/** What the person is sent to the platform's OAuth page with. */
export interface AuthorizationRequest {
  /** Opaque and single-use; the platform hands it back to the callback unchanged. */
  state: string;
  /** Our callback; must be registered with the platform's application. */
  redirectUri: string;
  /** PKCE S256 challenge, where the platform uses PKCE (VK ID). */
  codeChallenge?: string;
}

/** What the platform's redirect brought back, plus what we kept from the request. */
export interface AuthorizationGrant {
  code: string;
  state: string;
  /** The same redirect_uri as in the request: the platform compares them. */
  redirectUri: string;
  /** VK ID: the device the code was issued for; refresh needs it too. */
  deviceId?: string;
  /** PKCE verifier of the request's challenge. */
  codeVerifier?: string;
}

/** A community or group the signed-in person may publish to. */
export interface ManagedPage {
  /** As a channel's target is written (`club123`, an OK gid). */
  target: string;
  /** The platform's canonical id, as verification resolves it. */
  remoteTargetId: string;
  name: string;
}

export type ExchangeOutcome<P extends Platform> = { status: 'exchanged'; credentials: ChannelFor<P>['credentials'] } | FailureOutcome;

export type ManagedPagesOutcome = { status: 'listed'; pages: ManagedPage[] } | FailureOutcome;

/**
 * Connecting pages through a platform's OAuth page instead of pasting a token. Registered as a
 * list under `PAGE_CONNECTORS`, only for platforms whose OAuth application is configured.
 *
 * Rules: like adapters, connectors never throw for platform or network failures and never put a
 * token, code, verifier or client secret into a reason. Exchanging a code is a write (the code is
 * spent even when the answer is lost), so it is never retried: the person starts again.
 */
export interface PageConnector<P extends Platform = Platform> {
  readonly platform: P;
  /** Whether `authorizeUrl` needs `codeChallenge` (and the exchange `codeVerifier`). */
  readonly usesPkce: boolean;
  /** The platform's consent page for this request. */
  authorizeUrl(request: AuthorizationRequest): string;
  /** Trades the code for credentials in the shape the platform's adapter uses. */
  exchangeCode(grant: AuthorizationGrant, options?: { timeoutMs?: number }): Promise<ExchangeOutcome<P>>;
  /** Communities or groups these credentials may publish to (read-only). */
  listManagedPages(credentials: ChannelFor<P>['credentials'], options?: { timeoutMs?: number }): Promise<ManagedPagesOutcome>;
}

export type AnyPageConnector = { [P in Platform]: PageConnector<P> }[Platform];

/** Injection token for the list of page connectors (plain string: no framework import here). */
export const PAGE_CONNECTORS = 'VESTNIK_PAGE_CONNECTORS';
