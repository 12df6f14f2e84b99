import { createHash } from 'node:crypto';

/**
 * Numeric community id from a target written as `123`, `-123`, `club123` or `public123`;
 * null for a screen name, which has to be resolved with groups.getById.
 */
export function numericGroupId(target: string): number | null {
  const match = /^(?:-|club|public|event)?(\d+)$/i.exec(target.trim());
  return match ? Number(match[1]) : null;
}

/**
 * How long after the first wall.post a repeat with the same guid is trusted to return the same
 * post. ../shared/specs/PLATFORMS.md: the guid is "documented as valid for about an hour"; we
 * count on half of it, so a retry decided at the edge still lands well inside VK's window.
 */
export const VK_GUID_WINDOW_MS = 30 * 60_000;

/**
 * VK's idempotency key for wall.post: the same publication always yields the same guid, so a
 * retry after an unconfirmed attempt cannot create a second post (within `VK_GUID_WINDOW_MS`).
 */
export function guidForPublication(publicationId: string): string {
  return createHash('sha256').update(`vestnik:publication:${publicationId}`).digest('hex').slice(0, 32);
}

/** Remote id of a wall post: `{ownerId}_{postId}`, e.g. `-123_45` (VK's own notation). */
export function formatVkRemoteId(groupId: number, postId: number): string {
  return `-${groupId}_${postId}`;
}

export function parseVkRemoteId(remoteId: string): { ownerId: number; postId: number } | null {
  const match = /^(-?\d+)_(\d+)$/.exec(remoteId.trim());
  return match ? { ownerId: Number(match[1]), postId: Number(match[2]) } : null;
}

export function vkPostUrl(ownerId: number, postId: number): string {
  return `https://vk.com/wall${ownerId}_${postId}`;
}
