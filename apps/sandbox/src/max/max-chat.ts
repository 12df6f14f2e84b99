import type { SandboxContext } from '../app/context';
import { RATE_LIMITS } from '../state/rate-limits';
import type { MaxBot, MaxChat, MaxMember, MaxPhoto, MaxStoredMessage } from '../state/store';
import { attachmentNotReady, chatDenied, MaxFailure, notFound, payloadError } from './max-wire';

/** Rights that let an admin post (`post_edit_delete_message` is the older name of `write`). */
const WRITE = ['write', 'post_edit_delete_message'];
const EDIT = [...WRITE, 'edit', 'edit_message'];
const DELETE = [...WRITE, 'delete', 'delete_message'];

export type MaxAction = 'post' | 'edit' | 'delete';

/** A chat by id or public link; a private chat the bot is not in is "denied", as MAX answers for chats it cannot see. */
export function visibleChat(ctx: SandboxContext, bot: MaxBot, key: string): MaxChat | MaxFailure {
  const chat = ctx.store.findMaxChat(key);
  if (!chat) return notFound(`Chat ${key} not found`);
  if (!chat.link && !chat.members.has(bot.userId)) return chatDenied(`Bot ${bot.userId} is not a member of chat ${chat.chatId}`);
  return chat;
}

export function memberOf(chat: MaxChat, bot: MaxBot): MaxMember | MaxFailure {
  return chat.members.get(bot.userId) ?? chatDenied(`Bot ${bot.userId} is not a member of chat ${chat.chatId}`);
}

/** In a channel only an admin with the right may post, edit or delete; in a group chat or dialog membership suffices. */
export function checkRight(chat: MaxChat, bot: MaxBot, action: MaxAction): MaxFailure | null {
  const member = memberOf(chat, bot);
  if ('status' in member) return member;
  if (chat.type !== 'channel') return null;
  const needed = action === 'post' ? WRITE : action === 'edit' ? EDIT : DELETE;
  if (!member.isAdmin && !member.isOwner) return chatDenied(`Bot ${bot.userId} is not an admin of channel ${chat.chatId}`);
  if (member.isOwner || needed.some((p) => member.permissions?.includes(p))) return null;
  return chatDenied(`Bot ${bot.userId} has no "${needed[0]}" permission in channel ${chat.chatId}`);
}

const tooMany = (message: string): MaxFailure => ({ status: 429, code: 'too.many.requests', message });

/** About 30 requests a second per bot, counted on arrival, for every authorized request. */
export function checkBotRate(ctx: SandboxContext, bot: MaxBot, arrivedAt: number): MaxFailure | null {
  const waitMs = ctx.limits.hit(`max:bot:${bot.userId}`, RATE_LIMITS.maxRequestsPerSecond, 1000, 1, arrivedAt);
  if (waitMs === 0) return null;
  ctx.limits.refused('max:429');
  return tooMany(`Too many requests: ${RATE_LIMITS.maxRequestsPerSecond} per second per bot`);
}

/** Two messages a second into one chat, counted on arrival; a refused message is not counted. */
export function checkChatRate(ctx: SandboxContext, chat: MaxChat, arrivedAt: number): MaxFailure | null {
  const waitMs = ctx.limits.hit(`max:chat:${chat.chatId}`, RATE_LIMITS.maxMessagesPerSecondPerChat, 1000, 1, arrivedAt);
  if (waitMs === 0) return null;
  ctx.limits.refused('max:429');
  return tooMany(`Too many messages: ${RATE_LIMITS.maxMessagesPerSecondPerChat} per second into chat ${chat.chatId}`);
}

/**
 * The photos behind image tokens: unknown tokens refused; a token uploaded less than
 * `attachmentReadyMs` ago (wall time, or sandbox time for tests that move the clock) is not ready.
 */
export function photosFor(ctx: SandboxContext, tokens: readonly string[]): MaxPhoto[] | MaxFailure {
  const photos: MaxPhoto[] = [];
  for (const token of tokens) {
    const photo = ctx.store.max.photos.get(token);
    if (!photo) return payloadError('Invalid attachment token: upload the image through POST /uploads first');
    photos.push(photo);
  }
  const readyMs = ctx.store.max.attachmentReadyMs;
  const busy = photos.some((p) => Date.now() - p.uploadedWallAt < readyMs && ctx.clock.now() - p.uploadedAt < readyMs);
  return busy ? attachmentNotReady : photos;
}

export function botJson(bot: MaxBot, now: number): Record<string, unknown> {
  return { user_id: bot.userId, first_name: bot.name, name: bot.name, username: bot.username, is_bot: true, last_activity_time: now };
}

export function chatJson(chat: MaxChat, now: number): Record<string, unknown> {
  const live = chat.messages.filter((m) => !m.deletedAt);
  return {
    chat_id: chat.chatId,
    type: chat.type,
    status: 'active',
    title: chat.title,
    icon: null,
    last_event_time: live.at(-1)?.timestamp ?? now,
    participants_count: chat.members.size,
    is_public: Boolean(chat.link),
    link: chat.link ? `https://max.ru/${chat.link}` : null,
    description: null,
    messages_count: live.length,
  };
}

export function memberJson(bot: MaxBot, member: MaxMember, now: number): Record<string, unknown> {
  return {
    ...botJson(bot, now),
    description: null,
    last_access_time: now,
    is_owner: member.isOwner,
    is_admin: member.isAdmin || member.isOwner,
    join_time: member.joinedAt,
    permissions: member.isAdmin || member.isOwner ? (member.permissions ?? []) : null,
  };
}

export function messageUrl(chat: MaxChat, mid: string): string {
  return chat.link ? `https://max.ru/${chat.link}/${mid}` : `https://max.ru/c/${chat.chatId}/${mid}`;
}

export function messageJson(ctx: SandboxContext, chat: MaxChat, m: MaxStoredMessage, baseUrl: string): Record<string, unknown> {
  const bot = [...ctx.store.max.bots.values()].find((b) => b.userId === m.botUserId);
  const attachments = m.imageTokens.map((token) => {
    const photo = ctx.store.max.photos.get(token);
    return { type: 'image', payload: { photo_id: photo?.photoId ?? 0, token, url: `${baseUrl}/images/${photo?.imageId ?? ''}` } };
  });
  return {
    sender: bot ? botJson(bot, m.timestamp) : { user_id: m.botUserId, is_bot: true },
    recipient: { chat_id: chat.chatId, chat_type: chat.type, user_id: null },
    timestamp: m.timestamp,
    ...(m.link ? { link: { type: m.link.type, message: { mid: m.link.mid } } } : {}),
    body: { mid: m.mid, seq: m.seq, text: m.text, attachments: attachments.length ? attachments : null },
    ...(chat.type === 'channel' ? { stat: { views: 0 }, url: messageUrl(chat, m.mid) } : {}),
  };
}

/** The bot's own live message and its chat. */
export function ownMessage(ctx: SandboxContext, bot: MaxBot, mid: string): { chat: MaxChat; message: MaxStoredMessage } | MaxFailure {
  for (const chat of ctx.store.max.chats.values()) {
    const message = chat.messages.find((m) => m.mid === mid && !m.deletedAt);
    if (!message) continue;
    if (message.botUserId !== bot.userId) return chatDenied(`Message ${mid} was sent by another user`);
    return { chat, message };
  }
  return notFound(`Message ${mid} not found`);
}
