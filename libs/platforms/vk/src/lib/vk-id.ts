import type { AxiosInstance } from 'axios';
import { randomBytes } from 'node:crypto';
import type { RefreshOutcome, VkCredentials } from '@vestnik/platforms/core';
import { classifyHttpStatus, classifyRequestError, redactSecrets } from '@vestnik/platforms/core';
import { isObject } from './vk-api';

const VK_ID_TITLE = 'VK ID';

export interface VkIdRefreshOptions {
  idUrl: string;
  clientId: string | undefined;
  timeoutMs: number;
  now?: () => Date;
}

/**
 * Renews a VK ID user token: `POST {idUrl}/oauth2/auth` with grant_type=refresh_token,
 * refresh_token, client_id, device_id and state. VK ID rotates the refresh token on every use,
 * so the request is a write: a timeout after sending may have spent the old refresh token.
 */
export async function refreshVkIdToken(http: AxiosInstance, credentials: VkCredentials, o: VkIdRefreshOptions): Promise<RefreshOutcome> {
  if (!o.clientId) {
    return { status: 'rejected', code: 'vk:config', reason: 'Не задан идентификатор приложения VK ID (client_id): обновить токен нельзя' };
  }
  if (!credentials.refreshToken || !credentials.deviceId) {
    return { status: 'auth_expired', refreshable: false, reason: 'Нет refresh token или device_id VK ID: переподключите канал ВКонтакте' };
  }
  const secrets = [credentials.refreshToken, credentials.accessToken];
  const state = randomBytes(16).toString('hex');
  const body = new URLSearchParams({
    grant_type: 'refresh_token',
    refresh_token: credentials.refreshToken,
    client_id: o.clientId,
    device_id: credentials.deviceId,
    state,
  });
  const failureCtx = { kind: 'write' as const, platformTitle: VK_ID_TITLE, secrets };
  let status: number;
  let data: unknown;
  try {
    const res = await http.post(`${o.idUrl.replace(/\/+$/, '')}/oauth2/auth`, body.toString(), {
      timeout: o.timeoutMs,
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
    return {
      status: 'auth_expired',
      refreshable: false,
      reason: `VK ID отказал в обновлении токена, переподключите канал ВКонтакте (${platformMessage})`,
      platformCode: String(data['error']),
      platformMessage,
    };
  }
  if (!isObject(data) || typeof data['access_token'] !== 'string' || typeof data['refresh_token'] !== 'string' || !data['refresh_token']) {
    // Without a new refresh token we must not overwrite the stored one; the old may be spent.
    return { status: 'unconfirmed', retrySafe: false, reason: `VK ID вернул ответ без новых токенов (HTTP ${status})` };
  }
  if (data['state'] !== undefined && data['state'] !== state) {
    return { status: 'unconfirmed', retrySafe: false, reason: 'Ответ VK ID не соответствует запросу (state не совпал)' };
  }
  const now = (o.now ?? (() => new Date()))();
  const expiresIn = Number(data['expires_in'] ?? 3600);
  return {
    status: 'refreshed',
    credentials: {
      accessToken: data['access_token'],
      refreshToken: data['refresh_token'],
      expiresAt: new Date(now.getTime() + expiresIn * 1000).toISOString(),
      deviceId: typeof data['device_id'] === 'string' ? data['device_id'] : credentials.deviceId,
      userId: data['user_id'] !== undefined ? String(data['user_id']) : undefined,
    },
  };
}
