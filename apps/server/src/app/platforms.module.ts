import { Global, Module } from '@nestjs/common';
import { VESTNIK_CONFIG, VestnikConfig } from '@vestnik/server/config';
import { AnyPageConnector, AnyPlatformAdapter, PAGE_CONNECTORS, PLATFORM_ADAPTERS } from '@vestnik/platforms/core';
import { MaxAdapter } from '@vestnik/platforms/max';
import { OkAdapter, OkPageConnector } from '@vestnik/platforms/ok';
import { TelegramAdapter } from '@vestnik/platforms/telegram';
import { VkAdapter, VkPageConnector } from '@vestnik/platforms/vk';

/** The one place concrete adapters are wired, from configuration. OK needs the application's key and secret. */
export function platformAdapters(config: VestnikConfig): AnyPlatformAdapter[] {
  const p = config.platforms;
  const adapters: AnyPlatformAdapter[] = [
    new VkAdapter({ apiUrl: p.vkApiUrl, idUrl: p.vkIdUrl, clientId: p.vkClientId, timeoutMs: p.requestTimeoutMs }),
    new TelegramAdapter({ apiUrl: p.telegramApiUrl, timeoutMs: p.requestTimeoutMs }),
    new MaxAdapter({ apiUrl: p.maxApiUrl, caBundle: p.maxCaBundle, timeoutMs: p.requestTimeoutMs }),
  ];
  if (p.okApplicationKey && p.okApplicationSecretKey) {
    adapters.push(new OkAdapter({ apiUrl: p.okApiUrl, applicationKey: p.okApplicationKey, applicationSecretKey: p.okApplicationSecretKey, timeoutMs: p.requestTimeoutMs }));
  }
  return adapters;
}

/** Connecting pages through OAuth, for the platforms whose OAuth application is configured. */
export function pageConnectors(config: VestnikConfig): AnyPageConnector[] {
  const p = config.platforms;
  const connectors: AnyPageConnector[] = [];
  if (p.vkClientId) connectors.push(new VkPageConnector({ apiUrl: p.vkApiUrl, idUrl: p.vkIdUrl, clientId: p.vkClientId, timeoutMs: p.requestTimeoutMs }));
  if (p.okClientId && p.okClientSecret && p.okApplicationKey && p.okApplicationSecretKey) {
    connectors.push(
      new OkPageConnector({
        apiUrl: p.okApiUrl,
        oauthUrl: p.okOauthUrl,
        clientId: p.okClientId,
        clientSecret: p.okClientSecret,
        applicationKey: p.okApplicationKey,
        applicationSecretKey: p.okApplicationSecretKey,
        timeoutMs: p.requestTimeoutMs,
      }),
    );
  }
  return connectors;
}

@Global()
@Module({
  providers: [
    { provide: PLATFORM_ADAPTERS, inject: [VESTNIK_CONFIG], useFactory: platformAdapters },
    { provide: PAGE_CONNECTORS, inject: [VESTNIK_CONFIG], useFactory: pageConnectors },
  ],
  exports: [PLATFORM_ADAPTERS, PAGE_CONNECTORS],
})
export class PlatformsModule {}
