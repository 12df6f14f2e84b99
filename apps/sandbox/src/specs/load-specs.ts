import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadTelegramSpec, TelegramSpec } from './telegram-spec';
import { loadVkSpec, VkSpec } from './vk-spec';

export interface PlatformSpecs {
  vk: VkSpec;
  telegram: TelegramSpec;
}

export function loadSpecs(specsDir: string): PlatformSpecs {
  for (const file of ['vk/wall/methods.json', 'vk/photos/methods.json', 'vk/groups/methods.json', 'vk/errors.json', 'telegram/api.json']) {
    if (!existsSync(join(specsDir, file))) throw new Error(`Platform spec file missing: ${join(specsDir, file)}`);
  }
  return { vk: loadVkSpec(specsDir), telegram: loadTelegramSpec(specsDir) };
}
