import { randomBytes } from 'node:crypto';
import { SecretBox, parseKey } from './secret-box';

describe('SecretBox', () => {
  const box = new SecretBox(randomBytes(32));

  it('round-trips and never shows the plain text', () => {
    const sealed = box.seal('vk1.a.secret-token');
    expect(sealed).not.toContain('secret-token');
    expect(box.open(sealed)).toBe('vk1.a.secret-token');
  });

  it('uses a fresh nonce each time', () => {
    expect(box.seal('x')).not.toBe(box.seal('x'));
  });

  it('refuses a tampered value and another key', () => {
    const sealed = box.seal('hello');
    const parts = sealed.split('.');
    parts[3] = Buffer.from('hellp').toString('base64url');
    expect(() => box.open(parts.join('.'))).toThrow();
    expect(() => new SecretBox(randomBytes(32)).open(sealed)).toThrow();
  });

  it('parses hex and base64 keys only of 32 bytes', () => {
    expect(parseKey('ab'.repeat(32))?.length).toBe(32);
    expect(parseKey(randomBytes(32).toString('base64'))?.length).toBe(32);
    expect(parseKey('too-short')).toBeUndefined();
  });
});
