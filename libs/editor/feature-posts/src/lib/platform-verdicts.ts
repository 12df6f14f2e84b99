import type { MediaView, Platform } from '@vestnik/contracts';
import type { Translate } from '@vestnik/editor/i18n';
import {
  ContentViolation,
  ImageRef,
  PLATFORM_LIMITS,
  PostContent,
  isHttpUrl,
  textLengthForPlatform,
  validateForPlatform,
} from '@vestnik/platforms/rules';
import { ComposerValue, hasOwnText, textForPlatform } from './composer-value';
import { violationText } from './violation-texts';

/** What one platform would say about the post now: the same rules and counts the server applies. */
export interface PlatformVerdict {
  platform: Platform;
  /** Characters as the platform counts them (Telegram: visible text with the link; VK, OK: plain text). */
  length: number;
  /** The limit that applies: with images or without. */
  max: number;
  /** Telegram puts at most this much under images; the rest goes in a follow-up message. */
  captionMax: number | null;
  /** The text is a variant of its own rather than the common text. */
  ownText: boolean;
  violations: ContentViolation[];
}

/**
 * The image as the rules see it once it reaches the platform: the server converts a type the
 * platform does not take (WebP for VK and OK, for instance) before sending, so only size and
 * dimensions can be refused. `converted` says the type will change.
 */
export function imageForPlatform(media: MediaView, platform: Platform): { image: ImageRef; converted: boolean } {
  const accepted = PLATFORM_LIMITS[platform].imageMimeTypes;
  const converted = !accepted.includes(media.mimeType);
  return {
    image: { id: media.id, fileName: media.fileName, mimeType: converted ? accepted[0] : media.mimeType, size: media.size, width: media.width, height: media.height },
    converted,
  };
}

/** The content one platform would receive; images not loaded yet are left out. */
export function contentForPlatform(value: ComposerValue, platform: Platform, media: ReadonlyMap<string, MediaView>): PostContent {
  const link = value.link.trim();
  return {
    text: textForPlatform(value, platform),
    images: value.mediaIds.flatMap((id) => {
      const m = media.get(id);
      return m ? [imageForPlatform(m, platform).image] : [];
    }),
    ...(link ? { link } : {}),
  };
}

export function platformVerdict(value: ComposerValue, platform: Platform, media: ReadonlyMap<string, MediaView>): PlatformVerdict {
  const content = contentForPlatform(value, platform, media);
  const limits = PLATFORM_LIMITS[platform];
  const link = content.link && isHttpUrl(content.link) ? content.link : undefined;
  return {
    platform,
    length: textLengthForPlatform(platform, { text: content.text, link }),
    max: content.images.length > 0 ? limits.textMaxWithMedia : limits.textMax,
    captionMax: content.images.length > 0 ? limits.captionMax : null,
    ownText: hasOwnText(value.variants[platform]),
    violations: validateForPlatform(platform, content),
  };
}

/** One image's verdict on one platform. */
export interface ImageVerdict {
  platform: Platform;
  converted: boolean;
  /** Messages of the rules it breaks there, in the interface's language; empty when the platform takes it. */
  messages: string[];
}

/** Each image's verdict per platform, by media id, numbered as the post orders them. */
export function imageVerdicts(
  mediaIds: readonly string[],
  media: ReadonlyMap<string, MediaView>,
  platforms: readonly Platform[],
  t: Translate,
): Map<string, ImageVerdict[]> {
  const out = new Map<string, ImageVerdict[]>();
  for (const platform of platforms) {
    const images = mediaIds.map((id) => media.get(id));
    const refs = images.flatMap((m) => (m ? [imageForPlatform(m, platform).image] : []));
    // Text is irrelevant here; a non-empty one keeps "empty post" out of the answer.
    const violations = validateForPlatform(platform, { text: '.', images: refs });
    let index = 0;
    for (const m of images) {
      if (!m) continue;
      const field = `images[${index}]`;
      index += 1;
      const list = out.get(m.id) ?? [];
      const { image, converted } = imageForPlatform(m, platform);
      list.push({
        platform,
        converted,
        messages: violations.filter((v) => v.field === field).map((v) => violationText(v, t, image.mimeType)),
      });
      out.set(m.id, list);
    }
  }
  return out;
}
