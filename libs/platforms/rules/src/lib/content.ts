import { PLATFORMS, type Platform } from '@vestnik/contracts/enums';

/** Platforms Vestnik publishes to: declared once, in the contracts. */
export { PLATFORMS, type Platform };

/** Names shown to people, in Russian. */
export const PLATFORM_TITLES: Readonly<Record<Platform, string>> = {
  vk: 'ВКонтакте',
  ok: 'Одноклассники',
  telegram: 'Telegram',
  max: 'MAX',
};

/**
 * An image as the rules see it: metadata only, so the editor can validate before any upload.
 * `size` is in bytes.
 */
export interface ImageRef {
  mimeType: string;
  size: number;
  width: number;
  height: number;
  /** Optional id of the stored media file, opaque to the rules. */
  id?: string;
  fileName?: string;
}

/**
 * Platform-neutral content of a publication.
 * `text` is in the markdown subset of `markdown.ts` (paragraphs, bold, italic, links).
 */
export interface PostContent {
  text: string;
  images: ImageRef[];
  /** One link shown as a preview or snippet where the platform supports it. */
  link?: string;
}

/** The content model itself allows at most this many images, whatever the platform. */
export const MAX_IMAGES_PER_POST = 10;
