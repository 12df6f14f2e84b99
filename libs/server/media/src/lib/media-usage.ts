import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * Something that refers to media files (posts will). A context that attaches media registers one
 * with MediaUsageRegistry, so a file in use is not deleted from under it.
 */
export interface MediaUsage {
  /** A short Russian description of one place that uses the file (e.g. `публикация «…»`), or null. */
  findUse(mediaId: string, manager: EntityManager): Promise<string | null>;
}

/** The registered checks; with none registered, no file counts as used. */
@Injectable()
export class MediaUsageRegistry {
  private readonly checks: MediaUsage[] = [];

  register(usage: MediaUsage): void {
    this.checks.push(usage);
  }

  /** Runs inside the deleting transaction, with the media row locked. */
  async findUse(mediaId: string, manager: EntityManager): Promise<string | null> {
    for (const check of this.checks) {
      const use = await check.findUse(mediaId, manager);
      if (use) return use;
    }
    return null;
  }
}
