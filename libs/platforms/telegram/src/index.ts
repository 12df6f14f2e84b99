export { TelegramAdapter, TELEGRAM_BOT_RATE, TELEGRAM_BOT_SPACING_MS, TELEGRAM_CHAT_SPACING_MS } from './lib/telegram-adapter';
export type { TelegramAdapterOptions } from './lib/telegram-adapter';
export { TELEGRAM_ERROR_TABLE, mapTelegramError } from './lib/telegram-errors';
export { formatTelegramRemoteId, parseTelegramRemoteId, telegramMessageUrl } from './lib/telegram-remote-id';
export type { TelegramRemoteId, TelegramMessageRef } from './lib/telegram-remote-id';
