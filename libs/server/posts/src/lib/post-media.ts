import type { ImageRef, Platform } from '@vestnik/platforms/rules';

/** An uploaded image as posts see it: metadata and the organization that owns it. */
export interface PostImage extends ImageRef {
  id: string;
  organizationId: string;
}

/**
 * The media context's answer to "what are these images?". Provided by the media module (the
 * application wires it), so posts need not know how media are stored.
 */
export abstract class PostMediaLookup {
  /**
   * The images with these ids that exist; unknown ids are simply absent from the map. With a
   * platform, `mimeType` is what that platform will receive (a WebP is converted for VK and OK).
   */
  abstract describe(mediaIds: string[], platform?: Platform): Promise<Map<string, PostImage>>;
}

/** A short description of a live post that uses the file, or null: media in use must not be deleted. */
export async function postUsingMedia(manager: import('typeorm').EntityManager, mediaId: string): Promise<string | null> {
  const rows: { title: string | null; text: string }[] = await manager.query(
    `SELECT title, text FROM posts WHERE $1 = ANY(media_ids) AND status NOT IN ('cancelled') ORDER BY created_at DESC LIMIT 1`,
    [mediaId],
  );
  if (!rows[0]) return null;
  const label = rows[0].title ?? rows[0].text.slice(0, 60);
  return `материал «${label}»`;
}
