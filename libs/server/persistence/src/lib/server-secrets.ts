import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { SealedAt, SecretBox } from './secret-box';

const newSecret = () => randomBytes(48).toString('base64url');

/**
 * Returns the shared value `name`, creating it with `make` on first use. The first replica to insert
 * wins; everyone else reads that value, so all replicas agree without extra configuration.
 */
export async function sharedSecret(dataSource: DataSource, name: string, make: () => string = newSecret): Promise<string> {
  await dataSource.query('INSERT INTO server_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [name, make()]);
  const rows: { value: string }[] = await dataSource.query('SELECT value FROM server_secrets WHERE name = $1', [name]);
  return rows[0].value;
}

/** Where the shared value `name` lives, for sealing it. */
export const serverSecretAt = (name: string): SealedAt => ({ table: 'server_secrets', column: 'value', id: name });

/** Like `sharedSecret`, but kept sealed with the box: the database alone does not give it away. */
export async function sealedSharedSecret(dataSource: DataSource, box: SecretBox, name: string): Promise<string> {
  await sealPlainServerSecret(dataSource, box, name);
  return box.open(await sharedSecret(dataSource, name, () => box.seal(newSecret(), serverSecretAt(name))), serverSecretAt(name));
}

/**
 * Seals the value of `name` when an older version stored it in plain text; true when it did. The
 * row is replaced only if still unchanged, so replicas starting together do no harm.
 */
export async function sealPlainServerSecret(dataSource: DataSource, box: SecretBox, name: string): Promise<boolean> {
  const rows: { value: string }[] = await dataSource.query('SELECT value FROM server_secrets WHERE name = $1', [name]);
  const plain = rows[0]?.value;
  // Sealed values are `v2.<iv>.<tag>.<data>`; a generated secret is base64url, which has no dots.
  if (plain === undefined || plain.startsWith('v2.')) return false;
  const [, count]: [unknown, number] = await dataSource.query('UPDATE server_secrets SET value = $1 WHERE name = $2 AND value = $3', [box.seal(plain, serverSecretAt(name)), name, plain]);
  return count > 0;
}
