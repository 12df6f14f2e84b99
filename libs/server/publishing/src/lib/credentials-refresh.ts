import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AnyPlatformAdapter, canRefreshCredentials, PLATFORM_ADAPTERS, RefreshOutcome } from '@vestnik/platforms/core';
import { ChannelEntity, openChannelCredentials, sealChannelCredentials } from '@vestnik/server/channels';
import { SECRET_BOX, SecretBox } from '@vestnik/server/persistence';

/**
 * VK user tokens live about an hour; the refresh token rotates on every use. Refreshes of one
 * channel are serialised with a row lock, the new pair is stored in the same transaction, and a
 * worker that waited finds the token already renewed and uses it instead of spending the old one.
 */
@Injectable()
export class CredentialsRefresh {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SECRET_BOX) private readonly box: SecretBox,
    @Inject(PLATFORM_ADAPTERS) private readonly adapters: AnyPlatformAdapter[],
  ) {}

  /** Renews the channel's VK token unless someone already did since `staleAccessToken` was read. */
  async refresh(channelId: string, staleAccessToken: string): Promise<{ ok: true } | { ok: false; reason: string }> {
    const adapter = this.adapters.find((a) => a.platform === 'vk');
    if (!adapter || !canRefreshCredentials(adapter)) return { ok: false, reason: 'Обновление токена VK не настроено (VK_CLIENT_ID)' };
    return this.dataSource.transaction(async (m) => {
      const channel = await m.findOne(ChannelEntity, { where: { id: channelId }, lock: { mode: 'pessimistic_write' } });
      if (!channel) return { ok: false as const, reason: 'Канал удалён' };
      const creds = openChannelCredentials(this.box, channel);
      if (creds['accessToken'] !== staleAccessToken) return { ok: true as const };
      if (!creds['refreshToken'] || !creds['deviceId']) return { ok: false as const, reason: 'Токен VK истёк, а ключа обновления нет: подключите страницу заново' };
      const outcome: RefreshOutcome = await adapter.refreshAccessToken({ accessToken: creds['accessToken'], refreshToken: creds['refreshToken'], deviceId: creds['deviceId'] });
      if (outcome.status !== 'refreshed') return { ok: false as const, reason: outcome.reason };
      const next = { ...creds, ...outcome.credentials };
      // Never overwrite a refresh token with an empty one: it is the only way back without a person.
      if (!next.refreshToken) next.refreshToken = creds['refreshToken'];
      await m.update(ChannelEntity, { id: channelId }, { credentials: sealChannelCredentials(this.box, channelId, next), tokenExpiresAt: new Date(outcome.credentials.expiresAt), lastError: null });
      return { ok: true as const };
    });
  }
}
