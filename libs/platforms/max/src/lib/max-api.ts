import axios, { AxiosInstance } from 'axios';
import { Agent as HttpsAgent } from 'node:https';
import { rootCertificates } from 'node:tls';
import type { RequestKind } from '@vestnik/platforms/core';
import { classifyRequestError, redactSecrets } from '@vestnik/platforms/core';
import { mapMaxError, MaxErrorOutcome } from './max-errors';

export const MAX_TITLE = 'MAX';

export interface MaxRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Under the API base, segments already encoded: `/chats/-72000000001/members/me`. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  /** JSON body. */
  body?: unknown;
}

export interface MaxCallOptions {
  kind: RequestKind;
  botToken: string;
  timeoutMs: number;
  retrySafe?: boolean;
  /** Waits until the call may leave under the bot's (and, for a message, the chat's) rate. */
  gate?: () => Promise<void>;
}

export type MaxCallResult<T> = { ok: true; result: T } | { ok: false; failure: MaxErrorOutcome };

/**
 * One client per adapter. `caBundle` (PEM) is trusted besides the system's roots: since July 2026
 * MAX's API is served under the Минцифры root certificate, which Node does not ship.
 */
export function createHttp(caBundle?: string): AxiosInstance {
  const httpsAgent = caBundle?.trim() ? new HttpsAgent({ keepAlive: true, ca: [...rootCertificates, caBundle] }) : undefined;
  return axios.create({ maxRedirects: 0, proxy: false, validateStatus: () => true, httpsAgent });
}

/**
 * `{method} {apiUrl}{path}` with the token in the `Authorization` header only (MAX refuses it in
 * the query, and a header never reaches a log line with the URL). Success is HTTP 200 with a JSON
 * object; anything else is mapped by `mapMaxError`.
 */
export async function callMax<T>(http: AxiosInstance, apiUrl: string, request: MaxRequest, options: MaxCallOptions): Promise<MaxCallResult<T>> {
  const secrets = [options.botToken];
  await options.gate?.();
  let status: number;
  let data: unknown;
  let retryAfter: unknown;
  try {
    const res = await http.request({
      method: request.method,
      url: `${apiUrl.replace(/\/+$/, '')}${request.path}`,
      params: definedOnly(request.query),
      data: request.body,
      timeout: options.timeoutMs,
      headers: { Authorization: options.botToken, ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    });
    status = res.status;
    data = res.data;
    retryAfter = res.headers['retry-after'];
  } catch (error) {
    return { ok: false, failure: classifyRequestError(error, { kind: options.kind, platformTitle: MAX_TITLE, retrySafe: options.retrySafe, secrets }) };
  }
  if (status === 200 && isObject(data)) return { ok: true, result: data as T };
  const ctx = { kind: options.kind, retrySafe: options.retrySafe, secrets };
  if (status === 200) {
    // A 200 that is not JSON: for a write MAX may have acted on it.
    const reason = 'MAX вернул непонятный ответ (HTTP 200)';
    return { ok: false, failure: options.kind === 'read' ? { status: 'transient', reason } : { status: 'unconfirmed', retrySafe: options.retrySafe ?? false, reason } };
  }
  const body = isObject(data) ? data : {};
  return {
    ok: false,
    failure: mapMaxError(
      {
        status,
        code: typeof body['code'] === 'string' ? body['code'] : undefined,
        message: typeof body['message'] === 'string' ? body['message'] : typeof data === 'string' ? redactSecrets(data.slice(0, 200), secrets) : undefined,
        retryAfterSeconds: retryAfterSeconds(retryAfter),
      },
      ctx,
    ),
  };
}

/**
 * PUT and DELETE /messages answer `{success, message}`; `success: false` arrives with HTTP 200 and
 * is a refusal: MAX's 404 when it says the message is gone, `attachment.not.ready` when it names an
 * image still being processed (as the real API is reported to answer an edit), else a 400.
 */
export function simpleResultFailure(result: unknown, secrets: readonly string[]): MaxErrorOutcome | null {
  if (isObject(result) && result['success'] === true) return null;
  const message = isObject(result) && typeof result['message'] === 'string' ? result['message'] : '';
  const gone = /not[ ._]?found|не найден/i.test(message);
  const notReady = /attachment[ ._]not[ ._]ready|file[ ._]not[ ._]processed/i.test(message);
  return mapMaxError(
    { status: gone ? 404 : 400, code: notReady ? 'attachment.not.ready' : undefined, message: message || 'success: false' },
    { kind: 'write', secrets },
  );
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function definedOnly(query: MaxRequest['query']): Record<string, string | number | boolean> | undefined {
  if (!query) return undefined;
  const out: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(query)) if (value !== undefined) out[key] = value;
  return out;
}

/** `Retry-After` in seconds (MAX sends none we know of; an HTTP date is honoured too). */
function retryAfterSeconds(header: unknown): number | undefined {
  if (typeof header !== 'string' || !header.trim()) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds;
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, (at - Date.now()) / 1000) : undefined;
}
