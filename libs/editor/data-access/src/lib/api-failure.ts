import { HttpErrorResponse } from '@angular/common/http';
import { translate } from '@jsverse/transloco';
import type { ApiErrorBody } from '@vestnik/contracts';
import type { Translate } from '@vestnik/editor/i18n';
import { fallbackFailureMessage } from './failure-messages';

/** An API error as the editor shows it: always with a message, the editor's own (`auth.failure.*`) when the server sent none. */
export interface ApiFailure extends ApiErrorBody {
  /** Seconds to wait before retrying (429 `too_many_attempts`). */
  retryAfterSeconds?: number;
}

/** Base of every API call: the server hosts the editor on the same origin. */
export const API_BASE = '/api/v1';

/**
 * For callers that pass no `t`: the messages of the language now shown, through Transloco's own
 * `translate`, which `I18n.use` switches too. Before Transloco starts (a unit test without Angular)
 * there is nothing to translate with, and the key stands in.
 */
const activeLanguage: Translate = (key, params) => {
  try {
    return translate(key, params ?? {});
  } catch {
    return key;
  }
};

function isErrorBody(value: unknown): value is ApiErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ApiErrorBody).message === 'string' &&
    typeof (value as ApiErrorBody).code === 'string'
  );
}

function retryAfter(error: HttpErrorResponse): number | undefined {
  const body = error.error as { retryAfterSeconds?: unknown } | null;
  if (body && typeof body.retryAfterSeconds === 'number') return body.retryAfterSeconds;
  const header = Number(error.headers?.get('Retry-After'));
  return Number.isFinite(header) && header > 0 ? header : undefined;
}

/**
 * Turns whatever an HTTP call threw into an `ApiFailure`. The server's own message is kept as it
 * came; the editor's (no answer, an answer without our body) is in the current language: pass a
 * component's `t` so a `computed()` that calls this follows a switch of language.
 */
export function toApiFailure(error: unknown, t: Translate = activeLanguage): ApiFailure {
  if (!(error instanceof HttpErrorResponse)) {
    return { statusCode: -1, code: 'client_error', message: fallbackFailureMessage(-1, t) };
  }
  const seconds = retryAfter(error);
  if (isErrorBody(error.error)) {
    return { ...error.error, statusCode: error.status, ...(seconds !== undefined ? { retryAfterSeconds: seconds } : {}) };
  }
  return {
    statusCode: error.status,
    code: error.status === 0 ? 'network_error' : 'http_error',
    message: fallbackFailureMessage(error.status, t),
    ...(seconds !== undefined ? { retryAfterSeconds: seconds } : {}),
  };
}
