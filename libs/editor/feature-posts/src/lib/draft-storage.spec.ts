import { emptyComposerValue } from './composer-value';
import { ComposerDraftStore, DraftStorage, StoredDraft } from './draft-storage';

class MemoryStorage implements DraftStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

function draft(text: string): StoredDraft {
  return { value: { ...emptyComposerValue('2026-09-01T10:00'), text }, savedAt: '2026-08-30T01:00:00.000Z', baseVersion: null, organizationId: 'org' };
}

describe('ComposerDraftStore', () => {
  it('keeps one draft per person and per post', () => {
    const store = new ComposerDraftStore(new MemoryStorage());
    store.save('anna', 'new', draft('Анна, новый'));
    store.save('anna', 'p1', draft('Анна, материал 1'));
    store.save('boris', 'new', draft('Борис, новый'));
    expect(store.load('anna', 'new')?.value.text).toBe('Анна, новый');
    expect(store.load('anna', 'p1')?.value.text).toBe('Анна, материал 1');
    expect(store.load('boris', 'new')?.value.text).toBe('Борис, новый');
    expect(store.load('boris', 'p1')).toBeNull();
  });

  it('forgets a draft once cleared', () => {
    const store = new ComposerDraftStore(new MemoryStorage());
    store.save('anna', 'p1', draft('x'));
    store.clear('anna', 'p1');
    expect(store.load('anna', 'p1')).toBeNull();
  });

  it('ignores entries it cannot read: broken JSON, another shape, not a composer value', () => {
    const storage = new MemoryStorage();
    const store = new ComposerDraftStore(storage);
    storage.setItem(ComposerDraftStore.key('anna', 'a'), '{not json');
    storage.setItem(ComposerDraftStore.key('anna', 'b'), JSON.stringify({ shape: 99, ...draft('x') }));
    storage.setItem(ComposerDraftStore.key('anna', 'c'), JSON.stringify({ shape: 1, value: { text: 5 }, savedAt: 'x' }));
    expect(store.load('anna', 'a')).toBeNull();
    expect(store.load('anna', 'b')).toBeNull();
    expect(store.load('anna', 'c')).toBeNull();
  });

  it('never throws when storage is missing, full or forbidden', () => {
    const refusing: DraftStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    for (const store of [new ComposerDraftStore(null), new ComposerDraftStore(refusing)]) {
      expect(store.save('anna', 'new', draft('x'))).toBe(false);
      expect(store.load('anna', 'new')).toBeNull();
      expect(() => store.clear('anna', 'new')).not.toThrow();
    }
  });

  it('brings back the version the edits started from', () => {
    const store = new ComposerDraftStore(new MemoryStorage());
    store.save('anna', 'p1', { ...draft('x'), baseVersion: 7 });
    expect(store.load('anna', 'p1')?.baseVersion).toBe(7);
  });
});
