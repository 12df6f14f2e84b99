import type { AxiosInstance } from 'axios';
import { contentRejection, imagesMismatch, paceKey, RequestPacer } from '@vestnik/platforms/core';
import type {
  CredentialRefresher,
  CredentialsRefreshOutcome,
  EditOutcome,
  Pace,
  PaceTarget,
  FailureOutcome,
  PlatformAdapter,
  PublishContext,
  PublishOutcome,
  RefreshOutcome,
  RemoveOutcome,
  VerifyResult,
  VkChannel,
  VkCredentials,
} from '@vestnik/platforms/core';
import type { ContentViolation, PostContent } from '@vestnik/platforms/rules';
import { renderPlainText, validateForPlatform, VK_LIMITS } from '@vestnik/platforms/rules';
import { callVk, createHttp, VkCallOptions } from './vk-api';
import type { VkErrorOutcome } from './vk-errors';
import { formatVkRemoteId, guidForPublication, numericGroupId, parseVkRemoteId, VK_GUID_WINDOW_MS, vkPostUrl } from './vk-ids';
import { refreshVkIdToken } from './vk-id';
import { uploadWallPhotos } from './vk-photos';
import { VK_CALL_SPACING_MS, VK_RATE } from './vk-pacer';

export interface VkAdapterOptions {
  /** `VK_API_URL`, e.g. `https://api.vk.ru/method`. */
  apiUrl: string;
  /** `VK_ID_URL`, default `https://id.vk.com`. */
  idUrl?: string;
  /** VK ID application id (client_id), needed to refresh tokens. */
  clientId?: string;
  timeoutMs: number;
  /** Timeout for one photo upload; defaults to four times `timeoutMs`. */
  uploadTimeoutMs?: number;
  /**
   * Whether this process keeps its calls per token within `VK_RATE` (default true); false only
   * for tests that move the sandbox clock themselves and for benchmarks of the raw rate.
   */
  paced?: boolean;
}

interface VkGroup {
  id: number;
  name?: string;
  screen_name?: string;
  is_admin?: number;
  admin_level?: number;
  can_post?: number;
}

/**
 * Community walls through a community admin's VK ID user token.
 * No `reconcile`: a lost answer is settled by sending again with the same `guid` within
 * `VK_GUID_WINDOW_MS` (the repeat lands on the post if it exists and creates it if not), which
 * tells more than a wall.get by text could; past the window a person decides.
 */
export class VkAdapter implements PlatformAdapter<'vk'>, CredentialRefresher<'vk'> {
  readonly platform = 'vk' as const;
  readonly limits = VK_LIMITS;
  /** wall.post carries the publication's `guid`. */
  readonly idempotentRetryWindowMs = VK_GUID_WINDOW_MS;
  private readonly http: AxiosInstance = createHttp();
  private readonly pacer: RequestPacer;
  private readonly paceMs: number;

  constructor(private readonly options: VkAdapterOptions) {
    this.paceMs = options.paced === false ? 0 : VK_CALL_SPACING_MS;
    this.pacer = new RequestPacer(options.paced === false ? null : VK_RATE);
  }

  /** A screen name's lookup, the upload server, per photo its upload and its save, the post; each API call after its pace. */
  longestPublishMs(imageCount: number): number {
    const apiCalls = 2 + (imageCount > 0 ? 1 + imageCount : 0);
    return apiCalls * (this.options.timeoutMs + this.paceMs) + imageCount * this.uploadTimeoutMs(this.options.timeoutMs);
  }

  validate(content: PostContent): ContentViolation[] {
    return validateForPlatform('vk', content);
  }

  async verify(channel: VkChannel, options: { timeoutMs?: number } = {}): Promise<VerifyResult> {
    const call = this.caller(channel.credentials, options.timeoutMs);
    const found = await this.findGroup(channel.target, call);
    if (!found.ok) return failedVerify(found.failure, 'Сообщество ВКонтакте не найдено');
    const group = found.group;
    const base = {
      ok: true,
      displayName: group.name,
      resolvedTargetId: String(group.id),
      tokenExpiresAt: channel.credentials.expiresAt,
    };
    if (!group.is_admin || (group.admin_level ?? 0) < 2) {
      return { ...base, canPost: false, reason: 'Пользователь не администратор и не редактор сообщества: публиковать от имени сообщества нельзя' };
    }
    // Community tokens pass groups.getById but are refused by photo upload (error 27).
    const upload = await callVk<{ user_id?: number }>(this.http, this.options.apiUrl, 'photos.getWallUploadServer', { group_id: group.id }, call('read'));
    if (!upload.ok) {
      const failure = asFailure(upload.failure);
      const communityToken = failure.status === 'auth_expired' && failure.platformCode === '27';
      return { ...base, ok: communityToken || failure.status === 'rejected', canPost: false, reason: failure.reason, failure };
    }
    return { ...base, canPost: true, actor: upload.response.user_id !== undefined ? `id${upload.response.user_id}` : undefined };
  }

