import sharp, { Metadata, Sharp } from 'sharp';
import { MEDIA_THUMBNAIL_SIDE, MediaMimeType } from '@vestnik/contracts';
import { isLosslessWebp, SHARP_FORMAT } from './image-type';
import { fileRejected } from './media-errors';

export interface ImageLimits {
  minDimension: number;
  maxDimension: number;
  /** Width × height × frames. */
  maxPixels: number;
}

/** An upload made ready to store. */
export interface PreparedImage {
  bytes: Buffer;
  mimeType: MediaMimeType;
  width: number;
  height: number;
  animated: boolean;
  /** An alpha channel with at least one pixel not fully opaque. */
  hasTransparency: boolean;
  /** Re-encoded to drop metadata or turn it upright; false when the original bytes are kept. */
  reencoded: boolean;
  thumbnail: Buffer;
}

export const THUMBNAIL_MIME_TYPE = 'image/webp';

/** High enough that re-encoding a photo is not visible; JPEG and lossy WebP. */
const QUALITY = 92;

/**
 * Decodes, checks and cleans an upload whose type was already sniffed.
 *
 * Privacy: EXIF (GPS position, camera serial, time), XMP, IPTC and PNG text are removed. An image
 * carrying any of them, an EXIF rotation or CMYK colours is decoded and encoded again in its own
 * format: turned upright by its EXIF orientation, converted to sRGB, JPEG and lossy WebP at quality
 * 92, PNG and lossless WebP losslessly, animation kept. An image without any of them is stored
 * byte for byte, so clean files lose nothing. Decoding is capped at `maxPixels` (libvips
 * `limitInputPixels`) and fails on truncated or corrupt data.
 */
export async function prepareImage(input: Buffer, mimeType: MediaMimeType, limits: ImageLimits, displayName: string): Promise<PreparedImage> {
  const unreadable = () =>
    fileRejected('decodable', `Поле «file»: не удалось прочитать изображение «${displayName}» — файл повреждён, обрезан или сохранён не полностью`);
  let meta: Metadata;
  try {
    meta = await sharp(input).metadata(); // reads the header only: cheap, whatever the image's size
  } catch {
    throw unreadable();
  }
  if (meta.format !== SHARP_FORMAT[mimeType]) throw unreadable();

  const pages = Math.max(meta.pages ?? 1, 1);
  const { width, height } = meta.autoOrient ?? { width: meta.width, height: meta.height };
  checkDimensions(width, height, pages, limits);

  const orientation = meta.orientation ?? 1;
  const reencoded = Boolean(meta.exif || meta.xmp || meta.iptc || meta.comments?.length || orientation !== 1 || meta.space === 'cmyk');
  const decode = (bytes: Buffer, animated: boolean): Sharp => sharp(bytes, { failOn: 'error', limitInputPixels: limits.maxPixels, animated });

  try {
    let bytes = input;
    if (reencoded) {
      let pipeline = decode(input, pages > 1);
      if (pages === 1) pipeline = pipeline.autoOrient();
      // Without keepMetadata()/withMetadata() sharp writes no EXIF, XMP, IPTC or ICC, and outputs sRGB.
      bytes = await encodeAs(pipeline, mimeType, mimeType === 'image/webp' && isLosslessWebp(input)).toBuffer();
    }
    // The thumbnail decodes the (first frame of the) stored bytes fully, which also proves they are intact.
    const thumbnail = await decode(bytes, false)
      .resize(MEDIA_THUMBNAIL_SIDE, MEDIA_THUMBNAIL_SIDE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
    const hasTransparency = meta.hasAlpha ? !(await decode(bytes, false).stats()).isOpaque : false;
    return { bytes, mimeType, width, height, animated: pages > 1, hasTransparency, reencoded, thumbnail };
  } catch (e) {
    if (e instanceof Error && /pixel limit/i.test(e.message)) throw tooManyPixels(limits);
    throw unreadable();
  }
}

function checkDimensions(width: number, height: number, pages: number, limits: ImageLimits): void {
  const size = `${width}×${height}`;
  if (Math.min(width, height) < limits.minDimension) {
    throw fileRejected('minDimension', `Поле «file»: изображение ${size} пикселей слишком маленькое — каждая сторона должна быть не меньше ${limits.minDimension} пикселей`);
  }
  if (Math.max(width, height) > limits.maxDimension) {
    throw fileRejected('maxDimension', `Поле «file»: изображение ${size} пикселей слишком большое — каждая сторона должна быть не больше ${limits.maxDimension} пикселей`);
  }
  if (width * height * pages > limits.maxPixels) throw tooManyPixels(limits);
}

const tooManyPixels = (limits: ImageLimits) =>
  fileRejected(
    'maxPixels',
    `Поле «file»: в изображении больше ${limits.maxPixels.toLocaleString('ru-RU')} пикселей (у анимации — с учётом всех кадров); уменьшите его`,
  );

/** Encodes in the given type at high quality; animation and transparency survive where the type has them. */
export function encodeAs(pipeline: Sharp, mimeType: MediaMimeType, lossless = false): Sharp {
  switch (mimeType) {
    case 'image/jpeg':
      return pipeline.jpeg({ quality: QUALITY });
    case 'image/png':
      return pipeline.png({ compressionLevel: 9 });
    case 'image/gif':
      return pipeline.gif();
    case 'image/webp':
      return pipeline.webp(lossless ? { lossless: true } : { quality: QUALITY, alphaQuality: 100 });
  }
}
