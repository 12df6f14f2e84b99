import { ImageRef, MAX_IMAGES_PER_POST, Platform, PLATFORM_TITLES, PostContent } from './content';
import { PLATFORM_LIMITS, PlatformLimits } from './limits';
import { isHttpUrl } from './markdown';
import { renderMax, renderPlainText, renderTelegram } from './render';

/** Stable codes: the server stores them and the editor maps them to fields. */
export type ContentViolationCode =
  | 'content_empty'
  | 'text_too_long'
  | 'too_many_images'
  | 'image_type_unsupported'
  | 'image_too_large'
  | 'image_dimensions_unknown'
  | 'image_dimensions_too_large'
  | 'image_side_too_large'
  | 'image_aspect_ratio_too_large'
  | 'link_invalid';

export interface ContentViolation {
  code: ContentViolationCode;
  /** `text`, `images`, `images[2]` or `link`. */
  field: string;
  /** Russian, for people; names the platform. */
  message: string;
  platform: Platform;
  limit?: number;
  actual?: number;
}

/** Text length exactly as the platform counts it (Telegram: visible text, VK/OK: rendered plain text). */
export function textLengthForPlatform(platform: Platform, content: Pick<PostContent, 'text' | 'link'>): number {
  switch (platform) {
    case 'telegram':
      return renderTelegram(content).visibleLength;
    case 'max':
      return renderMax(content).sentLength;
    default:
      return renderPlainText(content.text).length;
  }
}

/** Everything the platform would refuse in this content; an empty list means it may be sent. */
export function validateForPlatform(platform: Platform, content: PostContent): ContentViolation[] {
  const limits = PLATFORM_LIMITS[platform];
  const title = PLATFORM_TITLES[platform];
  const violations: ContentViolation[] = [];
  const add = (v: Omit<ContentViolation, 'platform'>): void => {
    violations.push({ ...v, platform });
  };

  const hasLink = Boolean(content.link && content.link.trim());
  if (hasLink && !isHttpUrl((content.link ?? '').trim())) {
    add({ code: 'link_invalid', field: 'link', message: 'Ссылка должна быть полным адресом, начинающимся с http:// или https://' });
  }

  const textLength = textLengthForPlatform(platform, {
    text: content.text,
    link: hasLink && isHttpUrl((content.link ?? '').trim()) ? content.link?.trim() : undefined,
  });
  const images = content.images ?? [];
  if (textLength === 0 && images.length === 0 && !hasLink) {
    add({ code: 'content_empty', field: 'text', message: `Публикация пустая: добавьте текст или изображение (${title})` });
  }

  const textMax = images.length > 0 ? limits.textMaxWithMedia : limits.textMax;
  if (textLength > textMax) {
    add({
      code: 'text_too_long',
      field: 'text',
      message: `Текст длиннее ${textMax} символов (${title})`,
      limit: textMax,
      actual: textLength,
    });
  }

  const imagesMax = Math.min(limits.imagesMax, MAX_IMAGES_PER_POST);
  if (images.length > imagesMax) {
    add({
      code: 'too_many_images',
      field: 'images',
      message: `Не больше ${imagesMax} изображений в одной публикации (${title})`,
      limit: imagesMax,
      actual: images.length,
    });
  }
  images.forEach((image, index) => violations.push(...validateImage(image, index, limits, title)));
  return violations;
}

/** Validates once per platform of the publication, e.g. for the editor's live panel. */
export function validateForPlatforms(platforms: readonly Platform[], content: PostContent): ContentViolation[] {
  return platforms.flatMap((platform) => validateForPlatform(platform, content));
}

function validateImage(image: ImageRef, index: number, limits: PlatformLimits, title: string): ContentViolation[] {
  const field = `images[${index}]`;
  const n = index + 1;
  const platform = limits.platform;
  const out: ContentViolation[] = [];
  const mimeType = (image.mimeType ?? '').toLowerCase();
  if (!limits.imageMimeTypes.includes(mimeType)) {
    const accepted = limits.imageMimeTypes.map((m) => m.replace('image/', '').toUpperCase()).join(', ');
    out.push({
      code: 'image_type_unsupported',
      field,
      platform,
      message: `Изображение ${n}: формат ${mimeType || 'неизвестен'} не подходит (${title} принимает ${accepted})`,
    });
  }
  if (image.size > limits.imageMaxBytes) {
    out.push({
      code: 'image_too_large',
      field,
      platform,
      message: `Изображение ${n} больше ${Math.round(limits.imageMaxBytes / (1024 * 1024))} МБ (${title})`,
      limit: limits.imageMaxBytes,
      actual: image.size,
    });
  }
  const needsDimensions = limits.imageMaxDimensionSum !== null || limits.imageMaxSide !== null || limits.imageMaxAspectRatio !== null;
  if (!needsDimensions) return out;
  if (!(image.width > 0) || !(image.height > 0)) {
    out.push({ code: 'image_dimensions_unknown', field, platform, message: `Изображение ${n}: не удалось определить размеры (${title})` });
    return out;
  }
  const sum = image.width + image.height;
  if (limits.imageMaxDimensionSum !== null && sum > limits.imageMaxDimensionSum) {
    out.push({
      code: 'image_dimensions_too_large',
      field,
      platform,
      message: `Изображение ${n}: ширина и высота в сумме больше ${limits.imageMaxDimensionSum} пикселей (${title})`,
      limit: limits.imageMaxDimensionSum,
      actual: sum,
    });
  }
  const side = Math.max(image.width, image.height);
  if (limits.imageMaxSide !== null && side > limits.imageMaxSide) {
    out.push({
      code: 'image_side_too_large',
      field,
      platform,
      message: `Изображение ${n}: сторона больше ${limits.imageMaxSide} пикселей (${title})`,
      limit: limits.imageMaxSide,
      actual: side,
    });
  }
  const ratio = Math.max(image.width, image.height) / Math.min(image.width, image.height);
  if (limits.imageMaxAspectRatio !== null && ratio > limits.imageMaxAspectRatio) {
    out.push({
      code: 'image_aspect_ratio_too_large',
      field,
      platform,
      message: `Изображение ${n}: стороны различаются больше чем в ${limits.imageMaxAspectRatio} раз (${title})`,
      limit: limits.imageMaxAspectRatio,
      actual: Math.round(ratio * 100) / 100,
    });
  }
  return out;
}