  async publish(channel: VkChannel, content: PostContent, ctx: PublishContext): Promise<PublishOutcome> {
    const invalid = contentRejection(this.validate(content)) ?? imagesMismatch(content, ctx);
    if (invalid) return invalid;
    const call = this.caller(channel.credentials, ctx.timeoutMs);
    const groupId = await this.groupIdOf(channel.target, call);
    if (typeof groupId !== 'number') return asFailure(groupId);
    const attachments = await this.attachmentsFor(channel.credentials, groupId, content, ctx);
    if (!Array.isArray(attachments)) return asFailure(attachments);
    const posted = await callVk<{ post_id: number }>(
      this.http,
      this.options.apiUrl,
      'wall.post',
      {
        owner_id: -groupId,
        from_group: 1,
        message: renderPlainText(content.text) || undefined,
        attachments: attachments.join(',') || undefined,
        guid: guidForPublication(ctx.publicationId),
      },
      { ...call('write'), retrySafe: true },
    );
    if (!posted.ok) return asFailure(posted.failure);
    const postId = Number(posted.response.post_id);
    return { status: 'published', remoteId: formatVkRemoteId(groupId, postId), url: vkPostUrl(-groupId, postId) };
  }

  /** wall.edit replaces attachments wholesale, so the images are uploaded again. */
  async edit(channel: VkChannel, remoteId: string, content: PostContent, ctx: PublishContext): Promise<EditOutcome> {
    const post = parseVkRemoteId(remoteId);
    if (!post) return { status: 'rejected', code: 'vk:remote_id', reason: `Непонятный идентификатор записи ВКонтакте: ${remoteId}` };
    const invalid = contentRejection(this.validate(content)) ?? imagesMismatch(content, ctx);
    if (invalid) return invalid;
    const attachments = await this.attachmentsFor(channel.credentials, Math.abs(post.ownerId), content, ctx);
    if (!Array.isArray(attachments)) return asFailure(attachments);
    const edited = await callVk<{ post_id: number }>(
      this.http,
      this.options.apiUrl,
      'wall.edit',
      { owner_id: post.ownerId, post_id: post.postId, message: renderPlainText(content.text), attachments: attachments.join(',') || undefined },
      { ...this.caller(channel.credentials, ctx.timeoutMs)('write'), retrySafe: true },
    );
    if (!edited.ok) return asFailure(edited.failure);
    return { status: 'edited', remoteId, url: vkPostUrl(post.ownerId, post.postId) };
  }

  async remove(channel: VkChannel, remoteId: string, options: { timeoutMs?: number } = {}): Promise<RemoveOutcome> {
    const post = parseVkRemoteId(remoteId);
    if (!post) return { status: 'rejected', code: 'vk:remote_id', reason: `Непонятный идентификатор записи ВКонтакте: ${remoteId}` };
    const deleted = await callVk<number>(
      this.http,
      this.options.apiUrl,
      'wall.delete',
      { owner_id: post.ownerId, post_id: post.postId },
      { ...this.caller(channel.credentials, options.timeoutMs)('write'), retrySafe: true },
    );
    if (deleted.ok) return { status: 'removed', alreadyGone: false };
    if (deleted.failure.status === 'not_found') return { status: 'removed', alreadyGone: true };
    return deleted.failure;
  }

  /**
   * One limit, the user token's ~3 requests a second: `VK_CALL_SPACING_MS` for every API call one
   * publish makes (`publishCalls`). Photo uploads go to another host and are not counted.
   */
  paces(channel: VkChannel, target: PaceTarget): Pace[] {
    return [{ key: paceKey('vk', 'token', channel.credentials.accessToken), spacingMs: VK_CALL_SPACING_MS * publishCalls(channel.target, target.imageCount) }];
  }

  canRefresh(credentials: VkCredentials): boolean {
    return Boolean(credentials.refreshToken && credentials.deviceId && this.options.clientId);
  }

