/**
 * Remote id of a Telegram publication: `{chatId}:{parts}` where each part is a message id
 * prefixed by its role — `p` a photo (the first one carries the caption), `t` a text message.
 * Examples: `-1001234567890:t42` (text), `-100123:p43,p44,t45` (album plus follow-up text).
 * The first part is the message the publication links to.
 */
export interface TelegramMessageRef {
  role: 'p' | 't';
  messageId: number;
}

export interface TelegramRemoteId {
  chatId: string;
  messages: TelegramMessageRef[];
}

export function formatTelegramRemoteId(id: TelegramRemoteId): string {
  return `${id.chatId}:${id.messages.map((m) => `${m.role}${m.messageId}`).join(',')}`;
}

export function parseTelegramRemoteId(remoteId: string): TelegramRemoteId | null {
  const match = /^(-?\d+):((?:[pt]\d+)(?:,[pt]\d+)*)$/.exec(remoteId.trim());
  if (!match) return null;
  const messages = match[2].split(',').map((part) => ({ role: part[0] as 'p' | 't', messageId: Number(part.slice(1)) }));
  return { chatId: match[1], messages };
}

/** Public channels link by username; private ones by the internal id (chat id without -100). */
export function telegramMessageUrl(chatId: string, messageId: number, username?: string): string {
  if (username) return `https://t.me/${username}/${messageId}`;
  return `https://t.me/c/${chatId.replace(/^-100/, '').replace(/^-/, '')}/${messageId}`;
}

/** JSON bodies carry numeric chat ids as numbers (as Telegram documents them) and @usernames as text. */
export function chatIdParam(chatId: string): number | string {
  const trimmed = chatId.trim();
  return /^-?\d{1,15}$/.test(trimmed) ? Number(trimmed) : trimmed;
}
