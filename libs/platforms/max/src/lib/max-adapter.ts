import type { AxiosInstance } from 'axios';
import { contentRejection, imagesMismatch, paceKey, RequestPacer } from '@vestnik/platforms/core';
import type {
  EditOutcome,
  LoadedImage,
  MaxChannel,
  Pace,
  PaceTarget,
  PlatformAdapter,
  PublishContext,
  PublishOutcome,
  RateWindow,
  ReconcileOutcome,
  ReconcileQuery,
  RemoveOutcome,
  VerifyResult,
} from '@vestnik/platforms/core';
import type { ContentViolation, PostContent } from '@vestnik/platforms/rules';
import { MAX_LIMITS, validateForPlatform } from '@vestnik/platforms/rules';
import { callMax, createHttp, MaxCallOptions, MaxCallResult, MaxRequest, simpleResultFailure } from './max-api';
import { asFailure, MaxErrorOutcome } from './max-errors';
import { chatPath, maxMessageText, parseMaxTarget } from './max-message';
import { feedMessagesOf, findOwnMessage, MAX_RECONCILE_COUNT } from './max-reconcile';
import { uploadImages } from './max-uploads';

export interface MaxAdapterOptions {
  /** `MAX_API_URL`, e.g. `https://platform-api2.max.ru`. */
  apiUrl: string;
  /** `MAX_CA_BUNDLE`: PEM of roots to trust besides the system's (the Минцифры root certificate). */
  caBundle?: string;
  timeoutMs: number;
  /** For the upload of one image's bytes; default four times `timeoutMs`. */
  uploadTimeoutMs?: number;
  /** Whether this process keeps its calls within `MAX_BOT_RATE` and `MAX_CHAT_RATE` (default true); false only for tests of the platform's own limits. */
  paced?: boolean;
}

/**
 * PLATFORMS.md: about 30 requests a second per bot (MAX's documentation: 30 rps on its API). As
 * for Telegram, 30 in any 1070 ms: 7 % of room for a request that arrives later than it left.
 */
export const MAX_BOT_RATE: RateWindow = { limit: 30, windowMs: 1070 };
export const MAX_BOT_SPACING_MS = MAX_BOT_RATE.windowMs / MAX_BOT_RATE.limit;
/** PLATFORMS.md: 2 messages a second into one chat or channel (official); 2 in any 1100 ms, 550 ms apart. */
export const MAX_CHAT_RATE: RateWindow = { limit: 2, windowMs: 1100 };
export const MAX_CHAT_SPACING_MS = MAX_CHAT_RATE.windowMs / MAX_CHAT_RATE.limit;
/**
 * Waits before sending again after `attachment.not.ready` (MAX refused the message, nothing was
 * created): three more tries within two seconds, inside the one attempt; the engine retries later.
 */
export const MAX_NOT_READY_DELAYS_MS: readonly number[] = [300, 600, 1000];

/**
 * The messages one `publish` may send into the channel: one, and with images up to three more
 * after `attachment.not.ready` (whether MAX counts a refused message is not known, so they are
 * counted: one message too many at worst, never one too few).
 */
export function publishMessages(imageCount: number): number {
  return imageCount > 0 ? 1 + MAX_NOT_READY_DELAYS_MS.length : 1;
}

/**
 * The API calls one `publish` makes under the bot's rate: `GET /chats/{link}` when the target is a
 * link, `POST /uploads` per image, and its messages. The uploads of the bytes go to MAX's upload
 * host, which the 30 rps of the API do not cover.
 */
export function publishCalls(imageCount: number, resolvesLink: boolean): number {
  return (resolvesLink ? 1 : 0) + imageCount + publishMessages(imageCount);
}

interface MaxChat {
  chat_id: number;
  type?: string;
  status?: string;
  title?: string | null;
  link?: string | null;
}

interface MaxBot {
  user_id: number;
  first_name?: string;
  name?: string;
  username?: string | null;
}

interface MaxChatMember {
  is_admin?: boolean;
  is_owner?: boolean;
  /** Strings, not the client's 6-value union: the schema lists 13 and more may come. */
  permissions?: string[] | null;
}

interface MaxMessage {
  body?: { mid?: string };
  url?: string | null;
}

/**
 * MAX channels through a bot that is the channel's administrator with `write`. Remote id: the
 * message's `body.mid`. Messages go as `format: "html"` in the subset MAX keeps (`renderMax`).
 * MAX has no idempotency key; a lost answer is looked up in the channel's latest messages
 * (`reconcile`).
 */
export class MaxAdapter implements PlatformAdapter<'max'> {
  readonly platform = 'max' as const;
  readonly limits = MAX_LIMITS;
  /** MAX has no idempotency key: a repeat may post twice. */
  readonly idempotentRetryWindowMs = null;
  private readonly http: AxiosInstance;
  private readonly botPacer: RequestPacer;
  private readonly chatPacer: RequestPacer;

