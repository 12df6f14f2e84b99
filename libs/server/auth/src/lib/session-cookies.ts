import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { CookieOptions, Request, Response } from 'express';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE, SESSION_MODE_HEADER } from '@vestnik/contracts';

/**
 * The editor keeps its session in cookies script cannot read: the token in an HttpOnly cookie sent
 * only to `/api`, and beside it a readable CSRF cookie that the editor echoes in `X-CSRF-Token`
 * (double submit). API clients keep using `Authorization: Bearer`, which needs no CSRF token.
 * Both are browser-session cookies: closing the browser drops them; the server ends them on time anyway.
 */
const SESSION_COOKIE_OPTIONS: CookieOptions = { httpOnly: true, secure: true, sameSite: 'strict', path: '/api' };
const CSRF_COOKIE_OPTIONS: CookieOptions = { httpOnly: false, secure: true, sameSite: 'strict', path: '/' };

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type WithCookies = Pick<Request, 'headers'> & { cookies?: Record<string, unknown> };

export interface RequestCredentials {
  token: string;
  via: 'bearer' | 'cookie';
}

/** The request's token: a bearer header wins; otherwise the session cookie. */
export function credentialsOf(req: WithCookies): RequestCredentials | null {
  const header = req.headers.authorization;
  if (typeof header === 'string' && /^bearer\s+/i.test(header)) return { token: header.replace(/^bearer\s+/i, '').trim(), via: 'bearer' };
  const cookie = req.cookies?.[SESSION_COOKIE];
  return typeof cookie === 'string' && cookie ? { token: cookie, via: 'cookie' } : null;
}

/** The client asked for cookies (the editor), or is already signed in with them. */
export function wantsSessionCookies(req: WithCookies): boolean {
  return String(req.headers[SESSION_MODE_HEADER.toLowerCase()] ?? '').toLowerCase() === 'cookie' || credentialsOf(req)?.via === 'cookie';
}

export function setSessionCookies(res: Response, token: string): void {
  res.cookie(SESSION_COOKIE, token, SESSION_COOKIE_OPTIONS);
  res.cookie(CSRF_COOKIE, randomBytes(32).toString('base64url'), CSRF_COOKIE_OPTIONS);
}

export function clearSessionCookies(res: Response): void {
  res.clearCookie(SESSION_COOKIE, SESSION_COOKIE_OPTIONS);
  res.clearCookie(CSRF_COOKIE, CSRF_COOKIE_OPTIONS);
}

/**
 * True when a cookie-authenticated request may change something: safe methods always; unsafe ones
 * only with the CSRF cookie echoed in the header and, when the browser names an Origin, one of ours.
 */
export function passesCsrfCheck(req: WithCookies & Pick<Request, 'method' | 'protocol'>, allowedOrigins: readonly string[]): boolean {
  if (!UNSAFE_METHODS.has(req.method.toUpperCase())) return true;
  const origin = req.headers.origin;
  if (typeof origin === 'string' && origin !== '' && !allowedOrigins.includes(origin) && origin !== ownOrigin(req)) return false;
  const cookie = req.cookies?.[CSRF_COOKIE];
  const header = req.headers[CSRF_HEADER.toLowerCase()];
  if (typeof cookie !== 'string' || typeof header !== 'string' || !cookie) return false;
  const [expected, given] = [Buffer.from(cookie), Buffer.from(header)];
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The origin the request was addressed to (behind a trusted proxy, as the proxy reports it). */
function ownOrigin(req: Pick<Request, 'headers' | 'protocol'>): string | null {
  return req.headers.host ? `${req.protocol}://${req.headers.host}` : null;
}
