import type { FailureOutcome, RequestKind } from '@vestnik/platforms/core';
import { redactSecrets } from '@vestnik/platforms/core';

export interface OkApiError {
  error_code: number;
  error_msg?: string;
}

type OkErrorRule =
  | { outcome: 'auth_expired'; reason: string }
  | { outcome: 'rate_limited'; retryAfterSeconds: number; reason: string }
  | { outcome: 'rejected'; reason: string }
  /** OK failed inside: unknown for a write (no idempotency key), safe to repeat for a read. */
  | { outcome: 'internal'; reason: string }
  | { outcome: 'not_found'; reason: string };

/**
 * Every OK error code PLATFORMS.md names (plus 300 NOT_FOUND for deletes). OK gives no wait
 * times: 8 (flood) gets a minute, 11 (limit reached) an hour — our choice.
 * OK long tokens cannot be refreshed by us: auth errors always need a person to reconnect.
 */
export const OK_ERROR_TABLE: Readonly<Record<number, OkErrorRule>> = {
  2: { outcome: 'internal', reason: 'Сервис Одноклассников временно недоступен' },
  8: { outcome: 'rate_limited', retryAfterSeconds: 60, reason: 'Одноклассники временно заблокировали действия: слишком часто' },
  10: { outcome: 'rejected', reason: 'Нет прав на это действие в группе Одноклассников' },
  11: { outcome: 'rate_limited', retryAfterSeconds: 3600, reason: 'Исчерпан лимит действий в Одноклассниках' },
  100: { outcome: 'rejected', reason: 'Одноклассники отклонили параметры запроса' },
  102: { outcome: 'auth_expired', reason: 'Сессия Одноклассников истекла: переподключите группу' },
  103: { outcome: 'auth_expired', reason: 'Токен Одноклассников недействителен: переподключите группу' },
  104: { outcome: 'rejected', reason: 'Неверная подпись запроса к Одноклассникам: проверьте ключ и секрет приложения' },
  160: { outcome: 'rejected', reason: 'Неверный идентификатор группы Одноклассников' },
  200: { outcome: 'auth_expired', reason: 'Приложению не хватает прав в Одноклассниках (GROUP_CONTENT, PHOTO_CONTENT): переподключите группу' },
  300: { outcome: 'not_found', reason: 'Тема не найдена' },
  454: { outcome: 'rejected', reason: 'Одноклассники отклонили текст: сработал фильтр содержания' },
  456: { outcome: 'rejected', reason: 'Ограничения группы Одноклассников не позволяют опубликовать' },
  600: { outcome: 'rejected', reason: 'Тема заблокирована в Одноклассниках' },
  601: { outcome: 'rejected', reason: 'Текст слишком длинный для Одноклассников' },
  9999: { outcome: 'internal', reason: 'Системная ошибка Одноклассников' },
};

export type OkErrorOutcome = FailureOutcome | { status: 'not_found'; reason: string };

export function mapOkError(error: OkApiError, ctx: { kind: RequestKind; retrySafe?: boolean; secrets: readonly (string | undefined)[] }): OkErrorOutcome {
  const code = Number(error.error_code);
  const platformMessage = redactSecrets(String(error.error_msg ?? ''), ctx.secrets);
  const rule = OK_ERROR_TABLE[code];
  const explain = (reason: string): string => `${reason} (Одноклассники, ошибка ${code}: ${platformMessage})`;
  if (!rule) return { status: 'rejected', code: `ok:${code}`, reason: explain('Одноклассники отказали'), platformMessage };
  switch (rule.outcome) {
    case 'auth_expired':
      return { status: 'auth_expired', refreshable: false, reason: explain(rule.reason), platformCode: String(code), platformMessage };
    case 'rate_limited':
      return {
        status: 'rate_limited',
        retryAfterSeconds: rule.retryAfterSeconds,
        reason: explain(rule.reason),
        platformCode: String(code),
        platformMessage,
      };
    case 'internal':
      return ctx.kind === 'read'
        ? { status: 'transient', reason: explain(rule.reason) }
        : { status: 'unconfirmed', retrySafe: ctx.retrySafe ?? false, reason: explain(`${rule.reason}: неизвестно, выполнено ли действие`) };
    case 'not_found':
      return { status: 'not_found', reason: explain(rule.reason) };
    case 'rejected':
      return { status: 'rejected', code: `ok:${code}`, reason: explain(rule.reason), platformMessage };
  }
}
