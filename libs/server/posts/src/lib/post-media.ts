import type { ImageRef } from '@vestnik/platforms/rules';

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
  /** The images with these ids that exist; unknown ids are simply absent from the map. */
  abstract describe(mediaIds: string[]): Promise<Map<string, PostImage>>;
}
