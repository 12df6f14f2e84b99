import type { FailureOutcome, RequestKind } from '@vestnik/platforms/core';
import { redactSecrets } from '@vestnik/platforms/core';

export interface VkApiError {
  error_code: number;
  error_msg?: string;
}

type VkErrorRule =
  | { outcome: 'auth_expired'; refreshable: boolean; reason: string }
  | { outcome: 'rate_limited'; retryAfterSeconds: number; reason: string }
  | { outcome: 'rejected'; reason: string }
  /** VK failed inside: unknown for a write, safe to repeat for a read (and for a write with guid). */
  | { outcome: 'internal'; reason: string }
  | { outcome: 'not_found'; reason: string };

/**
 * Every VK error code PLATFORMS.md names, plus the upload and lookup codes our calls can meet.
 * Waits are our choice where VK gives none: 6 is per second, 9 and 29 are longer windows.
 */
export const VK_ERROR_TABLE: Readonly<Record<number, VkErrorRule>> = {
  5: { outcome: 'auth_expired', refreshable: true, reason: 'Токен ВКонтакте недействителен или истёк' },
  6: { outcome: 'rate_limited', retryAfterSeconds: 1, reason: 'Слишком много запросов в секунду к ВКонтакте' },
  9: { outcome: 'rate_limited', retryAfterSeconds: 600, reason: 'Контроль флуда ВКонтакте: слишком много однотипных действий' },
  10: { outcome: 'internal', reason: 'Внутренняя ошибка сервера ВКонтакте' },
  14: { outcome: 'rejected', reason: 'ВКонтакте требует ввести капчу: нужно действие человека' },
  15: { outcome: 'rejected', reason: 'Доступ запрещён: проверьте, что пользователь — администратор или редактор сообщества' },
  22: { outcome: 'rejected', reason: 'ВКонтакте не принял загруженное фото' },
  27: { outcome: 'auth_expired', refreshable: false, reason: 'Токен сообщества не подходит: нужен пользовательский токен администратора, переподключите канал' },
  29: { outcome: 'rate_limited', retryAfterSeconds: 3600, reason: 'Исчерпан лимит вызовов метода ВКонтакте' },
  100: { outcome: 'rejected', reason: 'ВКонтакте отклонил параметры запроса' },
  104: { outcome: 'not_found', reason: 'Запись не найдена' },
  114: { outcome: 'rejected', reason: 'ВКонтакте отклонил альбом для фото' },
  118: { outcome: 'rejected', reason: 'ВКонтакте отклонил сервер загрузки фото' },
  121: { outcome: 'rejected', reason: 'ВКонтакте отклонил подпись загруженного фото' },
  203: { outcome: 'rejected', reason: 'Нет доступа к сообществу' },
  210: { outcome: 'rejected', reason: 'Нет доступа к записи на стене' },
  214: { outcome: 'rejected', reason: 'ВКонтакте запретил добавлять записи в это сообщество' },
  219: { outcome: 'rejected', reason: 'Рекламная запись уже недавно публиковалась' },
  220: { outcome: 'rejected', reason: 'Слишком много получателей' },
  222: { outcome: 'rejected', reason: 'В этом сообществе запрещены ссылки в записях' },
  224: { outcome: 'rejected', reason: 'Превышен лимит рекламных записей' },
  703: { outcome: 'rejected', reason: 'Сообщество требует двухфакторную аутентификацию: включите 2FA у администратора' },
};

/** Error 214 also carries VK's "50 posts a day" limit: that one passes with time. */
const DAILY_POST_LIMIT = /day|сутки|в день|50 posts/i;

export interface VkErrorContext {
  kind: RequestKind;
  /** Whether a refresh token is at hand, so error 5 can be healed without a person. */
  canRefresh: boolean;
  /** True for wall.post with guid and for edits/deletes: repeating cannot duplicate. */
  retrySafe: boolean;
  secrets: readonly (string | undefined)[];
}

export type VkErrorOutcome = FailureOutcome | { status: 'not_found'; reason: string };

export function mapVkError(error: VkApiError, ctx: VkErrorContext): VkErrorOutcome {
  const code = Number(error.error_code);
  const platformMessage = redactSecrets(String(error.error_msg ?? ''), ctx.secrets);
  const rule = VK_ERROR_TABLE[code];
  const explain = (reason: string): string => `${reason} (ВКонтакте, ошибка ${code}: ${platformMessage})`;
  if (!rule) {
    return { status: 'rejected', code: `vk:${code}`, reason: explain('ВКонтакте отказал'), platformMessage };
  }
  switch (rule.outcome) {
    case 'auth_expired':
      return {
        status: 'auth_expired',
        refreshable: rule.refreshable && ctx.canRefresh,
        reason: explain(rule.reason),
        platformCode: String(code),
        platformMessage,
      };
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
        : { status: 'unconfirmed', retrySafe: ctx.retrySafe, reason: explain(`${rule.reason}: неизвестно, выполнено ли действие`) };
    case 'not_found':
      return { status: 'not_found', reason: explain(rule.reason) };
    case 'rejected':
      if (code === 214 && DAILY_POST_LIMIT.test(platformMessage)) {
        return {
          status: 'rate_limited',
          retryAfterSeconds: 3600,
          reason: explain('Достигнут суточный лимит записей в сообществе ВКонтакте'),
          platformCode: '214',
          platformMessage,
        };
      }
      return { status: 'rejected', code: `vk:${code}`, reason: explain(rule.reason), platformMessage };
  }
}
