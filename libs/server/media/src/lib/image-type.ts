import type { MediaMimeType } from '@vestnik/contracts';

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/**
 * The image type read from the file's first bytes (its "magic number"). The client's Content-Type
 * and file name are never consulted: both are whatever the sender chose to write.
 */
export function sniffImageType(bytes: Uint8Array): MediaMimeType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  return null;
}

/** The name sharp gives each accepted type, to check the decoder agrees with the sniffed type. */
export const SHARP_FORMAT: Readonly<Record<MediaMimeType, string>> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

export const FILE_EXTENSION: Readonly<Record<MediaMimeType, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

/** A WebP whose image data is lossless (a `VP8L` chunk), so cleaning it must not make it lossy. */
export function isLosslessWebp(bytes: Uint8Array): boolean {
  // The chunk sits right after the RIFF header, or after VP8X and its optional ICCP/ANIM chunks.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096));
  return head.includes('VP8L', 12, 'latin1');
}
