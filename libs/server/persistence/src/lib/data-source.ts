import { DataSource, DataSourceOptions, MigrationInterface } from 'typeorm';
import { FOUNDATION_ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import type { SealedColumn } from './sealed-columns';

/** Arbitrary constant: one replica at a time applies migrations. */
const MIGRATION_LOCK_KEY = 7_418_230_001;

/** The tables one bounded context owns: its entities and the migrations that create them. */
export interface SchemaPart {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  migrations: (new () => MigrationInterface)[];
  /** Columns holding values sealed with the SecretBox (bound to their row). */
  sealed?: SealedColumn[];
}

/** Organizations, users, memberships, audit, login attempts, shared secrets. */
export const FOUNDATION_SCHEMA: SchemaPart = {
  entities: FOUNDATION_ENTITIES,
  migrations: MIGRATIONS,
  sealed: [
    { table: 'users', column: 'totp_secret' },
    { table: 'users', column: 'totp_pending_secret' },
  ],
};

export function dataSourceOptions(url: string, schema: SchemaPart[], extra: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: schema.flatMap((s) => s.entities),
    // TypeORM orders migrations by the timestamp in their names, whichever context they come from.
    migrations: schema.flatMap((s) => s.migrations),
    synchronize: false,
    migrationsRun: false,
    // Off: a failed query's log line would print its parameters, which may hold secrets.
    logging: false,
    extra: { max: 20, application_name: 'vestnik' },
    ...extra,
  } as DataSourceOptions;
}

/** Applies pending migrations; replicas starting together wait for each other on an advisory lock. */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}
