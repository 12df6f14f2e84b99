import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { adapterFor, AnyPlatformAdapter, canRefreshCredentials, PLATFORM_ADAPTERS } from '@vestnik/platforms/core';
import { ChannelEntity, descriptor, openChannelCredentials, sealChannelCredentials } from '@vestnik/server/channels';
import { SECRET_BOX, SecretBox } from '@vestnik/server/persistence';

/**
 * Some platforms' tokens expire and renew without a person (VK's live about an hour; the refresh
 * token rotates on every use). Refreshes of one channel are serialised with a row lock, the new
 * credentials are stored in the same transaction, and a worker that waited finds them already
 * renewed and uses them instead of spending the old ones.
 */
@Injectable()
export class CredentialsRefresh {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SECRET_BOX) private readonly box: SecretBox,
    @Inject(PLATFORM_ADAPTERS) private readonly adapters: AnyPlatformAdapter[],
  ) {}

  /**
   * Renews the channel's credentials unless someone already did since `staleSealed` (the sealed
   * credentials the failed call used) was read.
   */
  async refresh(channelId: string, staleSealed: string): Promise<{ ok: true } | { ok: false; reason: string }> {
    return this.dataSource.transaction(async (m) => {
      const channel = await m.findOne(ChannelEntity, { where: { id: channelId }, lock: { mode: 'pessimistic_write' } });
      if (!channel) return { ok: false as const, reason: 'Канал удалён' };
      if (channel.credentials !== staleSealed) return { ok: true as const };
      const target = descriptor(channel.platform, channel.remoteTargetId, openChannelCredentials(this.box, channel));
      const adapter = adapterFor(this.adapters, target);
      if (!adapter || !canRefreshCredentials(adapter)) return { ok: false as const, reason: 'Обновление доступа для этой площадки не настроено на сервере' };
      if (!adapter.canRefresh(target.credentials)) return { ok: false as const, reason: 'Доступ истёк, а ключа обновления нет: подключите страницу заново' };
      const outcome = await adapter.refreshCredentials(target.credentials);
      if (outcome.status !== 'refreshed') return { ok: false as const, reason: outcome.reason };
      await m.update(ChannelEntity, { id: channelId }, { credentials: sealChannelCredentials(this.box, channelId, outcome.credentials), tokenExpiresAt: outcome.expiresAt, lastError: null });
      return { ok: true as const };
    });
  }
}