  constructor(private readonly options: MaxAdapterOptions) {
    this.http = createHttp(options.caBundle);
    const paced = options.paced !== false;
    this.botPacer = new RequestPacer(paced ? MAX_BOT_RATE : null);
    this.chatPacer = new RequestPacer(paced ? MAX_CHAT_RATE : null);
  }

  /**
   * Every request at its timeout: resolving a link, per image its upload URL and the upload, the
   * message with its retries after `attachment.not.ready` and their waits; plus the pacing.
   */
  longestPublishMs(imageCount: number): number {
    const timeoutMs = this.options.timeoutMs;
    const sends = publishMessages(imageCount);
    const waits = imageCount > 0 ? MAX_NOT_READY_DELAYS_MS.reduce((sum, ms) => sum + ms, 0) : 0;
    const requests = timeoutMs + imageCount * (timeoutMs + this.uploadTimeoutMs(timeoutMs)) + sends * timeoutMs + waits;
    const paceMs = this.options.paced === false ? 0 : MAX_BOT_SPACING_MS * publishCalls(imageCount, true) + MAX_CHAT_SPACING_MS * sends;
    return requests + paceMs;
  }

  /**
   * Two limits: the bot's requests (by its token's hash) and the channel's messages (by its chat
   * id). The same rates are this process's own last gate before sending (`RequestPacer`).
   */
  paces(channel: MaxChannel, target: PaceTarget): Pace[] {
    const written = parseMaxTarget(channel.target);
    const resolvesLink = written !== null && 'link' in written;
    return [
      { key: paceKey('max', 'bot', channel.credentials.botToken), spacingMs: MAX_BOT_SPACING_MS * publishCalls(target.imageCount, resolvesLink) },
      { key: `max:chat:${target.remoteTargetId}`, spacingMs: MAX_CHAT_SPACING_MS * publishMessages(target.imageCount) },
    ];
  }

  validate(content: PostContent): ContentViolation[] {
    return validateForPlatform('max', content);
  }

  async verify(channel: MaxChannel, options: { timeoutMs?: number } = {}): Promise<VerifyResult> {
    const call = this.caller(channel, 'read', options.timeoutMs);
    const target = parseMaxTarget(channel.target);
    if (!target) {
      return { ok: false, canPost: false, reason: 'Непонятный адрес канала MAX: укажите числовой id канала (например, -72000000001) или его публичную ссылку (https://max.ru/имя)' };
    }
    const me = await this.call<MaxBot>({ method: 'GET', path: '/me' }, call);
    if (!me.ok) return failedVerify(me.failure);
    const chat = await this.call<MaxChat>({ method: 'GET', path: chatPath(target) }, call);
    if (!chat.ok) {
      const failure = asFailure(chat.failure);
      if (chat.failure.status === 'not_found') return { ok: false, canPost: false, reason: 'Канал MAX не найден: проверьте id или ссылку', failure };
      // MAX shows a closed channel only to its members.
      if (failure.status === 'rejected' && failure.code === 'max:403') {
        return { ok: false, canPost: false, reason: 'Бот не состоит в этом закрытом канале MAX: добавьте его администратором с правом «Писать сообщения» (write)', failure };
      }
      return failedVerify(chat.failure);
    }
    const base = {
      ok: true,
      displayName: chat.result.title ?? chat.result.link ?? undefined,
      resolvedTargetId: String(chat.result.chat_id),
      actor: me.result.username ? `@${me.result.username}` : (me.result.first_name ?? me.result.name ?? String(me.result.user_id)),
    };
    if (chat.result.type !== 'channel') {
      const what = chat.result.type === 'dialog' ? 'диалог' : 'групповой чат';
      return { ...base, canPost: false, reason: `Это ${what} MAX, а не канал: Вестник публикует только в каналы` };
    }
    if (chat.result.status && chat.result.status !== 'active') {
      return { ...base, canPost: false, reason: `Канал MAX недоступен (статус: ${chat.result.status})` };
    }
    const member = await this.call<MaxChatMember>({ method: 'GET', path: `/chats/${encodeURIComponent(String(chat.result.chat_id))}/members/me` }, call);
    if (!member.ok) {
      const failure = asFailure(member.failure);
      if (failure.status === 'rejected') {
        return { ...base, canPost: false, reason: 'Бот не состоит в канале MAX: добавьте его администратором с правом «Писать сообщения» (write)' };
      }
      return { ...failedVerify(member.failure), ...base, ok: false };
    }
    const { is_admin: isAdmin, is_owner: isOwner, permissions } = member.result;
    if (!isAdmin && !isOwner) return { ...base, canPost: false, reason: 'Бот не администратор канала MAX: назначьте его администратором с правом «Писать сообщения» (write)' };
    const granted = Array.isArray(permissions) ? permissions.filter((p): p is string => typeof p === 'string') : [];
    if (!granted.includes('write')) {
      const has = granted.length > 0 ? ` (есть: ${granted.join(', ')})` : '';
      return { ...base, canPost: false, reason: `У бота нет права «Писать сообщения» (write) в канале MAX${has}` };
    }
    return { ...base, canPost: true };
  }

