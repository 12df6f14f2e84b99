import { randomBytes } from 'node:crypto';
import type { SandboxContext } from '../app/context';
import type { MaxBot, MaxStoredMessage } from '../state/store';
import { escapeHtml } from '../telegram/tg-html';
import {
  botJson,
  chatJson,
  checkChatRate,
  checkRight,
  memberJson,
  memberOf,
  messageJson,
  ownMessage,
  photosFor,
  visibleChat,
} from './max-chat';
import { stripMaxHtml } from './max-html';
import { checkMessageBody, isFailure, MaxFailure, NewMessage, notFound, payloadError, QueryParam } from './max-wire';

export interface MaxCall {
  bot: MaxBot;
  query: Record<string, string>;
  /** The parsed JSON body, undefined when none came. */
  body: unknown;
  /** The `{chatId}` / `{chatLink}` path segment. */
  key: string;
  baseUrl: string;
  now: number;
  /** When the request arrived (rates count from then). */
  arrivedAt: number;
}

export type MaxResult = { body: unknown } | MaxFailure;
export type MaxHandler = (ctx: SandboxContext, call: MaxCall) => MaxResult;

export interface MaxEndpoint {
  /** `GET /me`, `POST /messages`…: also the `method` a fault names. */
  name: string;
  query: Readonly<Record<string, QueryParam>>;
  /** Whether the request carries a `NewMessageBody`. */
  body: boolean;
  handler: MaxHandler;
}

/** The text a reader sees and the HTML the feed shows, by `format`. */
function render(raw: string, format: NewMessage['format']): { text: string; html: string } {
  if (format === 'html') {
    const stripped = stripMaxHtml(raw);
    return { text: stripped.text, html: stripped.html };
  }
  // Markdown is kept as sent (the sandbox does not render it): tests read the markup that arrived.
  return { text: raw, html: escapeHtml(raw) };
}

const getMe: MaxHandler = (_ctx, call) => ({ body: { ...botJson(call.bot, call.now), description: null } });

const getChat: MaxHandler = (ctx, call) => {
  const chat = visibleChat(ctx, call.bot, call.key);
  return isFailure(chat) ? chat : { body: chatJson(chat, call.now) };
};

const getMembership: MaxHandler = (ctx, call) => {
  const chat = ctx.store.findMaxChat(call.key);
  if (!chat) return notFound(`Chat ${call.key} not found`);
  const member = memberOf(chat, call.bot);
  return 'status' in member ? member : { body: memberJson(call.bot, member, call.now) };
};

const sendMessage: MaxHandler = (ctx, call) => {
  const chat = ctx.store.findMaxChat(call.query['chat_id']);
  if (!chat) return notFound(`Chat ${call.query['chat_id']} not found`);
  const refused = checkRight(chat, call.bot, 'post');
  if (refused) return refused;
  const message = checkMessageBody(call.body);
  if (isFailure(message)) return message;
  const raw = message.text ?? '';
  const tokens = message.imageTokens ?? [];
  if (raw.trim() === '' && tokens.length === 0) return payloadError('Message must have "text" or "attachments"');
  const photos = photosFor(ctx, tokens);
  if (isFailure(photos)) return photos;
  const limited = checkChatRate(ctx, chat, call.arrivedAt);
  if (limited) return limited;
  const format = message.format ?? null;
  const stored: MaxStoredMessage = {
    mid: `mid.${randomBytes(8).toString('hex')}`,
    seq: chat.nextSeq++,
    botUserId: call.bot.userId,
    timestamp: call.now,
    raw,
    format,
    ...render(raw, format),
    imageTokens: tokens,
    link: message.link ?? undefined,
    notify: message.notify ?? true,
    disableLinkPreview: call.query['disable_link_preview'] === 'true',
  };
  chat.messages.push(stored);
  return { body: { message: messageJson(ctx, chat, stored, call.baseUrl) } };
};

const editMessage: MaxHandler = (ctx, call) => {
  const found = ownMessage(ctx, call.bot, call.query['message_id']);
  if (isFailure(found)) return found;
  const { chat, message } = found;
  const refused = checkRight(chat, call.bot, 'edit');
  if (refused) return refused;
  const edit = checkMessageBody(call.body);
  if (isFailure(edit)) return edit;
  const raw = edit.text ?? message.raw;
  const format = edit.format !== undefined ? edit.format : edit.text !== undefined && edit.text !== null ? null : message.format;
  const tokens = edit.imageTokens ?? message.imageTokens;
  if (raw.trim() === '' && tokens.length === 0) return payloadError('Message must have "text" or "attachments"');
  const photos = photosFor(ctx, tokens);
  // MAX answers an edit with a busy attachment in HTTP 200 (as reported for the real API).
  if (isFailure(photos)) return photos.code === 'attachment.not.ready' ? { body: { success: false, message: photos.message } } : photos;
  Object.assign(message, { raw, format, ...render(raw, format), imageTokens: tokens, editedAt: call.now });
  if (edit.notify !== undefined) message.notify = edit.notify;
  return { body: { success: true } };
};

