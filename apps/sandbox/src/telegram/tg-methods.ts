import type { SandboxContext } from '../app/context';
import { sniffImageType } from '../state/store';
import type { TelegramBot, TelegramChat, TelegramStoredMessage } from '../state/store';
import {
  badRequest,
  chatFor,
  checkCanPost,
  checkSendRate,
  FormattedText,
  formatText,
  isFailure,
  liveMessage,
  messageJson,
  TelegramFailure,
} from './tg-chat';
import { asJson } from './tg-params';

export interface TelegramCall {
  bot: TelegramBot;
  values: Record<string, unknown>;
  files: Map<string, Express.Multer.File>;
  now: number;
  /** When the request arrived (rates count from then). */
  arrivedAt: number;
}

type TelegramHandler = (ctx: SandboxContext, call: TelegramCall) => { result: unknown } | TelegramFailure;

const TEXT_MAX = 4096;
const CAPTION_MAX = 1024;
const PHOTO_MAX_BYTES = 10 * 1024 * 1024;
const DELETE_WINDOW_MS = 48 * 60 * 60 * 1000;
const PHOTO_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif']);

function json(ctx: SandboxContext, chat: TelegramChat, m: TelegramStoredMessage): Record<string, unknown> {
  return messageJson(chat, m, (fileId) => ctx.store.images.get(ctx.store.telegram.files.get(fileId) ?? '')?.bytes.length ?? 0);
}

/** A photo from an uploaded file (field name) or a file_id we issued before. */
function photoFrom(ctx: SandboxContext, call: TelegramCall, reference: unknown, fileField?: string): string | TelegramFailure {
  const attach = typeof reference === 'string' && reference.startsWith('attach://') ? reference.slice('attach://'.length) : undefined;
  const file = call.files.get(attach ?? fileField ?? '');
  if (file) {
    const type = sniffImageType(file.buffer);
    if (!type || !PHOTO_TYPES.has(type)) return badRequest('IMAGE_PROCESS_FAILED');
    if (file.size > PHOTO_MAX_BYTES) return badRequest('file is too big');
    const image = ctx.store.saveImage(file.buffer, type, file.originalname || 'photo');
    const fileId = ctx.store.nextId('AgACAgIAAx');
    ctx.store.telegram.files.set(fileId, image.id);
    return fileId;
  }
  if (typeof reference === 'string' && ctx.store.telegram.files.has(reference)) return reference;
  if (attach) return badRequest(`file "${attach}" referenced by attach:// was not sent`);
  return badRequest('wrong file identifier/HTTP URL specified');
}

function postingChat(ctx: SandboxContext, call: TelegramCall): TelegramChat | TelegramFailure {
  const chat = chatFor(ctx, call.bot, call.values['chat_id']);
  if (isFailure(chat)) return chat;
  return checkCanPost(chat, call.bot) ?? chat;
}

function store(chat: TelegramChat, call: TelegramCall, fields: Partial<TelegramStoredMessage>): TelegramStoredMessage {
  const message: TelegramStoredMessage = { messageId: chat.nextMessageId++, botId: call.bot.id, date: call.now, ...fields };
  chat.messages.push(message);
  return message;
}

function linkPreviewUrl(value: unknown): string | undefined {
  const options = asJson(value) as { url?: unknown } | undefined;
  return typeof options?.url === 'string' ? options.url : undefined;
}

const sendMessage: TelegramHandler = (ctx, call) => {
  const chat = postingChat(ctx, call);
  if (isFailure(chat)) return chat;
  const text = formatText(call.values['text'], call.values['parse_mode'], 'text', TEXT_MAX);
  if (isFailure(text)) return text;
  const limited = checkSendRate(ctx, chat, call.bot, 1, call.arrivedAt);
  if (limited) return limited;
  const message = store(chat, call, { text: text.text, html: text.html, linkPreviewUrl: linkPreviewUrl(call.values['link_preview_options']) });
  return { result: json(ctx, chat, message) };
};

const sendPhoto: TelegramHandler = (ctx, call) => {
  const chat = postingChat(ctx, call);
  if (isFailure(chat)) return chat;
  const caption = formatText(call.values['caption'], call.values['parse_mode'], 'caption', CAPTION_MAX);
  if (isFailure(caption)) return caption;
  const extra = [...call.files.keys()].find((name) => name !== 'photo');
  if (extra) return badRequest(`unexpected file field "${extra}"`);
  const limited = checkSendRate(ctx, chat, call.bot, 1, call.arrivedAt);
  if (limited) return limited;
  const fileId = photoFrom(ctx, call, call.values['photo'], 'photo');
  if (typeof fileId !== 'string') return fileId;
  const message = store(chat, call, { photoFileId: fileId, caption: caption.text || undefined, captionHtml: caption.html || undefined });
  return { result: json(ctx, chat, message) };
};

