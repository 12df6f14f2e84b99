import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalMediaStorage } from './local-media-storage';
import { MediaStorage, StoredObjectMissingError, storageKeys } from './media-storage';

describe('LocalMediaStorage', () => {
  let root: string;
  let storage: MediaStorage;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'vestnik-media-'));
    storage = new LocalMediaStorage(join(root, 'media'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('stores, replaces, reads and deletes, leaving no temporary files', async () => {
    const { original } = storageKeys('0f8b2c1e-3d4a-4b5c-8d9e-0a1b2c3d4e5f');
    expect(original).toBe('images/0f/0f8b2c1e-3d4a-4b5c-8d9e-0a1b2c3d4e5f');
    await storage.put(original, Buffer.from('first'), 'image/png');
    await storage.put(original, Buffer.from('second'), 'image/png');
    expect((await storage.get(original)).toString()).toBe('second');
    expect(readdirSync(join(root, 'media', 'images', '0f'))).toEqual(['0f8b2c1e-3d4a-4b5c-8d9e-0a1b2c3d4e5f']);
    await storage.delete(original);
    await expect(storage.get(original)).rejects.toBeInstanceOf(StoredObjectMissingError);
    await expect(storage.delete(original)).resolves.toBeUndefined();
  });

  it('refuses keys that could leave its folder', async () => {
    for (const key of ['../secret', 'images/../../x', '/etc/passwd', 'Images/A', 'a//b', '']) {
      await expect(storage.put(key, Buffer.from('x'), 'image/png')).rejects.toThrow(/storage key/i);
    }
  });
});
