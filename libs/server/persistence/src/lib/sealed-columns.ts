import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SealedAt, SecretBox } from './secret-box';

/** A column holding sealed values; `key` is the column that identifies the row (default `id`). */
export interface SealedColumn {
  table: string;
  column: string;
  key?: string;
}

/** Where a user's sealed second-factor secrets live. */
export const userSecretAt = (userId: string, column: 'totp_secret' | 'totp_pending_secret'): SealedAt => ({ table: 'users', column, id: userId });

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * Re-seals values written before sealing bound them to their row (format v1), once, at start-up.
 * Each is replaced only if still unchanged, so replicas starting together do no harm.
 */
export async function resealLegacySecrets(dataSource: DataSource, box: SecretBox, columns: SealedColumn[]): Promise<number> {
  let resealed = 0;
  for (const { table, column, key = 'id' } of columns) {
    if (![table, column, key].every((name) => IDENTIFIER.test(name))) throw new Error(`Not a plain identifier among ${table}.${column}.${key}`);
    const rows: { key: string; value: string }[] = await dataSource.query(`SELECT ${key}::text AS key, ${column} AS value FROM ${table} WHERE ${column} LIKE 'v1.%'`);
    for (const row of rows) {
      let plain: string;
      try {
        plain = box.openLegacy(row.value);
      } catch {
        new Logger('Secrets').warn(`${table}.${column} of row ${row.key} does not open with this key; left as it is`);
        continue;
      }
      const sealed = box.seal(plain, { table, column, id: row.key });
      const result: [unknown, number] = await dataSource.query(`UPDATE ${table} SET ${column} = $1 WHERE ${key}::text = $2 AND ${column} = $3`, [sealed, row.key, row.value]);
      resealed += result[1];
    }
  }
  if (resealed) new Logger('Secrets').log(`Re-sealed ${resealed} secret(s) so that each is bound to its row`);
  return resealed;
}
