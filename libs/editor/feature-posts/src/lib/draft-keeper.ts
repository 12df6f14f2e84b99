import { signal } from '@angular/core';
import { ComposerValue, sameComposerValue } from './composer-value';
import { ComposerDraftStore, DraftKey, StoredDraft } from './draft-storage';

/** The pause after the last keystroke before the copy is written. */
const WRITE_DELAY_MS = 400;

/**
 * The composer's copy on this computer: written a moment after typing pauses while something is
 * unsaved, forgotten once it is saved or discarded, and offered back (never forced) when the page
 * opens with something else.
 */
export class DraftKeeper {
  /** A copy that differs from what the page opened with, waiting for «Восстановить» or «Отбросить». */
  readonly offer = signal<StoredDraft | null>(null);
  /** When the copy was last written; null while nothing is kept. */
  readonly writtenAt = signal<string | null>(null);
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly store: ComposerDraftStore) {}

  /** The page opened `key` showing `value`: a different copy is offered, an equal one forgotten. */
  opened(user: string, key: DraftKey, value: ComposerValue): void {
    const stored = this.store.load(user, key);
    const differs = stored !== null && !sameComposerValue(stored.value, value);
    this.offer.set(differs ? stored : null);
    if (stored && !differs) this.store.clear(user, key);
  }

  /** After the pause: keeps `draft`, or with nothing unsaved (`null`) forgets the copy, unless one is on offer. */
  keepSoon(user: string, key: DraftKey, draft: Omit<StoredDraft, 'savedAt'> | null): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.keep(user, key, draft), WRITE_DELAY_MS);
  }

  keep(user: string, key: DraftKey, draft: Omit<StoredDraft, 'savedAt'> | null): void {
    clearTimeout(this.timer);
    if (!draft) {
      if (!this.offer()) this.store.clear(user, key);
      this.writtenAt.set(null);
      return;
    }
    const savedAt = new Date().toISOString();
    this.writtenAt.set(this.store.save(user, key, { ...draft, savedAt }) ? savedAt : null);
  }

  /** The offered copy, taken to be restored: it stays stored until the edits are saved. */
  take(): StoredDraft | null {
    const draft = this.offer();
    this.offer.set(null);
    return draft;
  }

  /** Saved or discarded: nothing is kept for `key` any more. */
  forget(user: string, key: DraftKey): void {
    clearTimeout(this.timer);
    this.store.clear(user, key);
    this.offer.set(null);
    this.writtenAt.set(null);
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}
