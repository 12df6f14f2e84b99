import { Global, Module } from '@nestjs/common';
import { VESTNIK_CONFIG, VestnikConfig } from '@vestnik/server/config';
import { AnyPlatformAdapter, PLATFORM_ADAPTERS } from '@vestnik/platforms/core';
import { OkAdapter } from '@vestnik/platforms/ok';
import { TelegramAdapter } from '@vestnik/platforms/telegram';
import { VkAdapter } from '@vestnik/platforms/vk';

/** The one place concrete adapters are wired, from configuration. OK needs the application's key and secret. */
export function platformAdapters(config: VestnikConfig): AnyPlatformAdapter[] {
  const p = config.platforms;
  const adapters: AnyPlatformAdapter[] = [
    new VkAdapter({ apiUrl: p.vkApiUrl, idUrl: p.vkIdUrl, clientId: p.vkClientId, timeoutMs: p.requestTimeoutMs }),
    new TelegramAdapter({ apiUrl: p.telegramApiUrl, timeoutMs: p.requestTimeoutMs }),
  ];
  if (p.okApplicationKey && p.okApplicationSecretKey) {
    adapters.push(new OkAdapter({ apiUrl: p.okApiUrl, applicationKey: p.okApplicationKey, applicationSecretKey: p.okApplicationSecretKey, timeoutMs: p.requestTimeoutMs }));
  }
  return adapters;
}

@Global()
@Module({
  providers: [{ provide: PLATFORM_ADAPTERS, inject: [VESTNIK_CONFIG], useFactory: platformAdapters }],
  exports: [PLATFORM_ADAPTERS],
})
export class PlatformsModule {}
