import { ComposerValue, readComposerValue } from './composer-value';

const PREFIX = 'vestnik.post-draft.';
/** Bumped when the stored shape changes incompatibly; older entries are then ignored. */
const SHAPE = 1;

/** What the composer keeps on this computer while a person types and has not saved yet. */
export interface StoredDraft {
  value: ComposerValue;
  /** When it was last written (ISO). */
  savedAt: string;
  /** The post's version the edits started from; null for a new post. */
  baseVersion: number | null;
  /** The organization a new post was being written for. */
  organizationId: string | null;
}

/** The part of `Storage` used here, so tests can pass a map and private mode can pass nothing. */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** `new` for a post not yet saved, else its id. */
export type DraftKey = string;

/**
 * Unsaved drafts in local storage, one per person and post (`new` for a post not yet created), so
 * another person signing in on the same computer never sees them. Storage may be missing, full or
 * forbidden: then nothing is kept and nothing throws.
 */
export class ComposerDraftStore {
  constructor(private readonly storage: DraftStorage | null) {}

  static key(userId: string, postId: DraftKey): string {
    return `${PREFIX}${userId}.${postId}`;
  }

  load(userId: string, postId: DraftKey): StoredDraft | null {
    let raw: string | null;
    try {
      raw = this.storage?.getItem(ComposerDraftStore.key(userId, postId)) ?? null;
    } catch {
      return null;
    }
    if (!raw) return null;
    try {
      const parsed = JSON.parse(raw) as Record<string, unknown>;
      if (parsed['shape'] !== SHAPE) return null;
      const value = readComposerValue(parsed['value']);
      if (!value || typeof parsed['savedAt'] !== 'string') return null;
      return {
        value,
        savedAt: parsed['savedAt'],
        baseVersion: typeof parsed['baseVersion'] === 'number' ? parsed['baseVersion'] : null,
        organizationId: typeof parsed['organizationId'] === 'string' ? parsed['organizationId'] : null,
      };
    } catch {
      return null;
    }
  }

  /** Answers false when the browser refused to keep it (storage off or full). */
  save(userId: string, postId: DraftKey, draft: StoredDraft): boolean {
    try {
      if (!this.storage) return false;
      this.storage.setItem(ComposerDraftStore.key(userId, postId), JSON.stringify({ shape: SHAPE, ...draft }));
      return true;
    } catch {
      return false;
    }
  }

  clear(userId: string, postId: DraftKey): void {
    try {
      this.storage?.removeItem(ComposerDraftStore.key(userId, postId));
    } catch {
      // Nothing to do: an entry that cannot be removed will be offered again and can be discarded then.
    }
  }
}

/** The browser's local storage, or null where reading it throws (some private modes). */
export function browserDraftStorage(): DraftStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
