import sharp from 'sharp';
import type { MediaMimeType, Platform } from '@vestnik/contracts';
import { encodeAs } from './image-processing';

/**
 * Image types each platform takes as a photo (specs/PLATFORMS.md and the Telegram Bot API):
 * VK and OK take JPG, PNG and GIF; a Telegram photo is JPEG or PNG (a GIF there is an animation,
 * a WebP a sticker); MAX names no formats, so it gets what Telegram gets.
 */
export const PLATFORM_IMAGE_TYPES: Readonly<Record<Platform, readonly MediaMimeType[]>> = {
  vk: ['image/jpeg', 'image/png', 'image/gif'],
  ok: ['image/jpeg', 'image/png', 'image/gif'],
  telegram: ['image/jpeg', 'image/png'],
  max: ['image/jpeg', 'image/png'],
};

export interface StoredImageTraits {
  mimeType: MediaMimeType;
  animated: boolean;
  hasTransparency: boolean;
}

/**
 * The type a platform receives: the stored one when it takes it; else GIF for an animation where
 * GIF is taken (animated WebP on VK and OK), PNG when transparency must survive, JPEG otherwise.
 * Where neither applies (an animation for a Telegram photo) the first frame is sent.
 */
export function deliveredMimeType(image: StoredImageTraits, platform: Platform): MediaMimeType {
  const accepted = PLATFORM_IMAGE_TYPES[platform];
  if (accepted.includes(image.mimeType)) return image.mimeType;
  if (image.animated && accepted.includes('image/gif')) return 'image/gif';
  return image.hasTransparency ? 'image/png' : 'image/jpeg';
}

/** The stored bytes in the type the platform takes; unchanged when it already takes them. */
export async function convertForPlatform(bytes: Buffer, image: StoredImageTraits, platform: Platform): Promise<{ bytes: Buffer; mimeType: MediaMimeType }> {
  const mimeType = deliveredMimeType(image, platform);
  if (mimeType === image.mimeType) return { bytes, mimeType };
  let pipeline = sharp(bytes, { animated: mimeType === 'image/gif' && image.animated });
  // JPEG has no alpha: an opaque alpha channel is dropped onto white rather than black.
  if (mimeType === 'image/jpeg') pipeline = pipeline.flatten({ background: '#ffffff' });
  return { bytes: await encodeAs(pipeline, mimeType).toBuffer(), mimeType };
}
