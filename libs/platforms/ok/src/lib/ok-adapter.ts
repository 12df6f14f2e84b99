import type { AxiosInstance } from 'axios';
import { contentRejection, imagesMismatch, paceKey } from '@vestnik/platforms/core';
import type { Pace, PaceTarget, ReconcileOutcome, ReconcileQuery } from '@vestnik/platforms/core';
import type {
  EditOutcome,
  FailureOutcome,
  OkChannel,
  PlatformAdapter,
  PublishContext,
  PublishOutcome,
  RemoveOutcome,
  VerifyResult,
} from '@vestnik/platforms/core';
import type { ContentViolation, PostContent } from '@vestnik/platforms/rules';
import { OK_LIMITS, renderPlainText, validateForPlatform } from '@vestnik/platforms/rules';
import { callOk, createHttp, OkAppKeys, OkCallOptions } from './ok-api';
import type { OkErrorOutcome } from './ok-errors';
import { uploadGroupPhotos } from './ok-photos';
import { feedPageOf, findOwnTopic, OK_RECONCILE_PAGE, OkFeedPage } from './ok-reconcile';

export interface OkAdapterOptions {
  /** `OK_API_URL`, e.g. `https://api.ok.ru/fb.do`. */
  apiUrl: string;
  /** The registered OK application's public key and secret key (deployment config). */
  applicationKey: string;
  applicationSecretKey: string;
  timeoutMs: number;
  uploadTimeoutMs?: number;
}

/**
 * OK documents no request rate (PLATFORMS.md names only errors 8 "flood blocked" and 11 "limit
 * reached", which we answer by waiting): 5 calls a second per token is our own cautious choice,
 * and the sandbox enforces no OK rate, since it would be a number OK never stated.
 */
export const OK_CALL_SPACING_MS = 200;

/** The API calls one `publish` makes: photosV2.getUploadUrl when there are photos, then mediatopic.post. */
export function publishCalls(imageCount: number): number {
  return (imageCount > 0 ? 1 : 0) + 1;
}

/** Statuses of group.getUserGroupsByIds that may publish group topics. */
export const POSTING_ROLES: ReadonlySet<string> = new Set(['ADMIN', 'MODERATOR', 'EDITOR', 'SUPER_MODERATOR']);

/**
 * OK group feeds. Remote id: the topic id as OK returns it.
 * PLATFORMS.md documents posting only; edit (`mediatopic.edit`), delete (`mediatopic.deleteTopic`)
 * and the feed read that reconciles a lost answer (`mediatopic.getTopics`) follow OK's public method
 * list and are unconfirmed against OK itself.
 */
export class OkAdapter implements PlatformAdapter<'ok'> {
  readonly platform = 'ok' as const;
  readonly limits = OK_LIMITS;
  /** OK has no idempotency key: a repeat may post twice. */
  readonly idempotentRetryWindowMs = null;
  private readonly http: AxiosInstance = createHttp();
  private readonly keys: OkAppKeys;

  constructor(private readonly options: OkAdapterOptions) {
    this.keys = { applicationKey: options.applicationKey, applicationSecretKey: options.applicationSecretKey };
  }

  /** With photos: the upload URL and one upload of them all; then the post. */
  longestPublishMs(imageCount: number): number {
    const timeoutMs = this.options.timeoutMs;
    return timeoutMs + (imageCount > 0 ? timeoutMs + this.uploadTimeoutMs(timeoutMs) : 0);
  }

  /**
   * One limit, the group admin's token: `OK_CALL_SPACING_MS` for every API call one publish makes
   * (with photos photosV2.getUploadUrl, then mediatopic.post; the upload goes to another host).
   */
  paces(channel: OkChannel, target: PaceTarget): Pace[] {
    return [{ key: paceKey('ok', 'token', channel.credentials.accessToken), spacingMs: OK_CALL_SPACING_MS * publishCalls(target.imageCount) }];
  }

  validate(content: PostContent): ContentViolation[] {
    return validateForPlatform('ok', content);
  }

  async verify(channel: OkChannel, options: { timeoutMs?: number } = {}): Promise<VerifyResult> {
    const call = this.caller(channel, options.timeoutMs);
    const gid = channel.target.trim();
    const me = await this.call<{ uid?: string; name?: string }>('users.getCurrentUser', {}, call('read'));
    if (!me.ok) return failedVerify(me.failure);
    const info = await this.call<Array<{ uid?: string; name?: string }>>('group.getInfo', { uids: gid, fields: 'uid,name' }, call('read'));
    if (!info.ok) return failedVerify(info.failure);
    const group = Array.isArray(info.result) ? info.result[0] : undefined;
    if (!group) return { ok: false, canPost: false, reason: 'Группа Одноклассников не найдена' };
    const base = { ok: true, displayName: group.name, resolvedTargetId: String(group.uid ?? gid), actor: me.result.name ?? me.result.uid };
    const roles = await this.call<Array<{ status?: string }>>('group.getUserGroupsByIds', { group_id: gid, uids: me.result.uid }, call('read'));
    if (!roles.ok) return { ...failedVerify(roles.failure), ...base, ok: false };
    const status = (Array.isArray(roles.result) ? roles.result[0]?.status : undefined) ?? 'UNKNOWN';
    return POSTING_ROLES.has(status.toUpperCase())
      ? { ...base, canPost: true }
      : { ...base, canPost: false, reason: `Пользователь не администратор и не модератор группы (роль: ${status})` };
  }

