import axios, { AxiosInstance } from 'axios';
import type { FailureOutcome, RequestKind, RequestPacer } from '@vestnik/platforms/core';
import { classifyHttpStatus, classifyRequestError } from '@vestnik/platforms/core';
import { mapVkError, VkApiError, VkErrorOutcome } from './vk-errors';

export const VK_API_VERSION = '5.199';
export const VK_TITLE = 'ВКонтакте';

export type VkParams = Record<string, string | number | undefined>;

export interface VkCallOptions {
  kind: RequestKind;
  /** Delays the call so the token stays under VK's per-second limit. */
  pacer?: RequestPacer;
  accessToken: string;
  timeoutMs: number;
  canRefresh?: boolean;
  retrySafe?: boolean;
}

export type VkCallResult<T> = { ok: true; response: T } | { ok: false; failure: VkErrorOutcome };

/** Creates an axios instance that never retries, follows no redirects and ignores proxy env vars. */
export function createHttp(): AxiosInstance {
  return axios.create({ maxRedirects: 0, proxy: false, validateStatus: () => true });
}

/**
 * Calls `{apiUrl}/{method}` as POST with a form-encoded body (never JSON) and `v=5.199`.
 * The token travels in the Authorization header so it never sits in a body we might log.
 * VK answers errors inside HTTP 200, so a 200 is a success only when the body has `response`.
 */
export async function callVk<T>(http: AxiosInstance, apiUrl: string, method: string, params: VkParams, options: VkCallOptions): Promise<VkCallResult<T>> {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) body.append(key, String(value));
  }
  body.append('v', VK_API_VERSION);
  const secrets = [options.accessToken];
  const failureCtx = { kind: options.kind, platformTitle: VK_TITLE, retrySafe: options.retrySafe, secrets };
  let status: number;
  let data: unknown;
  await options.pacer?.wait(options.accessToken);
  try {
    const res = await http.post(`${apiUrl.replace(/\/+$/, '')}/${method}`, body.toString(), {
      timeout: options.timeoutMs,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `Bearer ${options.accessToken}` },
    });
    status = res.status;
    data = res.data;
  } catch (error) {
    return { ok: false, failure: classifyRequestError(error, failureCtx) };
  }
  if (status >= 500) return { ok: false, failure: classifyHttpStatus(status, failureCtx) };
  if (isObject(data) && isObject(data['error'])) {
    const error = data['error'] as unknown as VkApiError;
    return {
      ok: false,
      failure: mapVkError(error, { kind: options.kind, canRefresh: options.canRefresh ?? false, retrySafe: options.retrySafe ?? false, secrets }),
    };
  }
  if (status === 200 && isObject(data) && 'response' in data) return { ok: true, response: data['response'] as T };
  return { ok: false, failure: unexpectedAnswer(status, options) };
}

/** A body that is neither `response` nor `error` (proxy page, wrong URL): for a write, unknown. */
function unexpectedAnswer(status: number, options: VkCallOptions): FailureOutcome {
  const reason = `ВКонтакте вернул непонятный ответ (HTTP ${status})`;
  if (status >= 400) return { status: 'rejected', code: `vk:http_${status}`, reason };
  return options.kind === 'read'
    ? { status: 'transient', reason }
    : { status: 'unconfirmed', retrySafe: options.retrySafe ?? false, reason: `${reason}: неизвестно, выполнено ли действие` };
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
