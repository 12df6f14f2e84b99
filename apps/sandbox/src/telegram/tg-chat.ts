import type { SandboxContext } from '../app/context';
import { RATE_LIMITS } from '../state/rate-limits';
import type { TelegramBot, TelegramChat, TelegramStoredMessage } from '../state/store';
import { parseTelegramHtml, plainToHtml } from './tg-html';

export interface TelegramFailure {
  status: number;
  description: string;
  retryAfter?: number;
}

export const badRequest = (description: string): TelegramFailure => ({ status: 400, description: `Bad Request: ${description}` });

/** Resolves chat_id; a private channel the bot is not in is "not found", as Telegram says. */
export function chatFor(ctx: SandboxContext, bot: TelegramBot, chatId: unknown): TelegramChat | TelegramFailure {
  const chat = ctx.store.findTelegramChat(String(chatId ?? ''));
  const member = chat?.members.get(bot.id);
  if (!chat || (!chat.username && (!member || member.status === 'left'))) return badRequest('chat not found');
  return chat;
}

/** Posting into a channel needs an administrator with can_post_messages (or the creator). */
export function checkCanPost(chat: TelegramChat, bot: TelegramBot): TelegramFailure | null {
  const member = chat.members.get(bot.id);
  if (!member || member.status === 'left') return { status: 403, description: `Forbidden: bot is not a member of the ${chat.type} chat` };
  if (chat.type === 'channel' && member.status !== 'creator' && !(member.status === 'administrator' && member.canPostMessages)) {
    return badRequest('need administrator rights in the channel chat');
  }
  return null;
}

/** 20 messages a minute into one channel and 30 a second per bot, counted when the request arrived; answers 429 with retry_after. */
export function checkSendRate(ctx: SandboxContext, chat: TelegramChat, bot: TelegramBot, messages: number, arrivedAt: number): TelegramFailure | null {
  const perChat = ctx.limits.peek(`tg:chat:${chat.id}`, RATE_LIMITS.telegramMessagesPerMinute, 60_000, messages, arrivedAt);
  const perBot = ctx.limits.peek(`tg:bot:${bot.id}`, RATE_LIMITS.telegramMessagesPerSecond, 1000, messages, arrivedAt);
  const waitMs = Math.max(perChat, perBot);
  if (waitMs > 0) {
    ctx.limits.refused('telegram:429');
    const retryAfter = Math.ceil(waitMs / 1000);
    return { status: 429, description: `Too Many Requests: retry after ${retryAfter}`, retryAfter };
  }
  ctx.limits.hit(`tg:chat:${chat.id}`, RATE_LIMITS.telegramMessagesPerMinute, 60_000, messages, arrivedAt);
  ctx.limits.hit(`tg:bot:${bot.id}`, RATE_LIMITS.telegramMessagesPerSecond, 1000, messages, arrivedAt);
  return null;
}

export interface FormattedText {
  text: string;
  html: string;
}

/** Applies parse_mode to a text or caption and enforces its length after entity parsing. */
export function formatText(value: unknown, parseMode: unknown, what: 'text' | 'caption', max: number): FormattedText | TelegramFailure {
  const raw = String(value ?? '');
  let formatted: FormattedText;
  if (parseMode === undefined || parseMode === '') formatted = { text: raw, html: plainToHtml(raw) };
  else if (String(parseMode) === 'HTML') {
    const parsed = parseTelegramHtml(raw);
    if (!parsed.ok) return { status: 400, description: parsed.error };
    formatted = { text: parsed.text, html: parsed.html };
  } else return badRequest(`unsupported parse_mode "${String(parseMode)}": the sandbox emulates HTML only`);
  const visible = formatted.text.trim();
  if (what === 'text' && visible.length === 0) return badRequest('message text is empty');
  if (visible.length > max) return badRequest(what === 'text' ? 'message is too long' : 'message caption is too long');
  return formatted;
}

export function messageJson(chat: TelegramChat, m: TelegramStoredMessage, fileSize: (fileId: string) => number): Record<string, unknown> {
  const chatJson = { id: chat.id, type: chat.type, title: chat.title, ...(chat.username ? { username: chat.username } : {}) };
  return {
    message_id: m.messageId,
    date: Math.floor(m.date / 1000),
    chat: chatJson,
    sender_chat: chatJson,
    ...(m.text !== undefined ? { text: m.text } : {}),
    ...(m.caption ? { caption: m.caption } : {}),
    ...(m.photoFileId
      ? { photo: [{ file_id: m.photoFileId, file_unique_id: m.photoFileId.slice(-12), width: 0, height: 0, file_size: fileSize(m.photoFileId) }] }
      : {}),
    ...(m.mediaGroupId ? { media_group_id: m.mediaGroupId } : {}),
    ...(m.linkPreviewUrl ? { link_preview_options: { url: m.linkPreviewUrl } } : {}),
    ...(m.editedAt ? { edit_date: Math.floor(m.editedAt / 1000) } : {}),
  };
}

export function liveMessage(chat: TelegramChat, bot: TelegramBot, messageId: unknown): TelegramStoredMessage | undefined {
  return chat.messages.find((m) => m.messageId === Number(messageId) && m.botId === bot.id && !m.deletedAt);
}

export function isFailure(value: object): value is TelegramFailure {
  return 'status' in value && 'description' in value;
}