const deleteMessage: MaxHandler = (ctx, call) => {
  const found = ownMessage(ctx, call.bot, call.query['message_id']);
  if (isFailure(found)) return found;
  const refused = checkRight(found.chat, call.bot, 'delete');
  if (refused) return refused;
  found.message.deletedAt = call.now;
  return { body: { success: true } };
};

/** By chat (newest first, at most `count`, between `to` and `from` in ms) or by ids (in the order asked). */
const getMessages: MaxHandler = (ctx, call) => {
  const { chat_id: chatId, message_ids: ids } = call.query;
  if (chatId === undefined && ids === undefined) return payloadError('Query parameter "chat_id" or "message_ids" is required');
  const chat = chatId === undefined ? undefined : ctx.store.findMaxChat(chatId);
  if (chatId !== undefined) {
    if (!chat) return notFound(`Chat ${chatId} not found`);
    const member = memberOf(chat, call.bot);
    if ('status' in member) return member;
  }
  const readable = [...ctx.store.max.chats.values()].filter((c) => (chat ? c === chat : c.members.has(call.bot.userId)));
  const live = readable.flatMap((c) => c.messages.filter((m) => !m.deletedAt).map((m) => ({ chat: c, m })));
  let picked: typeof live;
  if (ids !== undefined) {
    const wanted = ids.split(',').map((id) => id.trim());
    picked = wanted.flatMap((mid) => live.filter((x) => x.m.mid === mid));
  } else {
    const from = call.query['from'] === undefined ? Infinity : Number(call.query['from']);
    const to = call.query['to'] === undefined ? -Infinity : Number(call.query['to']);
    picked = live.filter((x) => x.m.timestamp <= from && x.m.timestamp >= to).sort((a, b) => b.m.seq - a.m.seq);
  }
  const count = Number(call.query['count'] ?? 50);
  return { body: { messages: picked.slice(0, count).map((x) => messageJson(ctx, x.chat, x.m, call.baseUrl)) } };
};

const getUploadUrl: MaxHandler = (ctx, call) => {
  if (call.query['type'] !== 'image') return payloadError(`Query parameter "type": the sandbox emulates "image" uploads only, got "${call.query['type']}"`);
  const ticket = ctx.store.nextId('mu');
  ctx.store.max.uploadTickets.set(ticket, { botUserId: call.bot.userId });
  return { body: { url: `${call.baseUrl}/max/upload/${ticket}` } };
};

const NO_QUERY: Readonly<Record<string, QueryParam>> = {};
const MESSAGE_ID: Readonly<Record<string, QueryParam>> = { message_id: { type: 'string', required: true } };

/** The emulated endpoints by HTTP method and path shape. */
export const MAX_ENDPOINTS = {
  me: { GET: { name: 'GET /me', query: NO_QUERY, body: false, handler: getMe } },
  chat: { GET: { name: 'GET /chats', query: NO_QUERY, body: false, handler: getChat } },
  membership: { GET: { name: 'GET /chats/members/me', query: NO_QUERY, body: false, handler: getMembership } },
  messages: {
    GET: {
      name: 'GET /messages',
      query: { chat_id: { type: 'integer' }, message_ids: { type: 'list' }, count: { type: 'integer', min: 1, max: 100 }, from: { type: 'integer' }, to: { type: 'integer' } },
      body: false,
      handler: getMessages,
    },
    POST: {
      name: 'POST /messages',
      query: { chat_id: { type: 'integer', required: true }, disable_link_preview: { type: 'boolean' } },
      body: true,
      handler: sendMessage,
    },
    PUT: { name: 'PUT /messages', query: MESSAGE_ID, body: true, handler: editMessage },
    DELETE: { name: 'DELETE /messages', query: MESSAGE_ID, body: false, handler: deleteMessage },
  },
  uploads: {
    POST: { name: 'POST /uploads', query: { type: { type: 'string', required: true, oneOf: ['image', 'video', 'audio', 'file'] } }, body: false, handler: getUploadUrl },
  },
} satisfies Record<string, Partial<Record<'GET' | 'POST' | 'PUT' | 'DELETE', MaxEndpoint>>>;
