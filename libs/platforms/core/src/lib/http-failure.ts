import { isAxiosError } from 'axios';
import type { TransientOutcome, UnconfirmedOutcome } from './outcomes';
import { redactSecrets } from './redact';

/**
 * `read`: changes nothing on the platform (getMe, getUploadServer, photo upload before the post);
 * `write`: may create or change a post (wall.post, mediatopic.post, sendMessage, edits, deletes).
 */
export type RequestKind = 'read' | 'write';

export interface FailureContext {
  kind: RequestKind;
  /** Platform name for the reason, e.g. `ВКонтакте`. */
  platformTitle: string;
  /** True where repeating a write cannot duplicate it (VK `guid`, edits, deletes). */
  retrySafe?: boolean;
  /** Secrets to scrub from the reason. */
  secrets?: readonly (string | undefined)[];
}

/** Codes Node and axios give when no byte reached the platform. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ERR_INVALID_URL',
  'ERR_BAD_OPTION_VALUE',
  'ERR_CANCELED',
]);

/**
 * Classifies a thrown request error (network level, no usable HTTP answer).
 * Connect refused / DNS / a request whose body was never fully written → `transient`.
 * Timeout or reset after the body was written → the platform may have acted → `unconfirmed`
 * for writes, `transient` for reads (a read changes nothing, so repeating it is harmless).
 */
export function classifyRequestError(error: unknown, ctx: FailureContext): TransientOutcome | UnconfirmedOutcome {
  if (!isAxiosError(error)) {
    const message = redactSecrets(error instanceof Error ? error.message : String(error), ctx.secrets);
    return ctx.kind === 'read'
      ? { status: 'transient', reason: `Ошибка при обращении к ${ctx.platformTitle}: ${message}` }
      : { status: 'unconfirmed', retrySafe: ctx.retrySafe ?? false, reason: `Ошибка при отправке в ${ctx.platformTitle}, результат неизвестен: ${message}` };
  }
  const code = error.code ?? '';
  const detail = redactSecrets(`${code ? code + ': ' : ''}${error.message}`, ctx.secrets);
  const request = error.request as { writableFinished?: boolean } | undefined;
  const bodyWritten = Boolean(request?.writableFinished);
  if (NOT_SENT_CODES.has(code) || !bodyWritten) {
    return { status: 'transient', reason: `Не удалось связаться с ${ctx.platformTitle}, запрос не отправлен (${detail})` };
  }
  if (ctx.kind === 'read') {
    return { status: 'transient', reason: `${ctx.platformTitle} не ответил на запрос чтения (${detail})` };
  }
  const what = code === 'ECONNABORTED' || code === 'ETIMEDOUT' ? 'не ответил вовремя' : 'оборвал соединение';
  return {
    status: 'unconfirmed',
    retrySafe: ctx.retrySafe ?? false,
    reason: `${ctx.platformTitle} ${what} после отправки запроса: неизвестно, создана ли запись (${detail})`,
  };
}

/**
 * Classifies an HTTP 5xx (or another status that carries no platform answer). The request
 * reached the platform, so for a write the result is unknown; a read is simply retried.
 */
export function classifyHttpStatus(status: number, ctx: FailureContext): TransientOutcome | UnconfirmedOutcome {
  if (ctx.kind === 'read') {
    return { status: 'transient', reason: `${ctx.platformTitle} ответил ошибкой HTTP ${status}` };
  }
  return {
    status: 'unconfirmed',
    retrySafe: ctx.retrySafe ?? false,
    reason: `${ctx.platformTitle} ответил ошибкой HTTP ${status} после получения запроса: неизвестно, создана ли запись`,
  };
}
