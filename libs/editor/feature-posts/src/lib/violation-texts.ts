import type { Translate } from '@vestnik/editor/i18n';
import { PLATFORM_LIMITS, type ContentViolation, type ContentViolationCode } from '@vestnik/platforms/rules';

/** The message of each rule the platforms' checks can break, under `posts.violation`. */
export const VIOLATION_KEYS: Readonly<Record<ContentViolationCode, string>> = {
  link_invalid: 'posts.violation.linkInvalid',
  content_empty: 'posts.violation.contentEmpty',
  text_too_long: 'posts.violation.textTooLong',
  too_many_images: 'posts.violation.tooManyImages',
  image_type_unsupported: 'posts.violation.imageTypeUnsupported',
  image_too_large: 'posts.violation.imageTooLarge',
  image_dimensions_unknown: 'posts.violation.imageDimensionsUnknown',
  image_dimensions_too_large: 'posts.violation.imageDimensionsTooLarge',
  image_side_too_large: 'posts.violation.imageSideTooLarge',
  image_aspect_ratio_too_large: 'posts.violation.imageAspectRatioTooLarge',
};

const MEGABYTE = 1024 * 1024;

/**
 * What the platform would refuse, said in the interface's language. The rules' own `message` is
 * Russian (the server's wording); the editor checks the post itself and says it by the code, with
 * the same limits. `mimeType` is the image's type, when the caller knows it.
 */
export function violationText(violation: ContentViolation, t: Translate, mimeType?: string): string {
  const limits = PLATFORM_LIMITS[violation.platform];
  const image = /^images\[(\d+)\]$/.exec(violation.field);
  return t(VIOLATION_KEYS[violation.code], {
    platform: t(`common.platform.name.${violation.platform}`),
    limit: violation.limit,
    number: image ? Number(image[1]) + 1 : undefined,
    type: mimeType || t('posts.violation.typeUnknown'),
    accepted: limits.imageMimeTypes.map((m) => m.replace('image/', '').toUpperCase()).join(', '),
    megabytes: Math.round(limits.imageMaxBytes / MEGABYTE),
  });
}
