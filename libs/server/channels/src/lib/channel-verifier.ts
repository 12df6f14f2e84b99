import { Inject, Injectable } from '@nestjs/common';
import type { Platform } from '@vestnik/contracts';
import { adapterFor, AnyPlatformAdapter, PLATFORM_ADAPTERS, VerifyResult } from '@vestnik/platforms/core';
import { ApiException } from '@vestnik/server/http';
import { descriptor } from './credentials';

/** Asks the platform who we are and whether we may post; a refusal becomes a 422 with its reason. */
@Injectable()
export class ChannelVerifier {
  constructor(@Inject(PLATFORM_ADAPTERS) private readonly adapters: AnyPlatformAdapter[]) {}

  async check(platform: Platform, target: string, credentials: Record<string, string>): Promise<VerifyResult> {
    const channel = descriptor(platform, target, credentials);
    const adapter = adapterFor(this.adapters, channel);
    if (!adapter) throw new ApiException(422, 'platform_unavailable', `Площадка ${platform} не подключена на этом сервере`);
    return (adapter.verify as (c: typeof channel) => Promise<VerifyResult>)(channel);
  }

  /** Like check, but answers 422 unless the channel may be posted to. */
  async require(platform: Platform, target: string, credentials: Record<string, string>): Promise<VerifyResult & { resolvedTargetId: string }> {
    const result = await this.check(platform, target, credentials);
    if (!result.ok || !result.canPost || !result.resolvedTargetId) {
      throw new ApiException(422, 'channel_verification_failed', `Площадка не подтвердила доступ: ${verificationReason(result)}`, {
        platformReason: verificationReason(result),
      });
    }
    return result as VerifyResult & { resolvedTargetId: string };
  }
}

export function verificationReason(result: VerifyResult): string {
  return result.reason ?? (result.failure ? result.failure.reason : result.canPost ? 'неизвестная причина' : 'нет права публиковать записи');
}
