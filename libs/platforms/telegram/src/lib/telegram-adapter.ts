import type { AxiosInstance } from 'axios';
import { contentRejection, imagesMismatch, paceKey, RequestPacer } from '@vestnik/platforms/core';
import type { RateWindow } from '@vestnik/platforms/core';
import type {
  EditOutcome,
  Pace,
  PaceTarget,
  PlatformAdapter,
  PublishContext,
  PublishOutcome,
  RemoveOutcome,
  TelegramChannel,
  VerifyResult,
} from '@vestnik/platforms/core';
import type { ContentViolation, PostContent } from '@vestnik/platforms/rules';
import { renderTelegram, TELEGRAM_LIMITS, validateForPlatform } from '@vestnik/platforms/rules';
import { callTelegram, createHttp, TelegramCallOptions } from './telegram-api';
import { chatIdParam, parseTelegramRemoteId, telegramMessageUrl } from './telegram-remote-id';
import { asFailure, sendPublication } from './telegram-send';

export interface TelegramAdapterOptions {
  /** `TELEGRAM_API_URL`, e.g. `https://api.telegram.org` (the adapter appends `/bot{token}/{method}`). */
  apiUrl: string;
  timeoutMs: number;
  /**
   * Whether this process keeps its messages per bot within `TELEGRAM_BOT_RATE` (default true);
   * false only for benchmarks of the sandbox's raw rate.
   */
  paced?: boolean;
}

/**
 * PLATFORMS.md: about 30 messages a second per bot. This process's last gate keeps 30 in any
 * 1070 ms (7 % longer: room for a request to arrive up to 70 ms later than it left), and the
 * engine's shared pace spaces messages by the same, 35.7 ms.
 */
export const TELEGRAM_BOT_RATE: RateWindow = { limit: 30, windowMs: 1070 };
export const TELEGRAM_BOT_SPACING_MS = TELEGRAM_BOT_RATE.windowMs / TELEGRAM_BOT_RATE.limit;
/** PLATFORMS.md: about 20 messages a minute into one channel (3 s); 3.1 s is 3.3 % over that bound. */
export const TELEGRAM_CHAT_SPACING_MS = 3100;

/**
 * The messages one `publish` sends: a text message; or the photo (or the media group's N photos)
 * and, when the text is longer than a caption, a follow-up text. The text's length is not known
 * here, so the follow-up is always counted: one message too many at worst, never one too few.
 */
export function publishMessages(imageCount: number): number {
  return imageCount === 0 ? 1 : imageCount + 1;
}

interface ChatMember {
  status: string;
  can_post_messages?: boolean;
}

/**
 * Telegram channels through a bot that is a channel administrator with `can_post_messages`.
 * No `reconcile`: a bot receives no updates about its own channel posts (PLATFORMS.md) and the Bot
 * API has no method that lists a channel's messages, so a lost answer stays for a person.
 */
export class TelegramAdapter implements PlatformAdapter<'telegram'> {
  readonly platform = 'telegram' as const;
  readonly limits = TELEGRAM_LIMITS;
  /** The Bot API has no idempotency key: a repeat may post twice. */
  readonly idempotentRetryWindowMs = null;
  private readonly http: AxiosInstance = createHttp();
  private readonly pacer: RequestPacer;

  constructor(private readonly options: TelegramAdapterOptions) {
    this.pacer = new RequestPacer(options.paced === false ? null : TELEGRAM_BOT_RATE);
  }

  /** The message (photos travel inside it), then a follow-up text when the caption cannot hold it; each after its pace. */
  longestPublishMs(imageCount = 0): number {
    const paceMs = this.options.paced === false ? 0 : TELEGRAM_BOT_SPACING_MS * publishMessages(imageCount);
    return 2 * this.options.timeoutMs + paceMs;
  }

  /**
   * Two limits, both counted in messages (a media group of N photos is N messages): the bot's and
   * the channel's. One publish sends `publishMessages` of them. The bot's spacing is also this
   * process's own last gate before sending (`RequestPacer`), so the two agree.
   */
  paces(channel: TelegramChannel, target: PaceTarget): Pace[] {
    const messages = publishMessages(target.imageCount);
    return [
      { key: paceKey('telegram', 'bot', channel.credentials.botToken), spacingMs: TELEGRAM_BOT_SPACING_MS * messages },
      { key: `telegram:chat:${target.remoteTargetId}`, spacingMs: TELEGRAM_CHAT_SPACING_MS * messages },
    ];
  }

  validate(content: PostContent): ContentViolation[] {
    return validateForPlatform('telegram', content);
  }

  async verify(channel: TelegramChannel, options: { timeoutMs?: number } = {}): Promise<VerifyResult> {
    const call = this.caller(channel, 'read', options.timeoutMs);
    const me = await callTelegram<{ id: number; username?: string }>(this.http, this.options.apiUrl, 'getMe', {}, call);
    if (!me.ok) return failedVerify(me.failure);
    const chat = await callTelegram<{ id: number; type: string; title?: string; username?: string }>(
      this.http,
      this.options.apiUrl,
      'getChat',
      { chat_id: chatIdParam(channel.target) },
      call,
    );
    if (!chat.ok) return failedVerify(chat.failure);
    const base = {
      ok: true,
      displayName: chat.result.title ?? chat.result.username,
      resolvedTargetId: String(chat.result.id),
      actor: me.result.username ? `@${me.result.username}` : String(me.result.id),
    };
    const member = await callTelegram<ChatMember>(this.http, this.options.apiUrl, 'getChatMember', { chat_id: chat.result.id, user_id: me.result.id }, call);
    if (!member.ok) return { ...failedVerify(member.failure), ...base, ok: false };
    const { status, can_post_messages: canPostMessages } = member.result;
    if (chat.result.type === 'channel') {
      if (status === 'creator' || (status === 'administrator' && canPostMessages === true)) return { ...base, canPost: true };
      const reason =
        status === 'administrator'
          ? 'У бота нет права «Публикация сообщений» (can_post_messages) в канале'
          : 'Бот не администратор канала: добавьте его администратором с правом публикации';
      return { ...base, canPost: false, reason };
    }
    const canPost = ['creator', 'administrator', 'member'].includes(status);
    return { ...base, canPost, reason: canPost ? undefined : `Бот не может писать в этот чат (статус: ${status})` };
  }