  async refreshCredentials(credentials: VkCredentials, options: { timeoutMs?: number } = {}): Promise<CredentialsRefreshOutcome<'vk'>> {
    const outcome = await this.refreshAccessToken(credentials, options);
    if (outcome.status !== 'refreshed') return outcome;
    const renewed = outcome.credentials;
    // Never lose a refresh token: it is the only way back without a person.
    const refreshToken = renewed.refreshToken || credentials.refreshToken;
    return {
      status: 'refreshed',
      credentials: { ...credentials, accessToken: renewed.accessToken, refreshToken, deviceId: renewed.deviceId || credentials.deviceId, expiresAt: renewed.expiresAt },
      expiresAt: renewed.expiresAt ? new Date(renewed.expiresAt) : null,
    };
  }

  refreshAccessToken(credentials: VkCredentials, options: { timeoutMs?: number } = {}): Promise<RefreshOutcome> {
    return refreshVkIdToken(this.http, credentials, {
      idUrl: this.options.idUrl ?? 'https://id.vk.com',
      clientId: this.options.clientId,
      timeoutMs: options.timeoutMs ?? this.options.timeoutMs,
    });
  }

  private uploadTimeoutMs(timeoutMs: number): number {
    return this.options.uploadTimeoutMs ?? timeoutMs * 4;
  }

  private caller(credentials: VkCredentials, timeoutMs?: number): (kind: 'read' | 'write') => VkCallOptions {
    return (kind) => ({
      kind,
      pacer: this.pacer,
      accessToken: credentials.accessToken,
      timeoutMs: timeoutMs ?? this.options.timeoutMs,
      canRefresh: Boolean(credentials.refreshToken && credentials.deviceId && this.options.clientId),
    });
  }

  private async attachmentsFor(credentials: VkCredentials, groupId: number, content: PostContent, ctx: PublishContext): Promise<string[] | VkErrorOutcome> {
    const attachments: string[] = [];
    if (ctx.images.length > 0) {
      const timeoutMs = ctx.timeoutMs ?? this.options.timeoutMs;
      const uploaded = await uploadWallPhotos(this.http, ctx.images, {
        apiUrl: this.options.apiUrl,
        accessToken: credentials.accessToken,
        groupId,
        timeoutMs,
        uploadTimeoutMs: this.uploadTimeoutMs(timeoutMs),
        canRefresh: this.caller(credentials)('read').canRefresh ?? false,
        pacer: this.pacer,
      });
      if (!uploaded.ok) return uploaded.failure;
      attachments.push(...uploaded.attachments);
    }
    if (content.link?.trim()) attachments.push(content.link.trim());
    return attachments;
  }

  private async groupIdOf(target: string, call: (kind: 'read' | 'write') => VkCallOptions): Promise<number | VkErrorOutcome> {
    const numeric = numericGroupId(target);
    if (numeric !== null) return numeric;
    const found = await this.findGroup(target, call);
    return found.ok ? found.group.id : found.failure;
  }

  private async findGroup(
    target: string,
    call: (kind: 'read' | 'write') => VkCallOptions,
  ): Promise<{ ok: true; group: VkGroup } | { ok: false; failure: VkErrorOutcome }> {
    const groupId = numericGroupId(target) ?? target.trim().replace(/^@/, '');
    const res = await callVk<{ groups?: VkGroup[] }>(this.http, this.options.apiUrl, 'groups.getById', { group_id: groupId, fields: 'can_post' }, call('read'));
    if (!res.ok) return res;
    const group = res.response.groups?.[0];
    return group ? { ok: true, group } : { ok: false, failure: { status: 'not_found', reason: 'Сообщество ВКонтакте не найдено' } };
  }
}

/**
 * The API calls one `publish` makes: groups.getById only for a screen name, with photos
 * photos.getWallUploadServer and a photos.saveWallPhoto per photo, then wall.post.
 */
export function publishCalls(target: string, imageCount: number): number {
  const lookup = numericGroupId(target) === null ? 1 : 0;
  const photos = imageCount > 0 ? 1 + imageCount : 0;
  return lookup + photos + 1;
}

/** `not_found` is internal to this adapter: outside it is a permanent refusal. */
function asFailure(outcome: VkErrorOutcome): FailureOutcome {
  return outcome.status === 'not_found' ? { status: 'rejected', code: 'vk:104', reason: outcome.reason } : outcome;
}

function failedVerify(outcome: VkErrorOutcome, notFoundReason: string): VerifyResult {
  const failure = asFailure(outcome);
  const missing = outcome.status === 'not_found' || (failure.status === 'rejected' && ['vk:100', 'vk:104'].includes(failure.code));
  return { ok: false, canPost: false, reason: missing ? notFoundReason : failure.reason, failure };
}
