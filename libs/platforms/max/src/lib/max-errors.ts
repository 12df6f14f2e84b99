import type { FailureOutcome, RequestKind } from '@vestnik/platforms/core';
import { redactSecrets } from '@vestnik/platforms/core';

/** A MAX answer that is not a success: the HTTP status and MAX's `{code, message}` body, when there is one. */
export interface MaxApiError {
  status: number;
  /** MAX's error code, e.g. `verify.token`, `attachment.not.ready`. */
  code?: string;
  message?: string;
  /** From a `Retry-After` header, when MAX sends one. */
  retryAfterSeconds?: number;
}

/**
 * Outcomes only the adapter itself cares about: `not_found` (a delete of a message already gone,
 * an edit of a removed one, an unknown channel) and `not_ready` (an uploaded image MAX is still
 * processing: the message was refused, not created, so sending again is safe).
 */
export type MaxErrorOutcome = FailureOutcome | { status: 'not_found'; reason: string } | { status: 'not_ready'; reason: string };

type MaxErrorRule =
  | { outcome: 'auth_expired'; reason: string }
  | { outcome: 'rate_limited'; reason: string }
  | { outcome: 'rejected'; reason: string }
  | { outcome: 'not_found'; reason: string };

/** By HTTP status (MAX answers errors with one and `{code, message}`); 5xx are handled below the table. */
export const MAX_ERROR_TABLE: Readonly<Record<number, MaxErrorRule>> = {
  400: { outcome: 'rejected', reason: 'MAX отклонил запрос' },
  401: { outcome: 'auth_expired', reason: 'Токен бота MAX недействителен (отозван или заменён): переподключите канал' },
  403: { outcome: 'rejected', reason: 'У бота нет прав на это в канале MAX: сделайте его администратором с правом «Писать сообщения» (write)' },
  404: { outcome: 'not_found', reason: 'Канал или сообщение MAX не найдены' },
  405: { outcome: 'rejected', reason: 'MAX не поддерживает такой запрос: проверьте адрес API' },
  429: { outcome: 'rate_limited', reason: 'Слишком много запросов к MAX: нужно подождать' },
};

/** MAX codes that mean the same whatever status they come with. */
const NOT_READY = 'attachment.not.ready';
const AUTH_CODES = new Set(['verify.token']);
const RATE_CODES = new Set(['too.many.requests']);

/**
 * MAX documents no wait time for 429 (PLATFORMS.md: "429 on excess"); its documented limits are per
 * second, so a second is enough unless MAX names a longer wait in `Retry-After`.
 */
export const MAX_DEFAULT_RETRY_AFTER_SECONDS = 1;

export function mapMaxError(
  error: MaxApiError,
  ctx: { kind: RequestKind; retrySafe?: boolean; secrets: readonly (string | undefined)[] },
): MaxErrorOutcome {
  const status = Number(error.status);
  const code = error.code ? redactSecrets(String(error.code), ctx.secrets) : '';
  const platformMessage = redactSecrets(String(error.message ?? ''), ctx.secrets);
  const detail = [code, platformMessage].filter(Boolean).join(': ');
  const explain = (reason: string): string => `${reason} (MAX, ошибка ${status}${detail ? ` ${detail}` : ''})`;
  if (code === NOT_READY) return { status: 'not_ready', reason: explain('MAX ещё обрабатывает загруженное изображение') };
  const rule: MaxErrorRule | undefined = AUTH_CODES.has(code)
    ? MAX_ERROR_TABLE[401]
    : RATE_CODES.has(code)
      ? MAX_ERROR_TABLE[429]
      : MAX_ERROR_TABLE[status];
  if (!rule) {
    if (status >= 500) {
      return ctx.kind === 'read'
        ? { status: 'transient', reason: explain('Внутренняя ошибка MAX') }
        : { status: 'unconfirmed', retrySafe: ctx.retrySafe ?? false, reason: explain('Внутренняя ошибка MAX: неизвестно, выполнено ли действие') };
    }
    return { status: 'rejected', code: `max:${status}`, reason: explain('MAX отказал'), platformMessage };
  }
  switch (rule.outcome) {
    case 'auth_expired':
      // A bot token is issued by a person on MAX's partner platform: nothing here can renew it.
      return { status: 'auth_expired', refreshable: false, reason: explain(rule.reason), platformCode: code || String(status), platformMessage };
    case 'rate_limited':
      return {
        status: 'rate_limited',
        retryAfterSeconds: Math.max(1, Math.ceil(error.retryAfterSeconds ?? MAX_DEFAULT_RETRY_AFTER_SECONDS)),
        reason: explain(rule.reason),
        platformCode: String(status),
        platformMessage,
      };
    case 'not_found':
      return { status: 'not_found', reason: explain(rule.reason) };
    case 'rejected':
      return { status: 'rejected', code: `max:${status}`, reason: explain(rule.reason), platformMessage };
  }
}

/** Outside an edit or a delete, a missing channel or message is a refusal; `not_ready` left over after the retries is safe to repeat later. */
export function asFailure(outcome: MaxErrorOutcome): FailureOutcome {
  if (outcome.status === 'not_found') return { status: 'rejected', code: 'max:404', reason: outcome.reason };
  if (outcome.status === 'not_ready') return { status: 'transient', reason: `${outcome.reason}: сообщение не создано, его можно отправить позже` };
  return outcome;
}
