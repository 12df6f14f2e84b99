import type { AxiosInstance } from 'axios';
import type {
  AuthorizationGrant,
  AuthorizationRequest,
  ExchangeOutcome,
  FailureOutcome,
  ManagedPagesOutcome,
  PageConnector,
  VkCredentials,
} from '@vestnik/platforms/core';
import { classifyHttpStatus, classifyRequestError, redactSecrets } from '@vestnik/platforms/core';
import { callVk, createHttp, isObject } from './vk-api';
import type { VkErrorOutcome } from './vk-errors';

const VK_ID_TITLE = 'VK ID';
/** VK ID scopes for posting on a community wall with photos, and listing the communities. */
export const VK_ID_SCOPE = 'wall photos groups';

export interface VkPageConnectorOptions {
  /** `VK_API_URL`, e.g. `https://api.vk.ru/method`. */
  apiUrl: string;
  /** `VK_ID_URL`, default `https://id.vk.com`. */
  idUrl?: string;
  /** VK ID application id. A web app with PKCE is a public client: no secret is sent. */
  clientId: string;
  timeoutMs: number;
}

interface VkGroupFull {
  id: number;
  name?: string;
  admin_level?: number;
}

/**
 * VK ID authorization code flow with PKCE: `{idUrl}/authorize` → the browser comes back with
 * `code`, `state` and `device_id` → `POST {idUrl}/oauth2/auth` (grant_type=authorization_code)
 * → a community admin's user token, its rotating refresh token and the device id.
 * Communities come from `groups.get` with `filter=editor` (administrators and editors may post).
 */
export class VkPageConnector implements PageConnector<'vk'> {
  readonly platform = 'vk' as const;
  readonly usesPkce = true;
  private readonly http: AxiosInstance = createHttp();
  private readonly idUrl: string;

  constructor(private readonly options: VkPageConnectorOptions) {
    this.idUrl = (options.idUrl ?? 'https://id.vk.com').replace(/\/+$/, '');
  }

  authorizeUrl(request: AuthorizationRequest): string {
    const url = new URL(`${this.idUrl}/authorize`);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: this.options.clientId,
      redirect_uri: request.redirectUri,
      state: request.state,
      code_challenge: request.codeChallenge ?? '',
      code_challenge_method: 'S256',
      scope: VK_ID_SCOPE,
    }).toString();
    return url.toString();
  }

  async exchangeCode(grant: AuthorizationGrant, options: { timeoutMs?: number } = {}): Promise<ExchangeOutcome<'vk'>> {
    if (!grant.deviceId || !grant.codeVerifier) {
      return { status: 'rejected', code: 'vk_id:device_id', reason: 'VK ID не передал device_id или не сохранён code_verifier: начните подключение заново' };
    }
    const secrets = [grant.code, grant.codeVerifier];
    // The code is spent once VK ID reads it: a lost answer cannot be asked again.
    const failureCtx = { kind: 'write' as const, platformTitle: VK_ID_TITLE, secrets };
    const body = new URLSearchParams({
      grant_type: 'authorization_code',
      code: grant.code,
      code_verifier: grant.codeVerifier,
      client_id: this.options.clientId,
      device_id: grant.deviceId,
      redirect_uri: grant.redirectUri,
      state: grant.state,
    });
    let status: number;
    let data: unknown;
    try {
      const res = await this.http.post(`${this.idUrl}/oauth2/auth`, body.toString(), {
        timeout: options.timeoutMs ?? this.options.timeoutMs,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      });
      status = res.status;
      data = res.data;
    } catch (error) {
      return classifyRequestError(error, failureCtx);
    }
    if (status >= 500) return classifyHttpStatus(status, failureCtx);
    if (isObject(data) && typeof data['error'] === 'string') {
      const platformMessage = redactSecrets(`${data['error']}: ${String(data['error_description'] ?? '')}`, secrets);
      return { status: 'rejected', code: `vk_id:${data['error']}`, reason: `VK ID не выдал токен (${platformMessage}): начните подключение заново`, platformMessage };
    }
    if (!isObject(data) || typeof data['access_token'] !== 'string' || !data['access_token'] || typeof data['refresh_token'] !== 'string' || !data['refresh_token']) {
      return { status: 'unconfirmed', retrySafe: false, reason: `VK ID вернул ответ без токенов (HTTP ${status}): начните подключение заново` };
    }
    if (data['state'] !== undefined && data['state'] !== grant.state) {
      return { status: 'rejected', code: 'vk_id:state', reason: 'Ответ VK ID не соответствует запросу (state не совпал)' };
    }
    const expiresIn = Number(data['expires_in'] ?? 3600);
    return {
      status: 'exchanged',
      credentials: {
        accessToken: data['access_token'],
        refreshToken: data['refresh_token'],
        deviceId: typeof data['device_id'] === 'string' && data['device_id'] ? data['device_id'] : grant.deviceId,
        expiresAt: new Date(Date.now() + (Number.isFinite(expiresIn) ? expiresIn : 3600) * 1000).toISOString(),
      },
    };
  }

  async listManagedPages(credentials: VkCredentials, options: { timeoutMs?: number } = {}): Promise<ManagedPagesOutcome> {
    const res = await callVk<{ count?: number; items?: VkGroupFull[] }>(
      this.http,
      this.options.apiUrl,
      'groups.get',
      { filter: 'editor', extended: 1, count: 1000 },
      { kind: 'read', accessToken: credentials.accessToken, timeoutMs: options.timeoutMs ?? this.options.timeoutMs },
    );
    if (!res.ok) return asFailure(res.failure);
    const items = Array.isArray(res.response.items) ? res.response.items : [];
    return {
      status: 'listed',
      pages: items
        .filter((g) => isObject(g) && Number.isInteger(g.id))
        .map((g) => ({ target: `club${g.id}`, remoteTargetId: String(g.id), name: g.name ?? `club${g.id}` })),
    };
  }
}

/** `not_found` is the adapter's own status; outside it is a refusal. */
function asFailure(outcome: VkErrorOutcome): FailureOutcome {
  return outcome.status === 'not_found' ? { status: 'rejected', code: 'vk:104', reason: outcome.reason } : outcome;
}
