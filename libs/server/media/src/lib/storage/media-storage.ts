/**
 * Where image bytes live. Keys are made by the server (see `storageKeys`), never from user input;
 * every implementation refuses keys outside `KEY_PATTERN`.
 */
export interface MediaStorage {
  /** Stores `bytes` under `key`, replacing what was there; a reader never sees a partial object. */
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The bytes under `key`; throws StoredObjectMissingError when there are none. */
  get(key: string): Promise<Buffer>;
  /** Removes `key`; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
}

/** Injection token of the configured MediaStorage. */
export const MEDIA_STORAGE = Symbol('MEDIA_STORAGE');

export class StoredObjectMissingError extends Error {
  constructor(readonly key: string) {
    super(`No stored object under "${key}"`);
    this.name = 'StoredObjectMissingError';
  }
}

/** Lower-case letters and digits in parts joined by single `/`, `.`, `_` or `-`: no `..`, no leading `/`. */
const KEY_PATTERN = /^[a-z0-9]+(?:[/._-][a-z0-9]+)*$/;

export function assertStorageKey(key: string): void {
  if (!KEY_PATTERN.test(key) || key.length > 200) throw new Error(`Invalid storage key "${key}"`);
}

/** Keys of one media file, from its server-generated id; spread over 256 folders by the id's first two characters. */
export function storageKeys(mediaId: string): { original: string; thumbnail: string } {
  const id = mediaId.toLowerCase();
  assertStorageKey(id);
  return { original: `images/${id.slice(0, 2)}/${id}`, thumbnail: `thumbnails/${id.slice(0, 2)}/${id}.webp` };
}
