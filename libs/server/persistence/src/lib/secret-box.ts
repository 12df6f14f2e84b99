import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** Where a sealed value lives. It is bound to that place: copied to another row or column, it does not open. */
export interface SealedAt {
  table: string;
  column: string;
  /** The row's key (its id, or the name of a server secret). */
  id: string;
}

/**
 * AES-256-GCM for secrets at rest. Format: `v2.<iv>.<tag>.<ciphertext>`, each base64url, with
 * `table.column.id` as associated data. `v1` values (no binding) are only opened by `openLegacy`,
 * which the start-up re-sealing uses once.
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error('SecretBox needs a 32-byte key');
    this.key = key;
  }

  /** A short public fingerprint, so replicas can check they share the same key. */
  get fingerprint(): string {
    return createHash('sha256').update('vestnik-key-check').update(this.key).digest('hex').slice(0, 16);
  }

  seal(plain: string, at: SealedAt): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(associatedData(at));
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v2', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
  }

  /** Opens a value sealed for exactly this place; throws for any other place, a tampered value or another key. */
  open(sealed: string, at: SealedAt): string {
    return this.decrypt(sealed, 'v2', associatedData(at));
  }

  /** True when `sealed` predates binding (format v1) and must be re-sealed. */
  static isLegacy(sealed: string): boolean {
    return sealed.startsWith('v1.');
  }

  /** Opens a value sealed before values were bound to their place; only for re-sealing them. */
  openLegacy(sealed: string): string {
    return this.decrypt(sealed, 'v1', null);
  }

  private decrypt(sealed: string, expectedVersion: 'v1' | 'v2', aad: Buffer | null): string {
    const [version, iv, tag, data] = sealed.split('.');
    if (version !== expectedVersion || !iv || !tag || data === undefined) throw new Error('Not a sealed secret of the expected format');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    if (aad) decipher.setAAD(aad);
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  }
}

function associatedData(at: SealedAt): Buffer {
  if (!at.table || !at.column || !at.id) throw new Error('A sealed value needs its table, column and row id');
  return Buffer.from(`${at.table}.${at.column}.${at.id}`, 'utf8');
}

/** Parses a configured key: 64 hex characters or 32 bytes in base64. */
export function parseKey(text: string): Buffer | undefined {
  const t = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(t)) return Buffer.from(t, 'hex');
  const b = Buffer.from(t, 'base64');
  return b.length === 32 ? b : undefined;
}
