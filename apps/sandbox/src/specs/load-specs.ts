import { loadTelegramSpec, TelegramSpec } from './telegram-spec';
import { loadVkSpec, VkSpec } from './vk-spec';

export interface PlatformSpecs {
  vk: VkSpec;
  telegram: TelegramSpec;
}

/** The platforms' tables committed in `data/` (bundled into the build): nothing is read from disk. */
export function loadSpecs(): PlatformSpecs {
  return { vk: loadVkSpec(), telegram: loadTelegramSpec() };
}
