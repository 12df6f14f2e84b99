import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, QueryFailedError } from 'typeorm';
import {
  ChannelView,
  CreateChannelRequest,
  isRubricMix,
  UpdateChannelRequest,
} from '@vestnik/contracts';
import { AuditLog } from '@vestnik/server/audit';
import { AccessService, refuseIfArchived } from '@vestnik/server/auth';
import { ApiException, notFound, SignedInActor } from '@vestnik/server/http';
import { SECRET_BOX, SecretBox } from '@vestnik/server/persistence';
import { ChannelActivity } from './channel-activity';
import { ChannelEntity } from './channel.entity';
import { channelSummary, toChannelView } from './channel-view';
import { ChannelVerifier, verificationReason } from './channel-verifier';
import { credentialProblems, renewsItself } from './credentials';
import { openChannelCredentials, sealChannelCredentials } from './sealed-credentials';

const WHAT = 'Канал';

@Injectable()
export class ChannelsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SECRET_BOX) private readonly box: SecretBox,
    private readonly access: AccessService,
    private readonly verifier: ChannelVerifier,
    private readonly audit: AuditLog,
    private readonly activity: ChannelActivity,
  ) {}

  /**
   * Channels of the organization and its whole subtree (the pages a post there may target), with
   * their last publication: three queries however many channels there are.
   */
  async list(
    actor: SignedInActor,
    organizationId: string,
  ): Promise<ChannelView[]> {
    const { organization } = await this.access.require(
      actor.user.id,
      organizationId,
      'viewer',
    );
    const ids: { id: string }[] = await this.dataSource.query(
      `SELECT c.id FROM channels c JOIN organizations o ON o.id = c.organization_id
        WHERE o.path LIKE $1 AND c.deleted_at IS NULL ORDER BY o.path, c.name`,
      [`${organization.path}%`],
    );
    const rows = await this.dataSource.manager.findBy(ChannelEntity, {
      id: In(ids.map((r) => r.id)),
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    const activity = await this.activity.of(ids.map((r) => r.id));
    return ids.flatMap((r) => {
      const c = byId.get(r.id);
      return c ? [toChannelView(c, activity.get(c.id))] : [];
    });
  }

  async get(actor: SignedInActor, id: string): Promise<ChannelView> {
    return this.view((await this.load(actor, id, 'viewer')).channel);
  }

  async create(
    actor: SignedInActor,
    input: CreateChannelRequest,
  ): Promise<ChannelView> {
    await this.requireOpenOrganization(actor, input.organizationId);
    this.assertCredentials(input.platform, input.credentials);
    const verified = await this.verifier.require(
      input.platform,
      input.target.trim(),
      input.credentials,
    );
    const created = await this.dataSource.transaction(async (m) => {
      const id = randomUUID();
      const channel = m.create(ChannelEntity, {
        id,
        organizationId: input.organizationId,
        platform: input.platform,
        name: input.name.trim(),
        target: input.target.trim(),
        remoteTargetId: verified.resolvedTargetId,
        displayName: verified.displayName ?? null,
        credentials: sealChannelCredentials(this.box, id, input.credentials),
        state: 'active',
        canPost: true,
        lastVerifiedAt: new Date(),
        lastError: null,
        tokenExpiresAt: verified.tokenExpiresAt
          ? new Date(verified.tokenExpiresAt)
          : null,
        tokenRenewable: renewsItself(input.credentials),
        createdBy: actor.user.id,
      });
      const saved = await this.insertUnique(m, channel);
      await this.audit.record(
        {
          actor,
          organizationId: saved.organizationId,
          action: 'channel.created',
          targetType: 'channel',
          targetId: saved.id,
          after: channelSummary(saved),
        },
        m,
      );
      return saved;
    });
    return toChannelView(created);
  }

  async update(
    actor: SignedInActor,
    id: string,
    input: UpdateChannelRequest,
  ): Promise<ChannelView> {
    const { channel } = await this.load(actor, id, 'admin');
    if (
      input.rubricMix !== undefined &&
      input.rubricMix !== null &&
      !isRubricMix(input.rubricMix)
    ) {
      throw new ApiException(
        400,
        'validation_failed',
        'Доли рубрик должны быть целыми процентами official, useful, entertaining с суммой 100',
        {
          errors: [
            {
              field: 'rubricMix',
              rule: 'rubricMix',
              message:
                'Поле «rubricMix»: укажите official, useful и entertaining в процентах, сумма 100',
            },
          ],
        },
      );
    }
    const before = channelSummary(channel);
    const changes: Partial<ChannelEntity> = {};
    if (input.name !== undefined) changes.name = input.name.trim();
    if (input.weeklyMinimum !== undefined)
      changes.weeklyMinimum = input.weeklyMinimum;
    if (input.rubricMix !== undefined) changes.rubricMix = input.rubricMix;
    if (input.credentials !== undefined) {
      this.assertCredentials(channel.platform, input.credentials);
      const verified = await this.verifier.require(
        channel.platform,
        channel.target,
        input.credentials,
      );
      if (verified.resolvedTargetId !== channel.remoteTargetId) {
        throw new ApiException(
          422,
          'channel_target_changed',
          'Новые ключи ведут на другую страницу: подключите её отдельным каналом',
        );
      }
      Object.assign(changes, {
        credentials: sealChannelCredentials(this.box, channel.id, input.credentials),
        canPost: true,
        lastVerifiedAt: new Date(),
        lastError: null,
        tokenExpiresAt: verified.tokenExpiresAt
          ? new Date(verified.tokenExpiresAt)
          : null,
        tokenRenewable: renewsItself(input.credentials),
        displayName: verified.displayName ?? channel.displayName,
        state: channel.state === 'disabled' ? 'disabled' : 'active',
      });
    }
    const saved = await this.dataSource.transaction(async (m) => {
      if (Object.keys(changes).length)
        await m.update(ChannelEntity, { id }, changes);
      const updated = await m.findOneByOrFail(ChannelEntity, { id });
      const after = {
        ...channelSummary(updated),
        ...(input.credentials ? { credentialsReplaced: true } : {}),
      };
      await this.audit.record(
        {
          actor,
          organizationId: updated.organizationId,
          action: 'channel.updated',
          targetType: 'channel',
          targetId: id,
          before,
          after,
        },
        m,
      );
      return updated;
    });
    return this.view(saved);
  }

  /** Asks the platform again and records the channel's health. */
  async verify(actor: SignedInActor, id: string): Promise<ChannelView> {
    const { channel } = await this.load(actor, id, 'editor');
    const credentials = this.openCredentials(channel);
    const result = await this.verifier.check(
      channel.platform,
      channel.target,
      credentials,
    );
    const healthy = result.ok && result.canPost;
    const changes: Partial<ChannelEntity> = {
      lastVerifiedAt: new Date(),
      canPost: healthy,
      lastError: healthy ? null : verificationReason(result),
      tokenExpiresAt: result.tokenExpiresAt
        ? new Date(result.tokenExpiresAt)
        : channel.tokenExpiresAt,
      tokenRenewable: renewsItself(credentials),
      displayName: result.displayName ?? channel.displayName,
      state:
        channel.state === 'disabled'
          ? 'disabled'
          : healthy
            ? 'active'
            : 'needs_attention',
    };
    const saved = await this.dataSource.transaction(async (m) => {
      await m.update(ChannelEntity, { id }, changes);
      const updated = await m.findOneByOrFail(ChannelEntity, { id });
      await this.audit.record(
        {
          actor,
          organizationId: updated.organizationId,
          action: 'channel.verified',
          targetType: 'channel',
          targetId: id,
          after: {
            canPost: healthy,
            lastError: updated.lastError,
            state: updated.state,
          },
        },
        m,
      );
      return updated;
    });
    return this.view(saved);
  }

  async setEnabled(
    actor: SignedInActor,
    id: string,
    enabled: boolean,
  ): Promise<ChannelView> {
    const { channel } = await this.load(actor, id, 'admin');
    const state = enabled
      ? channel.canPost
        ? 'active'
        : 'needs_attention'
      : 'disabled';
    const saved = await this.dataSource.transaction(async (m) => {
      await m.update(ChannelEntity, { id }, { state });
      const updated = await m.findOneByOrFail(ChannelEntity, { id });
      await this.audit.record(
        {
          actor,
          organizationId: updated.organizationId,
          action: enabled ? 'channel.enabled' : 'channel.disabled',
          targetType: 'channel',
          targetId: id,
          before: { state: channel.state },
          after: { state },
        },
        m,
      );
      return updated;
    });
    return this.view(saved);
  }

  /** Removes the channel from use; its history stays. Nothing more is published to it. */
  async remove(actor: SignedInActor, id: string): Promise<void> {
    const { channel } = await this.load(actor, id, 'admin');
    await this.dataSource.transaction(async (m) => {
      await m.update(
        ChannelEntity,
        { id },
        { deletedAt: new Date(), state: 'disabled' },
      );
      await this.audit.record(
        {
          actor,
          organizationId: channel.organizationId,
          action: 'channel.deleted',
          targetType: 'channel',
          targetId: id,
          before: channelSummary(channel),
        },
        m,
      );
    });
  }

  private async view(channel: ChannelEntity): Promise<ChannelView> {
    return toChannelView(channel, (await this.activity.of([channel.id])).get(channel.id));
  }

  /** Where new channels may be connected: admin there, and not archived (409). */
  async requireOpenOrganization(
    actor: SignedInActor,
    organizationId: string,
  ): Promise<void> {
    const { organization } = await this.access.require(
      actor.user.id,
      organizationId,
      'admin',
    );
    refuseIfArchived(organization, 'подключать к ней страницы');
  }

  /** The channel's credentials; 409 when they do not open here (another key, or copied from another row). */
  openCredentials(channel: ChannelEntity): Record<string, string> {
    try {
      return openChannelCredentials(this.box, channel);
    } catch {
      throw new ApiException(409, 'credentials_unreadable', 'Ключи доступа этого канала не удаётся прочитать: введите их заново или подключите страницу ещё раз');
    }
  }

  private async load(
    actor: SignedInActor,
    id: string,
    role: 'viewer' | 'editor' | 'admin',
  ): Promise<{ channel: ChannelEntity }> {
    const channel = /^[0-9a-f-]{36}$/i.test(id)
      ? await this.dataSource.manager.findOneBy(ChannelEntity, { id })
      : null;
    if (!channel || channel.deletedAt) throw notFound(WHAT);
    await this.access.require(
      actor.user.id,
      channel.organizationId,
      role,
      WHAT,
    );
    return { channel };
  }

  private assertCredentials(
    platform: ChannelEntity['platform'],
    credentials: Record<string, unknown>,
  ): void {
    const errors = credentialProblems(platform, credentials);
    if (errors.length)
      throw new ApiException(
        400,
        'validation_failed',
        `Проверьте данные: ${errors[0].message}`,
        { errors },
      );
  }

  private async insertUnique(
    m: EntityManager,
    channel: ChannelEntity,
  ): Promise<ChannelEntity> {
    try {
      return await m.save(channel);
    } catch (e) {
      if (
        e instanceof QueryFailedError &&
        (e as QueryFailedError & { code?: string }).code === '23505'
      ) {
        throw new ApiException(
          409,
          'channel_exists',
          'Эта страница уже подключена в Вестнике: повторное подключение публиковало бы всё дважды',
        );
      }
      throw e;
    }
  }
}
