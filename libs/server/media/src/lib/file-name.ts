import type { MediaMimeType } from '@vestnik/contracts';
import { FILE_EXTENSION } from './image-type';

const MAX_NAME_LENGTH = 120;

/**
 * The uploaded file's name made safe to show: no folders, no control or bidirectional-override
 * characters (which can disguise `gpj.exe` as `exe.jpg`), no characters file systems refuse,
 * at most 120 characters. It is for display only and never becomes a path or a storage key.
 */
export function cleanFileName(raw: string | undefined, mimeType: MediaMimeType): string {
  const base = (raw ?? '').split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/^\.+/, '');
  const chars = [...cleaned];
  if (chars.length === 0) return `image.${FILE_EXTENSION[mimeType]}`;
  if (chars.length <= MAX_NAME_LENGTH) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return [...cleaned.slice(0, cleaned.length - extension.length)].slice(0, MAX_NAME_LENGTH - extension.length).join('').trimEnd() + extension;
}

/** The display name with the extension of the bytes actually delivered, e.g. `Праздник.webp` → `Праздник.jpg`. */
export function fileNameFor(displayName: string, mimeType: MediaMimeType): string {
  const dot = displayName.lastIndexOf('.');
  const stem = dot > 0 ? displayName.slice(0, dot) : displayName;
  return `${stem || 'image'}.${FILE_EXTENSION[mimeType]}`;
}
