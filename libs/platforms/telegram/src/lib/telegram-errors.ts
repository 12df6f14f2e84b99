import type { FailureOutcome, RequestKind } from '@vestnik/platforms/core';
import { redactSecrets } from '@vestnik/platforms/core';

export interface TelegramApiError {
  error_code: number;
  description?: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

/** Outcomes only an edit or delete cares about; outside the adapter they become success or rejection. */
export type TelegramErrorOutcome = FailureOutcome | { status: 'not_modified'; reason: string } | { status: 'not_found'; reason: string };

type TelegramErrorRule =
  | { outcome: 'auth_expired'; reason: string }
  | { outcome: 'rate_limited'; reason: string }
  | { outcome: 'rejected'; reason: string };

/** Bot API answers by HTTP-like error_code; 5xx are handled as "internal" below the table. */
export const TELEGRAM_ERROR_TABLE: Readonly<Record<number, TelegramErrorRule>> = {
  400: { outcome: 'rejected', reason: 'Telegram отклонил запрос' },
  401: { outcome: 'auth_expired', reason: 'Токен бота Telegram недействителен (отозван или заменён в BotFather): переподключите канал' },
  403: { outcome: 'rejected', reason: 'Бот не может писать в канал: добавьте его администратором с правом публикации' },
  404: { outcome: 'rejected', reason: 'Telegram не знает такого метода или бота: проверьте токен и адрес API' },
  429: { outcome: 'rate_limited', reason: 'Слишком много сообщений в Telegram: нужно подождать' },
};

/** 400 descriptions that change meaning; matched on Telegram's stable English wording. */
const NOT_MODIFIED = /message is not modified/i;
const NOT_FOUND = /message to (delete|edit) not found|message can't be deleted|MESSAGE_ID_INVALID/i;
const PARSE_ENTITIES = /can't parse entities/i;
const CHAT_NOT_FOUND = /chat not found/i;

export function mapTelegramError(
  error: TelegramApiError,
  ctx: { kind: RequestKind; retrySafe?: boolean; secrets: readonly (string | undefined)[] },
): TelegramErrorOutcome {
  const code = Number(error.error_code);
  const platformMessage = redactSecrets(String(error.description ?? ''), ctx.secrets);
  const explain = (reason: string): string => `${reason} (Telegram, ошибка ${code}: ${platformMessage})`;
  if (code >= 500) {
    return ctx.kind === 'read'
      ? { status: 'transient', reason: explain('Внутренняя ошибка Telegram') }
      : { status: 'unconfirmed', retrySafe: ctx.retrySafe ?? false, reason: explain('Внутренняя ошибка Telegram: неизвестно, отправлено ли сообщение') };
  }
  if (code === 400 && NOT_MODIFIED.test(platformMessage)) return { status: 'not_modified', reason: explain('Текст не изменился') };
  if (code === 400 && NOT_FOUND.test(platformMessage)) return { status: 'not_found', reason: explain('Сообщение не найдено') };
  const rule = TELEGRAM_ERROR_TABLE[code];
  if (!rule) return { status: 'rejected', code: `telegram:${code}`, reason: explain('Telegram отказал'), platformMessage };
  switch (rule.outcome) {
    case 'auth_expired':
      return { status: 'auth_expired', refreshable: false, reason: explain(rule.reason), platformCode: String(code), platformMessage };
    case 'rate_limited':
      return {
        status: 'rate_limited',
        // Telegram always sends retry_after with 429; a minute is a safe guess if it does not.
        retryAfterSeconds: Math.max(1, Number(error.parameters?.retry_after ?? 60)),
        reason: explain(rule.reason),
        platformCode: String(code),
        platformMessage,
      };
    case 'rejected': {
      let reason = rule.reason;
      if (PARSE_ENTITIES.test(platformMessage)) reason = 'Telegram не разобрал HTML-разметку текста';
      else if (CHAT_NOT_FOUND.test(platformMessage)) reason = 'Канал Telegram не найден или бот в нём не состоит';
      else if (error.parameters?.migrate_to_chat_id) {
        reason = `Группа стала супергруппой, её новый id: ${error.parameters.migrate_to_chat_id}`;
      }
      return { status: 'rejected', code: `telegram:${code}`, reason: explain(reason), platformMessage };
    }
  }
}
