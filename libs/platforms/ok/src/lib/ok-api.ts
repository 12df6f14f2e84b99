import axios, { AxiosInstance } from 'axios';
import type { FailureOutcome, RequestKind } from '@vestnik/platforms/core';
import { classifyHttpStatus, classifyRequestError } from '@vestnik/platforms/core';
import { mapOkError, OkApiError, OkErrorOutcome } from './ok-errors';
import { okSignature } from './ok-signature';

export const OK_TITLE = 'Одноклассники';

export interface OkAppKeys {
  applicationKey: string;
  applicationSecretKey: string;
}

export interface OkCallOptions {
  kind: RequestKind;
  accessToken: string;
  timeoutMs: number;
  retrySafe?: boolean;
}

export type OkCallResult<T> = { ok: true; result: T } | { ok: false; failure: OkErrorOutcome };

export function createHttp(): AxiosInstance {
  return axios.create({ maxRedirects: 0, proxy: false, validateStatus: () => true });
}

/**
 * Signed call to `{apiUrl}` (fb.do) as a form-encoded POST. Errors come inside HTTP 200 as
 * `{error_code, error_msg}`; anything else in a 200 is the method's result.
 */
export async function callOk<T>(
  http: AxiosInstance,
  apiUrl: string,
  keys: OkAppKeys,
  method: string,
  params: Record<string, string | number | undefined>,
  options: OkCallOptions,
): Promise<OkCallResult<T>> {
  const signed: Record<string, string> = { application_key: keys.applicationKey, format: 'json', method };
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) signed[key] = String(value);
  }
  signed['sig'] = okSignature(signed, options.accessToken, keys.applicationSecretKey);
  signed['access_token'] = options.accessToken;
  const secrets = [options.accessToken, keys.applicationSecretKey];
  const failureCtx = { kind: options.kind, platformTitle: OK_TITLE, retrySafe: options.retrySafe, secrets };
  let status: number;
  let data: unknown;
  try {
    const res = await http.post(apiUrl, new URLSearchParams(signed).toString(), {
      timeout: options.timeoutMs,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    status = res.status;
    data = res.data;
  } catch (error) {
    return { ok: false, failure: classifyRequestError(error, failureCtx) };
  }
  if (status >= 500) return { ok: false, failure: classifyHttpStatus(status, failureCtx) };
  if (status !== 200) return { ok: false, failure: unexpected(status, options) };
  if (isObject(data) && data['error_code'] !== undefined) {
    return { ok: false, failure: mapOkError(data as unknown as OkApiError, { kind: options.kind, retrySafe: options.retrySafe, secrets }) };
  }
  return { ok: true, result: data as T };
}

function unexpected(status: number, options: OkCallOptions): FailureOutcome {
  const reason = `Одноклассники вернули непонятный ответ (HTTP ${status})`;
  if (status >= 400) return { status: 'rejected', code: `ok:http_${status}`, reason };
  return options.kind === 'read' ? { status: 'transient', reason } : { status: 'unconfirmed', retrySafe: false, reason };
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