const sendMediaGroup: TelegramHandler = (ctx, call) => {
  const chat = postingChat(ctx, call);
  if (isFailure(chat)) return chat;
  const media = asJson(call.values['media']);
  if (!Array.isArray(media) || media.length < 2 || media.length > 10) return badRequest('media must include 2-10 items');
  const items = media as Array<Record<string, unknown>>;
  const referenced = new Set(items.map((m) => String(m['media'] ?? '').replace(/^attach:\/\//, '')));
  const stray = [...call.files.keys()].find((name) => !referenced.has(name));
  if (stray) return badRequest(`file "${stray}" is not referenced by any media item`);
  const captions: FormattedText[] = [];
  for (const item of items) {
    if (item['type'] !== 'photo') return badRequest('the sandbox emulates photo albums only (type must be "photo")');
    const caption = formatText(item['caption'], item['parse_mode'], 'caption', CAPTION_MAX);
    if (isFailure(caption)) return caption;
    captions.push(caption);
  }
  const limited = checkSendRate(ctx, chat, call.bot, items.length, call.arrivedAt);
  if (limited) return limited;
  const fileIds: string[] = [];
  for (const item of items) {
    const fileId = photoFrom(ctx, call, item['media']);
    if (typeof fileId !== 'string') return fileId;
    fileIds.push(fileId);
  }
  const mediaGroupId = ctx.store.nextId('mg');
  const messages = fileIds.map((photoFileId, index) =>
    store(chat, call, { photoFileId, mediaGroupId, caption: captions[index].text || undefined, captionHtml: captions[index].html || undefined }),
  );
  return { result: messages.map((m) => json(ctx, chat, m)) };
};

const editMessageText: TelegramHandler = (ctx, call) => {
  if (call.values['inline_message_id'] !== undefined) return badRequest('the sandbox does not emulate inline messages');
  const chat = postingChat(ctx, call);
  if (isFailure(chat)) return chat;
  const message = liveMessage(chat, call.bot, call.values['message_id']);
  if (!message) return badRequest('message to edit not found');
  if (message.text === undefined) return badRequest('there is no text in the message to edit');
  const text = formatText(call.values['text'], call.values['parse_mode'], 'text', TEXT_MAX);
  if (isFailure(text)) return text;
  const previewUrl = linkPreviewUrl(call.values['link_preview_options']);
  if (text.html === message.html && text.text === message.text && previewUrl === message.linkPreviewUrl) {
    return badRequest('message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message');
  }
  Object.assign(message, { text: text.text, html: text.html, linkPreviewUrl: previewUrl, editedAt: call.now });
  return { result: json(ctx, chat, message) };
};

const editMessageCaption: TelegramHandler = (ctx, call) => {
  if (call.values['inline_message_id'] !== undefined) return badRequest('the sandbox does not emulate inline messages');
  const chat = postingChat(ctx, call);
  if (isFailure(chat)) return chat;
  const message = liveMessage(chat, call.bot, call.values['message_id']);
  if (!message) return badRequest('message to edit not found');
  if (!message.photoFileId) return badRequest('there is no caption in the message to edit');
  const caption = formatText(call.values['caption'], call.values['parse_mode'], 'caption', CAPTION_MAX);
  if (isFailure(caption)) return caption;
  if ((caption.html || undefined) === message.captionHtml) {
    return badRequest('message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message');
  }
  Object.assign(message, { caption: caption.text || undefined, captionHtml: caption.html || undefined, editedAt: call.now });
  return { result: json(ctx, chat, message) };
};

const deleteMessage: TelegramHandler = (ctx, call) => {
  const chat = chatFor(ctx, call.bot, call.values['chat_id']);
  if (isFailure(chat)) return chat;
  const refused = checkCanPost(chat, call.bot);
  if (refused) return refused;
  const message = liveMessage(chat, call.bot, call.values['message_id']);
  if (!message) return badRequest('message to delete not found');
  if (message.date < call.now - DELETE_WINDOW_MS) return badRequest("message can't be deleted");
  message.deletedAt = call.now;
  return { result: true };
};

const getMe: TelegramHandler = (_ctx, call) => ({
  result: {
    id: call.bot.id,
    is_bot: true,
    first_name: call.bot.firstName,
    username: call.bot.username,
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
  },
});

const getChat: TelegramHandler = (ctx, call) => {
  const chat = chatFor(ctx, call.bot, call.values['chat_id']);
  if (isFailure(chat)) return chat;
  return {
    result: { id: chat.id, type: chat.type, title: chat.title, ...(chat.username ? { username: chat.username } : {}), accent_color_id: 0, max_reaction_count: 11, accepted_gift_types: { unlimited_gifts: false, limited_gifts: false, unique_gifts: false, premium_subscription: false, gifts_from_channels: false } },
  };
};

const getChatMember: TelegramHandler = (ctx, call) => {
  const chat = chatFor(ctx, call.bot, call.values['chat_id']);
  if (isFailure(chat)) return chat;
  const userId = Number(call.values['user_id']);
  const bot = [...ctx.store.telegram.bots.values()].find((b) => b.id === userId);
  const user = { id: userId, is_bot: Boolean(bot), first_name: bot?.firstName ?? 'User', ...(bot ? { username: bot.username } : {}) };
  const member = chat.members.get(userId);
  if (!member || member.status === 'left') return { result: { status: 'left', user } };
  if (member.status !== 'administrator') return { result: { status: member.status, user, ...(member.status === 'creator' ? { is_anonymous: false } : {}) } };
  return {
    result: {
      status: 'administrator',
      user,
      can_be_edited: false,
      is_anonymous: false,
      can_manage_chat: true,
      can_delete_messages: member.canPostMessages,
      can_manage_video_chats: false,
      can_restrict_members: false,
      can_promote_members: false,
      can_change_info: false,
      can_invite_users: true,
      can_post_stories: false,
      can_edit_stories: false,
      can_delete_stories: false,
      can_post_messages: member.canPostMessages,
      can_edit_messages: member.canPostMessages,
    },
  };
};

export const TELEGRAM_METHOD_HANDLERS: Readonly<Record<string, TelegramHandler>> = {
  getMe,
  getChat,
  getChatMember,
  sendMessage,
  sendPhoto,
  sendMediaGroup,
  editMessageText,
  editMessageCaption,
  deleteMessage,
};