  async publish(channel: MaxChannel, content: PostContent, ctx: PublishContext): Promise<PublishOutcome> {
    const invalid = contentRejection(this.validate(content)) ?? imagesMismatch(content, ctx);
    if (invalid) return invalid;
    const chatId = await this.chatIdOf(channel, ctx.timeoutMs);
    if (!chatId.ok) return asFailure(chatId.failure);
    const attachments = await this.attachments(channel, ctx.images, ctx.timeoutMs);
    if (!attachments.ok) return asFailure(attachments.failure);
    // No idempotency key: after the message request went out, a lost answer is an unknown outcome.
    const request: MaxRequest = { method: 'POST', path: '/messages', query: { chat_id: chatId.result }, body: messageBody(content, attachments.result, false) };
    const call = this.caller(channel, 'write', ctx.timeoutMs, chatId.result);
    const sent = await this.send(() => this.call<{ message?: MaxMessage }>(request, call), attachments.result.length > 0);
    if (!sent.ok) return asFailure(sent.failure);
    const mid = sent.result.message?.body?.mid;
    if (typeof mid !== 'string' || !mid) return { status: 'unconfirmed', retrySafe: false, reason: 'MAX не вернул идентификатор сообщения: неизвестно, опубликовано ли оно' };
    return { status: 'published', remoteId: mid, url: sent.result.message?.url ?? '' };
  }

  /**
   * Replaces the text and the images (uploaded again: MAX keeps the old ones only when
   * `attachments` is null, which would leave a changed set of images unapplied). Safe to repeat.
   */
  async edit(channel: MaxChannel, remoteId: string, content: PostContent, ctx: PublishContext): Promise<EditOutcome> {
    const mid = remoteId.trim();
    if (!mid) return { status: 'rejected', code: 'max:remote_id', reason: 'Пустой идентификатор сообщения MAX' };
    const invalid = contentRejection(this.validate(content)) ?? imagesMismatch(content, ctx);
    if (invalid) return invalid;
    const attachments = await this.attachments(channel, ctx.images, ctx.timeoutMs);
    if (!attachments.ok) return asFailure(attachments.failure);
    const call: MaxCallOptions = { ...this.caller(channel, 'write', ctx.timeoutMs), retrySafe: true };
    const request: MaxRequest = { method: 'PUT', path: '/messages', query: { message_id: mid }, body: messageBody(content, attachments.result, true) };
    const edited = await this.send(async () => {
      const answer = await this.call<unknown>(request, call);
      const refused = answer.ok ? simpleResultFailure(answer.result, [channel.credentials.botToken]) : answer.failure;
      return refused ? { ok: false as const, failure: refused } : answer;
    }, attachments.result.length > 0);
    if (!edited.ok && edited.failure.status === 'not_found') return { status: 'rejected', code: 'max:404', reason: 'Сообщение в MAX не найдено (удалено?): опубликуйте заново' };
    if (!edited.ok) return asFailure(edited.failure);
    // PUT answers only `{success}`: the public link is read back; the edit stands even if that read fails.
    const read = await this.call<unknown>({ method: 'GET', path: '/messages', query: { message_ids: mid } }, this.caller(channel, 'read', ctx.timeoutMs));
    const url = read.ok ? feedMessagesOf(read.result)?.find((m) => m.mid === mid)?.url : undefined;
    return { status: 'edited', remoteId: mid, url: url ?? '' };
  }

  /** Deletes the message; safe to repeat, a message already gone is `alreadyGone`. */
  async remove(channel: MaxChannel, remoteId: string, options: { timeoutMs?: number } = {}): Promise<RemoveOutcome> {
    const mid = remoteId.trim();
    if (!mid) return { status: 'rejected', code: 'max:remote_id', reason: 'Пустой идентификатор сообщения MAX' };
    const call: MaxCallOptions = { ...this.caller(channel, 'write', options.timeoutMs), retrySafe: true };
    const removed = await this.call<unknown>({ method: 'DELETE', path: '/messages', query: { message_id: mid } }, call);
    const failure = removed.ok ? simpleResultFailure(removed.result, [channel.credentials.botToken]) : removed.failure;
    if (!failure) return { status: 'removed', alreadyGone: false };
    if (failure.status === 'not_found') return { status: 'removed', alreadyGone: true };
    return asFailure(failure);
  }

