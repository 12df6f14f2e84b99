import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Platform } from '@vestnik/contracts';
import { adapterFor, AnyPlatformAdapter, canRefreshCredentials, ChannelDescriptor, PLATFORM_ADAPTERS } from '@vestnik/platforms/core';
import { SECRET_BOX, SecretBox } from '@vestnik/server/persistence';
import { ChannelEntity } from './channel.entity';
import { descriptor } from './credentials';
import { openChannelCredentials, sealChannelCredentials } from './sealed-credentials';

/** A channel as a context that sends to it sees it: where, whether it is open, and its credentials opened. */
export interface OpenedChannel {
  id: string;
  organizationId: string;
  platform: Platform;
  remoteTargetId: string;
  /** Disabled or deleted: nothing may go out to it. */
  closed: boolean;
  /** Which credentials `target` was opened from (opaque): a refresh after a failed call compares it. */
  credentialsVersion: string;
  target: ChannelDescriptor;
}

/**
 * What other contexts may do with a channel without its table: open it to send, mark it as needing
 * a person, renew its credentials. The publishing engine reaches it through its own port.
 */
@Injectable()
export class ChannelAccess {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SECRET_BOX) private readonly box: SecretBox,
    @Inject(PLATFORM_ADAPTERS) private readonly adapters: AnyPlatformAdapter[],
  ) {}

  /** The channel with its credentials opened, read in `m` when given; null when it is gone. */
  async open(channelId: string, m: EntityManager = this.dataSource.manager): Promise<OpenedChannel | null> {
    const channel = await m.findOneBy(ChannelEntity, { id: channelId });
    return channel ? this.opened(channel) : null;
  }

  /** The batch form of `open`: the channels of `ids` that still exist, by id, in one read. */
  async openMany(ids: readonly string[], m: EntityManager = this.dataSource.manager): Promise<Map<string, OpenedChannel>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const channels = await m.findBy(ChannelEntity, { id: In(unique) });
    return new Map(channels.map((c) => [c.id, this.opened(c)]));
  }

  private opened(channel: ChannelEntity): OpenedChannel {
    return {
      id: channel.id,
      organizationId: channel.organizationId,
      platform: channel.platform,
      remoteTargetId: channel.remoteTargetId,
      closed: channel.deletedAt !== null || channel.state === 'disabled',
      credentialsVersion: channel.credentials,
      target: descriptor(channel.platform, channel.remoteTargetId, openChannelCredentials(this.box, channel)),
    };
  }

  /** An active channel stops taking publications until a person reconnects it; false when it was not active. */
  async markNeedsAttention(m: EntityManager, channelId: string, reason: string): Promise<boolean> {
    const [rows] = await m.query(`UPDATE channels SET state = 'needs_attention', can_post = false, last_error = $2, updated_at = now() WHERE id = $1 AND state = 'active' RETURNING id`, [channelId, reason]);
    return (rows as unknown[]).length > 0;
  }

  /**
   * Some platforms' tokens expire and renew without a person (the refresh token may rotate on every
   * use). Renews the channel's credentials unless someone already did since `staleVersion` (the
   * credentials the failed call used) was read. Refreshes of one channel are serialised with its row
   * lock (the platform call runs under it on purpose), and the new credentials are stored in the same
   * transaction: a worker that waited finds them renewed and uses them instead of spending the old ones.
   */
  async refreshCredentials(channelId: string, staleVersion: string): Promise<{ ok: true } | { ok: false; reason: string }> {
    return this.dataSource.transaction(async (m) => {
      const channel = await m.findOne(ChannelEntity, { where: { id: channelId }, lock: { mode: 'pessimistic_write' } });
      if (!channel) return { ok: false as const, reason: 'Канал удалён' };
      if (channel.credentials !== staleVersion) return { ok: true as const };
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
