import type { Platform } from '@vestnik/contracts';
import type { LoadedImage } from '@vestnik/platforms/core';

/** The media context's bytes for a platform (converted where it needs it). Wired by the application. */
export abstract class PublishingMedia {
  abstract load(mediaIds: string[], platform: Platform): Promise<LoadedImage[]>;
}
