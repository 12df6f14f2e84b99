import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, migrate, SchemaPart } from '@vestnik/server/persistence';

function serverUrl(): string {
  const url = process.env['VESTNIK_TEST_DATABASE_URL'];
  if (!url) throw new Error('VESTNIK_TEST_DATABASE_URL is not set: add @vestnik/server/testing global setup to the Jest config');
  return url;
}

export interface TestDatabase {
  url: string;
  /** A connected, migrated DataSource for direct checks. */
  dataSource: DataSource;
  drop(): Promise<void>;
}

/** A fresh, migrated database of its own for one test file, so files can run in parallel. */
export async function createTestDatabase(schema: SchemaPart[]): Promise<TestDatabase> {
  const base = new URL(serverUrl());
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  const dataSource = await new DataSource(dataSourceOptions(url.toString(), schema, { extra: { max: 4 } })).initialize();
  await migrate(dataSource);
  return {
    url: url.toString(),
    dataSource,
    async drop() {
      await dataSource.destroy();
      const c = new Client({ connectionString: base.toString() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
