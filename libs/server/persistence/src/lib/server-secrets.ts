import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';

/**
 * Returns the shared value `name`, creating it with `make` on first use. The first replica to insert
 * wins; everyone else reads that value, so all replicas agree without extra configuration.
 */
export async function sharedSecret(dataSource: DataSource, name: string, make: () => string = () => randomBytes(48).toString('base64url')): Promise<string> {
  await dataSource.query('INSERT INTO server_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [name, make()]);
  const rows: { value: string }[] = await dataSource.query('SELECT value FROM server_secrets WHERE name = $1', [name]);
  return rows[0].value;
}
