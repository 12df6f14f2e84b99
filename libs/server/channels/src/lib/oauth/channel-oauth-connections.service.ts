import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, MoreThan, Not } from 'typeorm';
import type { ChannelOAuthConnectionView, ChannelView, CreateOAuthChannelsRequest, CreateOAuthChannelsResponse, OAuthPageError, OAuthPlatform } from '@vestnik/contracts';
import type { ChannelFor, ManagedPage } from '@vestnik/platforms/core';
import { AuditLog } from '@vestnik/server/audit';
import { AccessService } from '@vestnik/server/auth';
import { ApiException, SignedInActor } from '@vestnik/server/http';
import { OrganizationEntity, SECRET_BOX, SecretBox } from '@vestnik/server/persistence';
import { oauthConnectionAt } from './oauth-secrets';
import { ChannelsService } from '../channels.service';
import { ChannelOAuthConnectionEntity } from './channel-oauth-connection.entity';
import { OAUTH_AUDIT_TARGET } from './channel-oauth-flow.service';
import { OAuthConnectors, platformProblem } from './oauth-connectors';

const WHAT = 'Запрос на подключение';

interface OpenConnection {
  row: ChannelOAuthConnectionEntity;
  credentials: Record<string, string>;
  /** The organization the connection was started for. */
  home: OrganizationEntity;
}

/**
 * A pending connection after the callback: the pages its tokens may post to, and the channels
 * made from the chosen ones through the usual verified path. Only the person who started it sees
 * it; for everyone else it does not exist (404).
 */
@Injectable()
export class ChannelOAuthConnectionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SECRET_BOX) private readonly box: SecretBox,
    private readonly connectors: OAuthConnectors,
    private readonly access: AccessService,
    private readonly channels: ChannelsService,
    private readonly audit: AuditLog,
  ) {}

  async view(actor: SignedInActor, id: string): Promise<ChannelOAuthConnectionView> {
    const { row, credentials } = await this.load(actor, id);
    const pages = await this.managedPages(row, credentials);
    const live: { remote_target_id: string }[] = pages.length
      ? await this.dataSource.query(`SELECT remote_target_id FROM channels WHERE platform = $1 AND remote_target_id = ANY($2) AND deleted_at IS NULL`, [row.platform, pages.map((p) => p.remoteTargetId)])
      : [];
    const connected = new Set(live.map((r) => r.remote_target_id));
    return {
      id: row.id,
      platform: row.platform,
      organizationId: row.organizationId,
      expiresAt: row.expiresAt.toISOString(),
      pages: pages.map((p) => ({ target: p.target, name: p.name, alreadyConnected: connected.has(p.remoteTargetId) })),
    };
  }

  /**
   * Creates a channel per chosen page with the connection's tokens, each verified by the platform
   * like a manual one, in the connection's organization or the one of its subtree chosen for the
   * page; refusals come back per page. Once a channel exists the connection is gone.
   */
  async createChannels(actor: SignedInActor, id: string, input: CreateOAuthChannelsRequest): Promise<CreateOAuthChannelsResponse> {
    const { row, credentials, home } = await this.load(actor, id);
    await this.channels.requireOpenOrganization(actor, row.organizationId);
    const chosen = [...new Map(input.pages.map((p) => [p.target.trim(), p])).values()];
    if (row.platform === 'vk' && chosen.length > 1) {
      // A VK ID refresh token is single-use and rotates: two channels cannot share one.
      throw new ApiException(400, 'validation_failed', 'ВКонтакте: одна авторизация VK ID — одно сообщество, остальные подключите заново по одному', {
        errors: [{ field: 'pages', rule: 'arrayMaxSize', message: 'Поле «pages»: для ВКонтакте выберите одно сообщество (ключ обновления VK ID одноразовый и не делится между каналами)' }],
      });
    }
    const created: ChannelView[] = [];
    const errors: OAuthPageError[] = [];
    for (const page of chosen) {
      try {
        const organizationId = await this.pageOrganization(actor, home, page.organizationId);
        created.push(await this.channels.create(actor, { organizationId, platform: row.platform, name: page.name, target: page.target.trim(), credentials }));
      } catch (error) {
        if (!(error instanceof ApiException)) throw error;
        const body = error.getResponse() as { code?: string; message?: string };
        errors.push({ target: page.target, code: body.code ?? 'channel_not_created', message: body.message ?? 'Канал не создан' });
      }
    }
    await this.dataSource.transaction(async (m) => {
      if (created.length) await m.delete(ChannelOAuthConnectionEntity, { id: row.id });
      await this.audit.record(
        {
          actor,
          organizationId: row.organizationId,
          action: 'channel.oauth_channels_created',
          targetType: OAUTH_AUDIT_TARGET,
          targetId: row.id,
          after: { platform: row.platform, created: created.map((c) => ({ id: c.id, target: c.target })), refused: errors.map((e) => ({ target: e.target, code: e.code })) },
        },
        m,
      );
    });
    return { created, errors };
  }

  /** The actor's own live connection (tokens received, not expired), with its tokens opened. */
  private async load(actor: SignedInActor, id: string): Promise<OpenConnection> {
    const row = /^[0-9a-f-]{36}$/i.test(id)
      ? await this.dataSource.manager.findOneBy(ChannelOAuthConnectionEntity, { id, userId: actor.user.id, credentials: Not(IsNull()), expiresAt: MoreThan(new Date()) })
      : null;
    if (!row?.credentials) throw new ApiException(404, 'not_found', `${WHAT} не найден или устарел: начните подключение страницы заново`);
    // Rights may have changed since the start: he must still administer the organization.
    const { organization: home } = await this.access.require(actor.user.id, row.organizationId, 'admin', WHAT);
    return { row, home, credentials: JSON.parse(this.box.open(row.credentials, oauthConnectionAt(row.id, 'credentials'))) as Record<string, string> };
  }

  /** The organization chosen for a page: the connection's own, or one of its subtree the actor administers. */
  private async pageOrganization(actor: SignedInActor, home: OrganizationEntity, wanted: string | undefined): Promise<string> {
    if (!wanted || wanted === home.id) return home.id;
    const { organization } = await this.access.require(actor.user.id, wanted, 'admin');
    if (!organization.path.startsWith(home.path)) {
      throw new ApiException(422, 'organization_outside_connection', `Организация «${organization.name}» не входит в «${home.name}»: страницы этого подключения можно отдать только ей и подчинённым ей организациям`);
    }
    return organization.id;
  }

  private async managedPages(row: ChannelOAuthConnectionEntity, credentials: Record<string, string>): Promise<ManagedPage[]> {
    const connector = this.connectors.require(row.platform);
    // Stored as the connector exchanged them: the platform's own credential shape.
    const outcome = await connector.listManagedPages(credentials as unknown as ChannelFor<OAuthPlatform>['credentials']);
    if (outcome.status !== 'listed') throw platformProblem(outcome);
    return outcome.pages;
  }
}