  async publish(channel: TelegramChannel, content: PostContent, ctx: PublishContext): Promise<PublishOutcome> {
    const invalid = contentRejection(this.validate(content)) ?? imagesMismatch(content, ctx);
    if (invalid) return invalid;
    // Telegram has no idempotency key and tells a bot nothing about its own posts: never retry blindly.
    return sendPublication(this.http, {
      apiUrl: this.options.apiUrl,
      chatId: channel.target.trim(),
      rendering: renderTelegram(content),
      link: content.link?.trim() || undefined,
      images: ctx.images,
      captionMax: this.limits.captionMax ?? 1024,
      call: this.caller(channel, 'write', ctx.timeoutMs),
    });
  }

  /**
   * Edits the text in place: the follow-up text message if there is one, else the caption of the
   * first photo, else the text message. Photos cannot be swapped and a caption cannot grow past
   * 1024 into a new follow-up: both are refused with a reason, to be solved by delete + publish.
   */
  async edit(channel: TelegramChannel, remoteId: string, content: PostContent, ctx: PublishContext): Promise<EditOutcome> {
    const parsed = parseTelegramRemoteId(remoteId);
    if (!parsed) return { status: 'rejected', code: 'telegram:remote_id', reason: `Непонятный идентификатор сообщения Telegram: ${remoteId}` };
    const invalid = contentRejection(this.validate(content));
    if (invalid) return invalid;
    const photos = parsed.messages.filter((m) => m.role === 'p').length;
    if (photos !== content.images.length) {
      return { status: 'rejected', code: 'telegram:media_change', reason: 'В Telegram нельзя изменить набор фото в отправленной публикации: удалите её и опубликуйте заново' };
    }
    const rendering = renderTelegram(content);
    const textMessage = parsed.messages.find((m) => m.role === 't');
    const first = parsed.messages[0];
    const call = { ...this.caller(channel, 'write', ctx.timeoutMs), retrySafe: true };
    let method: 'editMessageText' | 'editMessageCaption';
    let payload: Record<string, unknown>;
    if (textMessage) {
      method = 'editMessageText';
      payload = { chat_id: chatIdParam(parsed.chatId), message_id: textMessage.messageId, text: rendering.html, parse_mode: 'HTML' };
      if (content.link?.trim()) payload['link_preview_options'] = { url: content.link.trim() };
    } else {
      if (rendering.visibleLength > (this.limits.captionMax ?? 1024)) {
        return { status: 'rejected', code: 'telegram:caption_too_long', reason: 'Подпись к фото в Telegram не может быть длиннее 1024 символов: удалите публикацию и опубликуйте заново' };
      }
      method = 'editMessageCaption';
      payload = { chat_id: chatIdParam(parsed.chatId), message_id: first.messageId, caption: rendering.html, parse_mode: 'HTML' };
    }
    const edited = await callTelegram<unknown>(this.http, this.options.apiUrl, method, payload, call);
    if (!edited.ok && edited.failure.status !== 'not_modified') return asFailure(edited.failure);
    return { status: 'edited', remoteId, url: telegramMessageUrl(parsed.chatId, first.messageId) };
  }

  /** Deletes every message of the publication; each delete is safe to repeat. */
  async remove(channel: TelegramChannel, remoteId: string, options: { timeoutMs?: number } = {}): Promise<RemoveOutcome> {
    const parsed = parseTelegramRemoteId(remoteId);
    if (!parsed) return { status: 'rejected', code: 'telegram:remote_id', reason: `Непонятный идентификатор сообщения Telegram: ${remoteId}` };
    const call = { ...this.caller(channel, 'write', options.timeoutMs), retrySafe: true };
    let gone = 0;
    for (const message of parsed.messages) {
      const deleted = await callTelegram<boolean>(this.http, this.options.apiUrl, 'deleteMessage', { chat_id: chatIdParam(parsed.chatId), message_id: message.messageId }, call);
      if (deleted.ok) continue;
      if (deleted.failure.status === 'not_found') {
        gone += 1;
        continue;
      }
      return asFailure(deleted.failure);
    }
    return { status: 'removed', alreadyGone: gone === parsed.messages.length };
  }

  private caller(channel: TelegramChannel, kind: 'read' | 'write', timeoutMs?: number): TelegramCallOptions {
    return { kind, botToken: channel.credentials.botToken, timeoutMs: timeoutMs ?? this.options.timeoutMs, pacer: kind === 'write' ? this.pacer : undefined };
  }
}

function failedVerify(outcome: Parameters<typeof asFailure>[0]): VerifyResult {
  const failure = asFailure(outcome);
  return { ok: false, canPost: false, reason: failure.reason, failure };
}
