import axios, { AxiosInstance } from 'axios';
import type { RequestKind, RequestPacer } from '@vestnik/platforms/core';
import { classifyHttpStatus, classifyRequestError } from '@vestnik/platforms/core';
import { mapTelegramError, TelegramApiError, TelegramErrorOutcome } from './telegram-errors';

export const TELEGRAM_TITLE = 'Telegram';

export interface TelegramCallOptions {
  kind: RequestKind;
  botToken: string;
  timeoutMs: number;
  retrySafe?: boolean;
  /** Delays the call so the bot stays under Telegram's per-second rate. */
  pacer?: RequestPacer;
  /** The messages this call sends, as the bot's rate counts them (a media group's photos); default 1. */
  messages?: number;
}

export type TelegramCallResult<T> = { ok: true; result: T } | { ok: false; failure: TelegramErrorOutcome };

export function createHttp(): AxiosInstance {
  return axios.create({ maxRedirects: 0, proxy: false, validateStatus: () => true });
}

/** `POST {apiUrl}/bot{token}/{method}` with a JSON object or a multipart FormData body. */
export async function callTelegram<T>(
  http: AxiosInstance,
  apiUrl: string,
  method: string,
  payload: Record<string, unknown> | FormData,
  options: TelegramCallOptions,
): Promise<TelegramCallResult<T>> {
  const secrets = [options.botToken];
  const failureCtx = { kind: options.kind, platformTitle: TELEGRAM_TITLE, retrySafe: options.retrySafe, secrets };
  let status: number;
  let data: unknown;
  await options.pacer?.wait(options.botToken, options.messages ?? 1);
  try {
    const res = await http.post(`${apiUrl.replace(/\/+$/, '')}/bot${options.botToken}/${method}`, payload, { timeout: options.timeoutMs });
    status = res.status;
    data = res.data;
  } catch (error) {
    return { ok: false, failure: classifyRequestError(error, failureCtx) };
  }
  if (isObject(data) && data['ok'] === true) return { ok: true, result: data['result'] as T };
  if (isObject(data) && data['ok'] === false && data['error_code'] !== undefined) {
    return { ok: false, failure: mapTelegramError(data as unknown as TelegramApiError, { kind: options.kind, retrySafe: options.retrySafe, secrets }) };
  }
  if (status >= 500) return { ok: false, failure: classifyHttpStatus(status, failureCtx) };
  const reason = `Telegram вернул непонятный ответ (HTTP ${status})`;
  if (status >= 400) return { ok: false, failure: { status: 'rejected', code: `telegram:http_${status}`, reason } };
  return {
    ok: false,
    failure: options.kind === 'read' ? { status: 'transient', reason } : { status: 'unconfirmed', retrySafe: options.retrySafe ?? false, reason },
  };
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
