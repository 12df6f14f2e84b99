import { DataSource, DataSourceOptions } from 'typeorm';
import { FOUNDATION_ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** Arbitrary constant: one replica at a time applies migrations. */
const MIGRATION_LOCK_KEY = 7_418_230_001;

/** Every entity of the server; later contexts append theirs here with their migration. */
export const ENTITIES = [...FOUNDATION_ENTITIES];

export function dataSourceOptions(url: string, extra: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
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