  /**
   * After a lost answer, reads the channel's latest messages (`GET /messages?chat_id=…&count=100`)
   * for ours: see `findOwnMessage` for found, absent and unknown. Reads only.
   */
  async reconcile(channel: MaxChannel, query: ReconcileQuery): Promise<ReconcileOutcome> {
    const chatId = await this.chatIdOf(channel, query.timeoutMs);
    if (!chatId.ok) return { status: 'unknown', reason: `Не удалось найти канал: ${asFailure(chatId.failure).reason}` };
    const page = await this.call<unknown>(
      { method: 'GET', path: '/messages', query: { chat_id: chatId.result, count: MAX_RECONCILE_COUNT } },
      this.caller(channel, 'read', query.timeoutMs),
    );
    if (!page.ok) return { status: 'unknown', reason: `Не удалось прочитать ленту канала: ${asFailure(page.failure).reason}` };
    const messages = feedMessagesOf(page.result);
    if (!messages) return { status: 'unknown', reason: 'MAX вернул ленту канала в непонятном виде' };
    return findOwnMessage(messages, query, MAX_RECONCILE_COUNT);
  }

  /** The numeric chat id: the target itself, or the channel its public link names (`GET /chats/{link}`). */
  private async chatIdOf(channel: MaxChannel, timeoutMs?: number): Promise<MaxCallResult<string>> {
    const target = parseMaxTarget(channel.target);
    if (!target) return { ok: false, failure: { status: 'rejected', code: 'max:target', reason: `Непонятный адрес канала MAX: ${channel.target}` } };
    if ('chatId' in target) return { ok: true, result: target.chatId };
    const chat = await this.call<MaxChat>({ method: 'GET', path: chatPath(target) }, this.caller(channel, 'read', timeoutMs));
    if (!chat.ok) return chat;
    return { ok: true, result: String(chat.result.chat_id) };
  }

  private async attachments(channel: MaxChannel, images: readonly LoadedImage[], timeoutMs?: number): Promise<MaxCallResult<string[]>> {
    if (images.length === 0) return { ok: true, result: [] };
    const call = this.caller(channel, 'read', timeoutMs);
    const uploaded = await uploadImages(this.http, images, { apiUrl: this.options.apiUrl, call, uploadTimeoutMs: this.uploadTimeoutMs(call.timeoutMs) });
    return uploaded.ok ? { ok: true, result: uploaded.tokens } : uploaded;
  }

  /**
   * Sends (or edits) a message; with images, sends again after `attachment.not.ready`, which
   * MAX answers before creating anything, at most `MAX_NOT_READY_DELAYS_MS.length` times.
   */
  private async send<T>(request: () => Promise<MaxCallResult<T>>, withImages: boolean): Promise<MaxCallResult<T>> {
    for (let attempt = 0; ; attempt++) {
      const sent = await request();
      if (sent.ok || sent.failure.status !== 'not_ready' || !withImages || attempt >= MAX_NOT_READY_DELAYS_MS.length) return sent;
      await new Promise((resolve) => setTimeout(resolve, MAX_NOT_READY_DELAYS_MS[attempt]));
    }
  }

  private call<T>(request: MaxRequest, call: MaxCallOptions): Promise<MaxCallResult<T>> {
    return callMax<T>(this.http, this.options.apiUrl, request, call);
  }

  /** Every API call waits for the bot's rate; a new message also for its channel's (first, so the bot's slot is not held meanwhile). */
  private caller(channel: MaxChannel, kind: 'read' | 'write', timeoutMs?: number, messageToChat?: string): MaxCallOptions {
    const botToken = channel.credentials.botToken;
    return {
      kind,
      botToken,
      timeoutMs: timeoutMs ?? this.options.timeoutMs,
      gate: async () => {
        if (messageToChat !== undefined) await this.chatPacer.wait(`max:chat:${messageToChat}`);
        await this.botPacer.wait(botToken);
      },
    };
  }

  private uploadTimeoutMs(timeoutMs: number): number {
    return this.options.uploadTimeoutMs ?? timeoutMs * 4;
  }
}

/** `NewMessageBody`: HTML text, and the images by their upload tokens. An edit always sends both, so removed text or images go too. */
function messageBody(content: PostContent, imageTokens: readonly string[], replacing: boolean): Record<string, unknown> {
  const { text } = maxMessageText(content);
  const body: Record<string, unknown> = {};
  if (text || replacing) {
    body['text'] = text;
    body['format'] = 'html';
  }
  if (imageTokens.length > 0 || replacing) body['attachments'] = imageTokens.map((token) => ({ type: 'image', payload: { token } }));
  return body;
}

function failedVerify(outcome: MaxErrorOutcome): VerifyResult {
  const failure = asFailure(outcome);
  return { ok: false, canPost: false, reason: failure.reason, failure };
}
