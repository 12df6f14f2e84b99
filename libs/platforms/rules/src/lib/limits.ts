import { MAX_IMAGES_PER_POST, Platform } from './content';

const MB = 1024 * 1024;

export interface PlatformLimits {
  platform: Platform;
  /** Longest text of a post without images (characters as the platform counts them). */
  textMax: number;
  /** Longest text of a post with images. */
  textMaxWithMedia: number;
  /** Longest caption under media; longer text goes elsewhere (Telegram: a follow-up message). */
  captionMax: number | null;
  imagesMax: number;
  imageMimeTypes: readonly string[];
  imageMaxBytes: number;
  /** Width + height must not exceed this. */
  imageMaxDimensionSum: number | null;
  /** Neither width nor height may exceed this. */
  imageMaxSide: number | null;
  /** max(width, height) / min(width, height) must not exceed this. */
  imageMaxAspectRatio: number | null;
  /** Links shown as a preview/snippet beside the text. */
  linksMax: number;
}

/**
 * Telegram Bot API 10.1 (specs/telegram/api.json): sendMessage text 1–4096 characters after entity
 * parsing; captions 0–1024; sendMediaGroup 2–10 items; sendPhoto at most 10 MB, width + height
 * ≤ 10000, ratio ≤ 20. A text longer than 1024 with media is sent as a follow-up message, so the
 * text limit with media stays 4096.
 * Assumption: JPEG, PNG and WebP only; a GIF sent as a photo loses its animation.
 */
export const TELEGRAM_LIMITS: PlatformLimits = {
  platform: 'telegram',
  textMax: 4096,
  textMaxWithMedia: 4096,
  captionMax: 1024,
  imagesMax: 10,
  imageMimeTypes: ['image/jpeg', 'image/png', 'image/webp'],
  imageMaxBytes: 10 * MB,
  imageMaxDimensionSum: 10000,
  imageMaxSide: null,
  imageMaxAspectRatio: 20,
  linksMax: 1,
};

/**
 * VK API 5.199 (PLATFORMS.md): at most 10 media and one link per post; JPG/PNG/GIF up to 50 MB,
 * width + height ≤ 14000.
 * Assumption: the schema states no text limit; 15895 characters is the stricter of the two
 * figures in circulation for wall posts (the other is 16384), so we refuse above it.
 */
export const VK_LIMITS: PlatformLimits = {
  platform: 'vk',
  textMax: 15895,
  textMaxWithMedia: 15895,
  captionMax: null,
  imagesMax: 10,
  imageMimeTypes: ['image/jpeg', 'image/png', 'image/gif'],
  imageMaxBytes: 50 * MB,
  imageMaxDimensionSum: 14000,
  imageMaxSide: null,
  imageMaxAspectRatio: null,
  linksMax: 1,
};

/**
 * OK (PLATFORMS.md has no numbers; error 601 "text too long" exists).
 * Assumptions, chosen conservatively: 10000 characters of text, the content model's 10 images,
 * JPG/PNG/GIF up to 20 MB, no dimension rule we know of.
 */
export const OK_LIMITS: PlatformLimits = {
  platform: 'ok',
  textMax: 10000,
  textMaxWithMedia: 10000,
  captionMax: null,
  imagesMax: MAX_IMAGES_PER_POST,
  imageMimeTypes: ['image/jpeg', 'image/png', 'image/gif'],
  imageMaxBytes: 20 * MB,
  imageMaxDimensionSum: null,
  imageMaxSide: null,
  imageMaxAspectRatio: null,
  linksMax: 1,
};

/**
 * MAX Bot API (PLATFORMS.md): message text ≤ 4,000 characters (the field as sent: we count our
 * HTML, tags included); images uploaded up to 50 MB and 7,680 × 7,680.
 * Assumptions: JPEG, PNG and WebP (PLATFORMS.md names no formats; a GIF sent as a photo would
 * lose its animation); at most the content model's 10 images per message (no number given).
 */
export const MAX_LIMITS: PlatformLimits = {
  platform: 'max',
  textMax: 4000,
  textMaxWithMedia: 4000,
  captionMax: null,
  imagesMax: MAX_IMAGES_PER_POST,
  imageMimeTypes: ['image/jpeg', 'image/png', 'image/webp'],
  imageMaxBytes: 50 * MB,
  imageMaxDimensionSum: null,
  imageMaxSide: 7680,
  imageMaxAspectRatio: null,
  linksMax: 1,
};

export const PLATFORM_LIMITS: Readonly<Record<Platform, PlatformLimits>> = {
  vk: VK_LIMITS,
  ok: OK_LIMITS,
  telegram: TELEGRAM_LIMITS,
  max: MAX_LIMITS,
};
