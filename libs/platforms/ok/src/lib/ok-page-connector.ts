import type { AxiosInstance } from 'axios';
import type {
  AuthorizationGrant,
  AuthorizationRequest,
  ExchangeOutcome,
  FailureOutcome,
  ManagedPage,
  ManagedPagesOutcome,
  OkCredentials,
  PageConnector,
} from '@vestnik/platforms/core';
import { classifyHttpStatus, classifyRequestError, redactSecrets } from '@vestnik/platforms/core';
import { POSTING_ROLES } from './ok-adapter';
import { callOk, createHttp, isObject, OkAppKeys, OkCallOptions } from './ok-api';
import type { OkErrorOutcome } from './ok-errors';

const OK_OAUTH_TITLE = 'Одноклассники (OAuth)';
/** Permissions PLATFORMS.md names for a group admin's long token. */
export const OK_OAUTH_SCOPE = 'VALUABLE_ACCESS;LONG_ACCESS_TOKEN;GROUP_CONTENT;PHOTO_CONTENT';
const PAGE_SIZE = 100;
/** 10 pages of 100 groups: more than any person administers; a guard against an endless anchor. */
const MAX_PAGES = 10;

export interface OkPageConnectorOptions {
  /** `OK_API_URL`, e.g. `https://api.ok.ru/fb.do`. */
  apiUrl: string;
  /** `OK_OAUTH_URL`, the consent page's host, default `https://connect.ok.ru`. */
  oauthUrl?: string;
  /** token.do; by default `oauth/token.do` beside fb.do (`https://api.ok.ru/oauth/token.do`). */
  tokenUrl?: string;
  /** The OK application id (client_id) and its secret key (client_secret). */
  clientId: string;
  clientSecret: string;
  /** The application's public and secret keys, to sign API calls with the new token. */
  applicationKey: string;
  applicationSecretKey: string;
  timeoutMs: number;
}

interface OkMembership {
  groupId?: string | number;
  status?: string;
  role?: string;
}

/**
 * OK server OAuth: `{oauthUrl}/oauth/authorize` → the browser comes back with `code` and
 * `state` → `POST token.do` (code, client_id, client_secret, redirect_uri,
 * grant_type=authorization_code) → a group admin's access token. Groups come from
 * `group.getUserGroupsV2` (its answer shape is unconfirmed against OK itself: `{groups:
 * [{groupId, status}], anchor}`), named with `group.getInfo`.
 */
export class OkPageConnector implements PageConnector<'ok'> {
  readonly platform = 'ok' as const;
  readonly usesPkce = false;
  private readonly http: AxiosInstance = createHttp();
  private readonly keys: OkAppKeys;
  private readonly tokenUrl: string;

  constructor(private readonly options: OkPageConnectorOptions) {
    this.keys = { applicationKey: options.applicationKey, applicationSecretKey: options.applicationSecretKey };
    this.tokenUrl = options.tokenUrl ?? new URL('oauth/token.do', options.apiUrl).toString();
  }

  authorizeUrl(request: AuthorizationRequest): string {
    const url = new URL(`${(this.options.oauthUrl ?? 'https://connect.ok.ru').replace(/\/+$/, '')}/oauth/authorize`);
    url.search = new URLSearchParams({
      client_id: this.options.clientId,
      scope: OK_OAUTH_SCOPE,
      response_type: 'code',
      redirect_uri: request.redirectUri,
      layout: 'w',
      state: request.state,
    }).toString();
    return url.toString();
  }

