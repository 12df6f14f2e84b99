import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { OAuthPlatform } from '@vestnik/contracts';
import { AuditLog } from '@vestnik/server/audit';
import { AccessService, refuseIfArchived } from '@vestnik/server/auth';
import { VESTNIK_CONFIG, VestnikConfig } from '@vestnik/server/config';
import type { Actor, SignedInActor } from '@vestnik/server/http';
import { SECRET_BOX, SecretBox, UserEntity } from '@vestnik/server/persistence';
import { ChannelOAuthConnectionEntity } from './channel-oauth-connection.entity';
import { OAuthConnectors, oauthPlatform } from './oauth-connectors';
import { BrowserCookie, browserCookie, oauthConnectionAt, randomToken, s256Challenge, sha256Hex } from './oauth-secrets';

/** A state is accepted back for 10 minutes. */
export const OAUTH_STATE_TTL_MS = 10 * 60 * 1000;
/** Tokens wait this long for the person to pick pages. */
export const OAUTH_CONNECTION_TTL_MS = 30 * 60 * 1000;
export const OAUTH_AUDIT_TARGET = 'channel_oauth';

export interface StartedOAuth {
  authorizeUrl: string;
  expiresAt: string;
  /** For the starting browser only: the callback must bring it back. */
  cookie: BrowserCookie;
}

/** What the platform's redirect carried. */
export interface OAuthCallbackParams {
  code?: string;
  state?: string;
  deviceId?: string;
  error?: string;
}

/**
 * The OAuth dance: start (state, PKCE verifier and browser nonce kept in PostgreSQL, bound to the
 * person and organization) and the platform's callback (state once, within 10 minutes, from the
 * same browser; the code exchanged and the tokens sealed into a pending connection).
 * The callback always ends in a redirect to the editor page, with the connection or an error code.
 */
