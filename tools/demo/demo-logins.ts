import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { DemoPerson } from './demo-region';

/** Passwords of the demo accounts by e-mail, generated once and kept beside the data (mode 0600). */
export type Logins = Record<string, string>;

export function loadOrCreateLogins(file: string, people: DemoPerson[]): { logins: Logins; created: boolean } {
  const kept: Logins = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Logins) : {};
  const missing = people.filter((p) => !kept[p.email]);
  for (const person of missing) kept[person.email] = `demo-${randomBytes(9).toString('base64url')}`;
  if (missing.length > 0 || !existsSync(file)) writeFileSync(file, JSON.stringify(kept, null, 2) + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  return { logins: kept, created: missing.length > 0 };
}
