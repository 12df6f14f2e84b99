import { emptyComposerValue } from './composer-value';

// Angular ships ES modules this runner does not load; a signal here is only a value holder.
jest.mock('@angular/core', () => ({
  signal: <T>(initial: T) => {
    let value = initial;
    return Object.assign(() => value, { set: (next: T) => (value = next) });
  },
}));
import { DraftKeeper } from './draft-keeper';
import { ComposerDraftStore } from './draft-storage';

function memoryStore(): ComposerDraftStore {
  const items = new Map<string, string>();
  return new ComposerDraftStore({ getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v), removeItem: (k) => void items.delete(k) });
}

const opened = { ...emptyComposerValue('2026-09-01T10:00'), text: 'Как на сервере' };
const typed = { ...opened, text: 'Как набрал человек' };

describe('DraftKeeper', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('writes the copy once typing pauses, and offers it when the page opens again', () => {
    const store = memoryStore();
    const keeper = new DraftKeeper(store);
    keeper.keepSoon('anna', 'p1', { value: typed, baseVersion: 3, organizationId: 'org' });
    expect(store.load('anna', 'p1')).toBeNull();
    jest.runOnlyPendingTimers();
    expect(store.load('anna', 'p1')?.value.text).toBe('Как набрал человек');
    expect(keeper.writtenAt()).not.toBeNull();

    const next = new DraftKeeper(store);
    next.opened('anna', 'p1', opened);
    expect(next.offer()?.value.text).toBe('Как набрал человек');
    expect(next.offer()?.baseVersion).toBe(3);
  });

  it('keeps only the last of quick changes', () => {
    const store = memoryStore();
    const keeper = new DraftKeeper(store);
    keeper.keepSoon('anna', 'new', { value: { ...typed, text: 'П' }, baseVersion: null, organizationId: 'org' });
    keeper.keepSoon('anna', 'new', { value: typed, baseVersion: null, organizationId: 'org' });
    jest.runOnlyPendingTimers();
    expect(store.load('anna', 'new')?.value.text).toBe('Как набрал человек');
  });

  it('forgets a copy equal to what the page opened with, instead of offering it', () => {
    const store = memoryStore();
    store.save('anna', 'p1', { value: opened, savedAt: 'x', baseVersion: 1, organizationId: null });
    const keeper = new DraftKeeper(store);
    keeper.opened('anna', 'p1', opened);
    expect(keeper.offer()).toBeNull();
    expect(store.load('anna', 'p1')).toBeNull();
  });

  it('does not wipe a copy on offer while nothing is typed, but forgets it once discarded', () => {
    const store = memoryStore();
    store.save('anna', 'p1', { value: typed, savedAt: 'x', baseVersion: 1, organizationId: null });
    const keeper = new DraftKeeper(store);
    keeper.opened('anna', 'p1', opened);
    keeper.keep('anna', 'p1', null);
    expect(store.load('anna', 'p1')?.value.text).toBe('Как набрал человек');
    keeper.forget('anna', 'p1');
    expect(store.load('anna', 'p1')).toBeNull();
    expect(keeper.offer()).toBeNull();
  });

  it('takes the offered copy once, for restoring', () => {
    const store = memoryStore();
    store.save('anna', 'p1', { value: typed, savedAt: 'x', baseVersion: 1, organizationId: null });
    const keeper = new DraftKeeper(store);
    keeper.opened('anna', 'p1', opened);
    expect(keeper.take()?.value.text).toBe('Как набрал человек');
    expect(keeper.take()).toBeNull();
  });
});
