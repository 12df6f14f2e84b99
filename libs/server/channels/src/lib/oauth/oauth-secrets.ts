import { createHash, randomBytes } from 'node:crypto';
import type { CookieOptions } from 'express';
import type { SealedAt } from '@vestnik/server/persistence';

/** A random URL-safe value: 32 bytes → 43 characters, 48 bytes → 64 (a PKCE verifier's alphabet). */
export function randomToken(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

/** What we keep of a state or a nonce: enough to recognise it, useless to replay. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** RFC 7636 S256: base64url(SHA-256(verifier)). */
export function s256Challenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/**
 * The starting browser's nonce travels in an HttpOnly cookie and must come back with the
 * platform's redirect: a callback link opened in another browser (someone else's) is refused.
 */
export interface BrowserCookie {
  name: string;
  value: string;
  options: CookieOptions;
}

export function browserCookieName(platform: string): string {
  return `vestnik_oauth_${platform}`;
}

export function browserCookie(platform: string, value: string, publicUrl: string, maxAgeMs: number): BrowserCookie {
  const url = new URL(publicUrl);
  return {
    name: browserCookieName(platform),
    value,
    // Lax: the cookie rides along the top-level redirect back from the platform, not cross-site posts.
    options: { httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:', path: `${url.pathname.replace(/\/+$/, '')}/api/v1/channels/oauth`, maxAge: maxAgeMs },
  };
}

/** One cookie's value from a `Cookie` header. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** Where a connection's sealed values live: bound to that connection's row. */
export const oauthConnectionAt = (connectionId: string, column: 'code_verifier' | 'credentials'): SealedAt => ({ table: 'channel_oauth_connections', column, id: connectionId });
