import { Inject, Injectable, Optional } from '@nestjs/common';
import { OAUTH_PLATFORMS, OAuthPlatform } from '@vestnik/contracts';
import { AnyPageConnector, FailureOutcome, PAGE_CONNECTORS, PageConnector } from '@vestnik/platforms/core';
import { ApiException } from '@vestnik/server/http';

/** What to configure when a platform's connector is missing. */
const NOT_CONFIGURED: Record<OAuthPlatform, string> = {
  vk: 'Подключение через VK ID не настроено на этом сервере: задайте VK_CLIENT_ID',
  ok: 'Подключение через Одноклассники не настроено на этом сервере: задайте OK_CLIENT_ID, OK_APPLICATION_KEY и OK_APPLICATION_SECRET_KEY',
};

/** The page connectors the application wired (only for configured OAuth applications). */
@Injectable()
export class OAuthConnectors {
  constructor(@Optional() @Inject(PAGE_CONNECTORS) private readonly connectors: AnyPageConnector[] | null) {}

  /** The connector of a platform named in a path; 404 for platforms without OAuth, 422 when not configured. */
  require(platform: string): PageConnector<OAuthPlatform> {
    const known = oauthPlatform(platform);
    const connector = (this.connectors ?? []).find((c) => c.platform === known);
    if (!connector) throw new ApiException(422, 'oauth_unavailable', NOT_CONFIGURED[known]);
    return connector as PageConnector<OAuthPlatform>;
  }

  find(platform: OAuthPlatform): PageConnector<OAuthPlatform> | undefined {
    return (this.connectors ?? []).find((c) => c.platform === platform) as PageConnector<OAuthPlatform> | undefined;
  }
}

export function oauthPlatform(platform: string): OAuthPlatform {
  if (!(OAUTH_PLATFORMS as readonly string[]).includes(platform)) {
    throw new ApiException(404, 'not_found', `Через OAuth подключаются только ${OAUTH_PLATFORMS.join(' и ')}: площадки «${platform}» здесь нет`);
  }
  return platform as OAuthPlatform;
}

/** A platform's refusal or silence while listing pages, as an API error. */
export function platformProblem(outcome: FailureOutcome): ApiException {
  if (outcome.status === 'auth_expired' || outcome.status === 'rejected') {
    return new ApiException(422, 'oauth_platform_refused', `Площадка отказала: ${outcome.reason}. Начните подключение заново`, { platformReason: outcome.reason });
  }
  return new ApiException(503, 'platform_unavailable', `Площадка не ответила: ${outcome.reason}. Попробуйте ещё раз`, { platformReason: outcome.reason });
}