  async exchangeCode(grant: AuthorizationGrant, options: { timeoutMs?: number } = {}): Promise<ExchangeOutcome<'ok'>> {
    const secrets = [grant.code, this.options.clientSecret];
    const failureCtx = { kind: 'write' as const, platformTitle: OK_OAUTH_TITLE, secrets };
    const body = new URLSearchParams({
      code: grant.code,
      client_id: this.options.clientId,
      client_secret: this.options.clientSecret,
      redirect_uri: grant.redirectUri,
      grant_type: 'authorization_code',
    });
    let status: number;
    let data: unknown;
    try {
      const res = await this.http.post(this.tokenUrl, body.toString(), {
        timeout: options.timeoutMs ?? this.options.timeoutMs,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      });
      status = res.status;
      data = res.data;
    } catch (error) {
      return classifyRequestError(error, failureCtx);
    }
    if (status >= 500) return classifyHttpStatus(status, failureCtx);
    // OAuth errors (`error`) or fb.do-style ones (`error_code`), whatever the HTTP status.
    if (isObject(data) && (typeof data['error'] === 'string' || data['error_code'] !== undefined)) {
      const what = typeof data['error'] === 'string' ? `${data['error']}: ${String(data['error_description'] ?? '')}` : `${String(data['error_code'])}: ${String(data['error_msg'] ?? '')}`;
      const platformMessage = redactSecrets(what, secrets);
      return { status: 'rejected', code: `ok_oauth:${String(data['error'] ?? data['error_code'])}`, reason: `Одноклассники не выдали токен (${platformMessage}): начните подключение заново`, platformMessage };
    }
    if (!isObject(data) || typeof data['access_token'] !== 'string' || !data['access_token']) {
      return { status: 'unconfirmed', retrySafe: false, reason: `Одноклассники вернули ответ без токена (HTTP ${status}): начните подключение заново` };
    }
    return { status: 'exchanged', credentials: { accessToken: data['access_token'] } };
  }

  async listManagedPages(credentials: OkCredentials, options: { timeoutMs?: number } = {}): Promise<ManagedPagesOutcome> {
    const call: OkCallOptions = { kind: 'read', accessToken: credentials.accessToken, timeoutMs: options.timeoutMs ?? this.options.timeoutMs };
    const gids: string[] = [];
    let anchor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const res = await callOk<{ groups?: OkMembership[]; anchor?: string }>(this.http, this.options.apiUrl, this.keys, 'group.getUserGroupsV2', { count: PAGE_SIZE, anchor }, call);
      if (!res.ok) return asFailure(res.failure);
      const groups = isObject(res.result) && Array.isArray(res.result.groups) ? res.result.groups : [];
      for (const g of groups) {
        const role = `${g.status ?? ''} ${g.role ?? ''}`.toUpperCase().split(' ');
        if (g.groupId !== undefined && role.some((r) => POSTING_ROLES.has(r))) gids.push(String(g.groupId));
      }
      anchor = isObject(res.result) && typeof res.result.anchor === 'string' ? res.result.anchor : undefined;
      if (groups.length < PAGE_SIZE || !anchor) break;
    }
    const pages: ManagedPage[] = [];
    for (let i = 0; i < gids.length; i += PAGE_SIZE) {
      const chunk = gids.slice(i, i + PAGE_SIZE);
      const info = await callOk<unknown>(this.http, this.options.apiUrl, this.keys, 'group.getInfo', { uids: chunk.join(','), fields: 'uid,name' }, call);
      if (!info.ok) return asFailure(info.failure);
      const list = Array.isArray(info.result) ? info.result : isObject(info.result) && Array.isArray(info.result['groups']) ? info.result['groups'] : [];
      const names = new Map<string, string>();
      for (const g of list as Array<{ uid?: string | number; name?: string }>) if (g?.uid !== undefined) names.set(String(g.uid), g.name ?? String(g.uid));
      for (const gid of chunk) pages.push({ target: gid, remoteTargetId: gid, name: names.get(gid) ?? gid });
    }
    return { status: 'listed', pages };
  }
}

function asFailure(outcome: OkErrorOutcome): FailureOutcome {
  return outcome.status === 'not_found' ? { status: 'rejected', code: 'ok:300', reason: outcome.reason } : outcome;
}