@Injectable()
export class ChannelOAuthFlowService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SECRET_BOX) private readonly box: SecretBox,
    @Inject(VESTNIK_CONFIG) private readonly config: VestnikConfig,
    private readonly connectors: OAuthConnectors,
    private readonly access: AccessService,
    private readonly audit: AuditLog,
  ) {}

  async start(actor: SignedInActor, platformName: string, organizationId: string): Promise<StartedOAuth> {
    const connector = this.connectors.require(platformName);
    const platform = connector.platform;
    refuseIfArchived((await this.access.require(actor.user.id, organizationId, 'admin')).organization, 'подключать к ней страницы');
    const state = randomToken(32);
    const nonce = randomToken(32);
    const verifier = connector.usesPkce ? randomToken(48) : null;
    const expiresAt = new Date(Date.now() + OAUTH_STATE_TTL_MS);
    await this.dataSource.transaction(async (m) => {
      await m.createQueryBuilder().delete().from(ChannelOAuthConnectionEntity).where('expires_at < now()').execute();
      const id = randomUUID();
      const row = await m.save(
        m.create(ChannelOAuthConnectionEntity, {
          id,
          platform,
          organizationId,
          userId: actor.user.id,
          stateHash: sha256Hex(state),
          browserHash: sha256Hex(nonce),
          codeVerifier: verifier ? this.box.seal(verifier, oauthConnectionAt(id, 'code_verifier')) : null,
          expiresAt,
        }),
      );
      await this.audit.record({ actor, organizationId, action: 'channel.oauth_started', targetType: OAUTH_AUDIT_TARGET, targetId: row.id, after: { platform, expiresAt: expiresAt.toISOString() } }, m);
    });
    return {
      authorizeUrl: connector.authorizeUrl({ state, redirectUri: this.redirectUri(platform), codeChallenge: verifier ? s256Challenge(verifier) : undefined }),
      expiresAt: expiresAt.toISOString(),
      cookie: browserCookie(platform, nonce, this.config.notifications.publicUrl, OAUTH_STATE_TTL_MS),
    };
  }

  /** Answers where to send the browser: the connection's page, or the same page with `error`. */
  async callback(platformName: string, params: OAuthCallbackParams, browserNonce: string | undefined, ip: string | null): Promise<string> {
    const platform = oauthPlatform(platformName);
    const failed = (error: string): string => this.editorUrl({ error, platform });
    const row = params.state ? await this.claimState(platform, params.state) : null;
    if (!row) return failed('oauth_state_invalid');
    const actor = await this.actorOf(row.userId, ip);
    const refuse = async (error: string, reason: string): Promise<string> => {
      await this.dataSource.transaction(async (m) => {
        await m.delete(ChannelOAuthConnectionEntity, { id: row.id });
        await this.audit.record({ actor, organizationId: row.organizationId, action: 'channel.oauth_failed', targetType: OAUTH_AUDIT_TARGET, targetId: row.id, after: { platform, error, reason } }, m);
      });
      return failed(error);
    };
    if (row.expiresAt.getTime() <= Date.now()) return refuse('oauth_state_expired', 'Запрос на подключение устарел (10 минут)');
    if (!browserNonce || sha256Hex(browserNonce) !== row.browserHash) {
      return refuse('oauth_browser_mismatch', 'Ответ площадки пришёл не в тот браузер, в котором начали подключение');
    }
    if (params.error) return refuse('oauth_denied', `Площадка не дала доступ (${params.error.slice(0, 100)})`);
    if (!params.code) return refuse('oauth_code_missing', 'Площадка не передала код авторизации');
    const connector = this.connectors.find(platform);
    if (!connector) return refuse('oauth_unavailable', 'Подключение через OAuth больше не настроено на сервере');

    const outcome = await connector.exchangeCode({
      code: params.code,
      state: params.state ?? '',
      redirectUri: this.redirectUri(platform),
      deviceId: params.deviceId,
      codeVerifier: row.codeVerifier ? this.box.open(row.codeVerifier, oauthConnectionAt(row.id, 'code_verifier')) : undefined,
    });
    if (outcome.status !== 'exchanged') return refuse('oauth_exchange_failed', outcome.reason);
    await this.dataSource.transaction(async (m) => {
      await m.update(ChannelOAuthConnectionEntity, { id: row.id }, {
        credentials: this.box.seal(JSON.stringify(outcome.credentials), oauthConnectionAt(row.id, 'credentials')),
        codeVerifier: null,
        connectedAt: new Date(),
        expiresAt: new Date(Date.now() + OAUTH_CONNECTION_TTL_MS),
      });
      await this.audit.record({ actor, organizationId: row.organizationId, action: 'channel.oauth_connected', targetType: OAUTH_AUDIT_TARGET, targetId: row.id, after: { platform } }, m);
    });
    return this.editorUrl({ connection: row.id });
  }

  /** The browser's nonce cookie, emptied: it served its one callback. */
  spentCookie(platform: string): BrowserCookie {
    return browserCookie(platform, '', this.config.notifications.publicUrl, 0);
  }

  /** Marks the state used, atomically: of two callbacks with one state only one gets the row. */
  private async claimState(platform: OAuthPlatform, state: string): Promise<ChannelOAuthConnectionEntity | null> {
    const [rows] = (await this.dataSource.query(
      `UPDATE channel_oauth_connections SET state_used_at = now()
        WHERE state_hash = $1 AND platform = $2 AND state_used_at IS NULL RETURNING id`,
      [sha256Hex(state), platform],
    )) as [{ id: string }[], number];
    return rows.length ? this.dataSource.manager.findOneBy(ChannelOAuthConnectionEntity, { id: rows[0].id }) : null;
  }

  /** The person who started the connection: the callback acts for him (it carries no sign-in). */
  private async actorOf(userId: string, ip: string | null): Promise<Actor> {
    const user = await this.dataSource.manager.findOne(UserEntity, { where: { id: userId }, select: { id: true, email: true, name: true } });
    return { user: user ? { id: user.id, email: user.email, name: user.name, enrollmentOnly: false } : null, ip };
  }

  private redirectUri(platform: OAuthPlatform): string {
    return `${this.publicBase()}/api/v1/channels/oauth/${platform}/callback`;
  }

  private editorUrl(params: Record<string, string>): string {
    return `${this.publicBase()}/channels/connect?${new URLSearchParams(params).toString()}`;
  }

  private publicBase(): string {
    return this.config.notifications.publicUrl.replace(/\/+$/, '');
  }
}
