export {
  MaxAdapter,
  MAX_BOT_RATE,
  MAX_BOT_SPACING_MS,
  MAX_CHAT_RATE,
  MAX_CHAT_SPACING_MS,
  MAX_NOT_READY_DELAYS_MS,
  publishCalls as maxPublishCalls,
  publishMessages as maxPublishMessages,
} from './lib/max-adapter';
export type { MaxAdapterOptions } from './lib/max-adapter';
export { MAX_ERROR_TABLE, mapMaxError } from './lib/max-errors';
export type { MaxApiError } from './lib/max-errors';
export { maxMessageText, parseMaxTarget } from './lib/max-message';
export type { MaxMessageText, MaxTarget } from './lib/max-message';
export { findOwnMessage, MAX_CLOCK_SKEW_MS, MAX_RECONCILE_COUNT } from './lib/max-reconcile';
