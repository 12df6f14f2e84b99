import { HttpErrorResponse } from '@angular/common/http';
import type { ApiErrorBody } from '@vestnik/contracts';

/** An API error as the editor shows it: always with a Russian message, even when the server sent none. */
export interface ApiFailure extends ApiErrorBody {
  /** Seconds to wait before retrying (429 `too_many_attempts`). */
  retryAfterSeconds?: number;
}

/** Base of every API call: the server hosts the editor on the same origin. */
export const API_BASE = '/api/v1';

const FALLBACK_MESSAGES: Record<number, string> = {
  0: 'Нет связи с сервером. Проверьте подключение к сети и попробуйте ещё раз.',
  401: 'Сеанс завершён. Войдите снова.',
  403: 'Недостаточно прав для этого действия.',
  404: 'Запрошенные данные не найдены.',
  409: 'Действие не выполнено: данные уже изменились.',
  429: 'Слишком много попыток. Подождите и попробуйте снова.',
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

/** Turns whatever an HTTP call threw into an `ApiFailure`. */
export function toApiFailure(error: unknown): ApiFailure {
  if (!(error instanceof HttpErrorResponse)) {
    return { statusCode: -1, code: 'client_error', message: 'Произошла ошибка в приложении. Обновите страницу.' };
  }
  const seconds = retryAfter(error);
  if (isErrorBody(error.error)) {
    return { ...error.error, statusCode: error.status, ...(seconds !== undefined ? { retryAfterSeconds: seconds } : {}) };
  }
  const message =
    FALLBACK_MESSAGES[error.status] ??
    (error.status >= 500
      ? 'Сервер временно не может выполнить запрос. Попробуйте через несколько минут.'
      : 'Запрос не выполнен. Попробуйте ещё раз.');
  return {
    statusCode: error.status,
    code: error.status === 0 ? 'network_error' : 'http_error',
    message,
    ...(seconds !== undefined ? { retryAfterSeconds: seconds } : {}),
  };
}