  async publish(channel: OkChannel, content: PostContent, ctx: PublishContext): Promise<PublishOutcome> {
    const invalid = contentRejection(this.validate(content)) ?? imagesMismatch(content, ctx);
    if (invalid) return invalid;
    const gid = channel.target.trim();
    const attachment = await this.attachmentFor(channel, content, ctx);
    if (typeof attachment !== 'string') return asFailure(attachment);
    // OK has no idempotency key: after sending, a lost answer is an unknown outcome.
    const posted = await this.call<string | number | { id?: string }>(
      'mediatopic.post',
      { type: 'GROUP_THEME', gid, attachment },
      this.caller(channel, ctx.timeoutMs)('write'),
    );
    if (!posted.ok) return asFailure(posted.failure);
    const topicId = typeof posted.result === 'object' && posted.result !== null ? posted.result.id : posted.result;
    if (topicId === undefined || topicId === null || String(topicId) === '') {
      return { status: 'unconfirmed', retrySafe: false, reason: 'Одноклассники не вернули идентификатор темы' };
    }
    return { status: 'published', remoteId: String(topicId), url: okTopicUrl(gid, String(topicId)) };
  }

  async edit(channel: OkChannel, remoteId: string, content: PostContent, ctx: PublishContext): Promise<EditOutcome> {
    const invalid = contentRejection(this.validate(content)) ?? imagesMismatch(content, ctx);
    if (invalid) return invalid;
    const attachment = await this.attachmentFor(channel, content, ctx);
    if (typeof attachment !== 'string') return asFailure(attachment);
    const gid = channel.target.trim();
    const edited = await this.call<unknown>(
      'mediatopic.edit',
      { topic_id: remoteId, gid, attachment },
      { ...this.caller(channel, ctx.timeoutMs)('write'), retrySafe: true },
    );
    if (!edited.ok) return asFailure(edited.failure);
    return { status: 'edited', remoteId, url: okTopicUrl(gid, remoteId) };
  }

  async remove(channel: OkChannel, remoteId: string, options: { timeoutMs?: number } = {}): Promise<RemoveOutcome> {
    const removed = await this.call<unknown>(
      'mediatopic.deleteTopic',
      { topic_id: remoteId, gid: channel.target.trim() },
      { ...this.caller(channel, options.timeoutMs)('write'), retrySafe: true },
    );
    if (removed.ok) return { status: 'removed', alreadyGone: false };
    if (removed.failure.status === 'not_found') return { status: 'removed', alreadyGone: true };
    return removed.failure;
  }

  /**
   * After a lost answer, reads the group's recent topics (mediatopic.getTopics) for ours: see
   * `findOwnTopic` for what counts as found, absent and unknown. Reads only.
   */
  async reconcile(channel: OkChannel, query: ReconcileQuery): Promise<ReconcileOutcome> {
    const gid = channel.target.trim();
    const options = this.caller(channel, query.timeoutMs)('read');
    const outcome = await findOwnTopic(async (anchor) => {
      const page = await this.call<unknown>('mediatopic.getTopics', { gid, count: OK_RECONCILE_PAGE, anchor, fields: 'media_topic.*' }, options);
      if (!page.ok) return page;
      const feed: OkFeedPage | null = feedPageOf(page.result);
      return feed ? { ok: true, result: feed } : { ok: false, failure: { status: 'transient', reason: 'Одноклассники вернули ленту группы в непонятном виде' } };
    }, query);
    return outcome.status === 'found' ? { status: 'found', remoteId: outcome.topicId, url: okTopicUrl(gid, outcome.topicId) } : outcome;
  }

  /** The `attachment` JSON of mediatopic.post: text, then photos, then the link. */
  private async attachmentFor(channel: OkChannel, content: PostContent, ctx: PublishContext): Promise<string | OkErrorOutcome> {
    const media: unknown[] = [];
    const text = renderPlainText(content.text);
    if (text) media.push({ type: 'text', text });
    if (ctx.images.length > 0) {
      const timeoutMs = ctx.timeoutMs ?? this.options.timeoutMs;
      const uploaded = await uploadGroupPhotos(this.http, ctx.images, {
        apiUrl: this.options.apiUrl,
        keys: this.keys,
        accessToken: channel.credentials.accessToken,
        groupId: channel.target.trim(),
        timeoutMs,
        uploadTimeoutMs: this.uploadTimeoutMs(timeoutMs),
      });
      if (!uploaded.ok) return uploaded.failure;
      media.push({ type: 'photo', list: uploaded.tokens.map((id) => ({ id })) });
    }
    if (content.link?.trim()) media.push({ type: 'link', url: content.link.trim() });
    return JSON.stringify({ media });
  }

  private uploadTimeoutMs(timeoutMs: number): number {
    return this.options.uploadTimeoutMs ?? timeoutMs * 4;
  }

  private caller(channel: OkChannel, timeoutMs?: number): (kind: 'read' | 'write') => OkCallOptions {
    return (kind) => ({ kind, accessToken: channel.credentials.accessToken, timeoutMs: timeoutMs ?? this.options.timeoutMs });
  }

  private call<T>(method: string, params: Record<string, string | number | undefined>, options: OkCallOptions) {
    return callOk<T>(this.http, this.options.apiUrl, this.keys, method, params, options);
  }
}

export function okTopicUrl(gid: string, topicId: string): string {
  return `https://ok.ru/group/${gid}/topic/${topicId}`;
}

function asFailure(outcome: OkErrorOutcome): FailureOutcome {
  return outcome.status === 'not_found' ? { status: 'rejected', code: 'ok:300', reason: outcome.reason } : outcome;
}

function failedVerify(outcome: OkErrorOutcome): VerifyResult {
  const failure = asFailure(outcome);
  return { ok: false, canPost: false, reason: failure.reason, failure };
}
