import { createCipheriv, randomBytes } from 'node:crypto';
import { SecretBox, SealedAt, parseKey } from './secret-box';

describe('SecretBox', () => {
  const key = randomBytes(32);
  const box = new SecretBox(key);
  const at: SealedAt = { table: 'channels', column: 'credentials', id: '7d6c1a1e-0000-4000-8000-000000000001' };

  it('round-trips and never shows the plain text', () => {
    const sealed = box.seal('vk1.a.secret-token', at);
    expect(sealed).not.toContain('secret-token');
    expect(box.open(sealed, at)).toBe('vk1.a.secret-token');
  });

  it('uses a fresh nonce each time', () => {
    expect(box.seal('x', at)).not.toBe(box.seal('x', at));
  });

  it('refuses a tampered value and another key', () => {
    const sealed = box.seal('hello', at);
    const parts = sealed.split('.');
    parts[3] = Buffer.from('hellp').toString('base64url');
    expect(() => box.open(parts.join('.'), at)).toThrow();
    expect(() => new SecretBox(randomBytes(32)).open(sealed, at)).toThrow();
  });

  it('binds a value to its row, column and table: copied elsewhere it does not open', () => {
    const sealed = box.seal('bot-token', at);
    expect(() => box.open(sealed, { ...at, id: '7d6c1a1e-0000-4000-8000-000000000002' })).toThrow();
    expect(() => box.open(sealed, { ...at, column: 'other' })).toThrow();
    expect(() => box.open(sealed, { ...at, table: 'users' })).toThrow();
    expect(() => box.seal('x', { ...at, id: '' })).toThrow(/row id/);
  });

  it('opens an unbound v1 value only through openLegacy', () => {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const data = Buffer.concat([cipher.update('old-secret', 'utf8'), cipher.final()]);
    const legacy = ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
    expect(SecretBox.isLegacy(legacy)).toBe(true);
    expect(() => box.open(legacy, at)).toThrow();
    expect(box.openLegacy(legacy)).toBe('old-secret');
    expect(SecretBox.isLegacy(box.seal('x', at))).toBe(false);
  });

  it('parses hex and base64 keys only of 32 bytes', () => {
    expect(parseKey('ab'.repeat(32))?.length).toBe(32);
    expect(parseKey(randomBytes(32).toString('base64'))?.length).toBe(32);
    expect(parseKey('too-short')).toBeUndefined();
  });
});
