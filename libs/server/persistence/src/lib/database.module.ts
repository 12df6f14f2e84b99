import { DynamicModule, Global, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { dataSourceOptions, migrate, SchemaPart } from './data-source';

/** The schema the application runs with (every context's part). */
export const SCHEMA_PARTS = Symbol('SCHEMA_PARTS');

@Global()
@Module({})
export class DatabaseModule {
  /** Connects to `url` and applies the schema's pending migrations before anything else starts. */
  static forRoot(url: string, schema: SchemaPart[]): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions(url, schema),
          dataSourceFactory: async (options) => {
            const dataSource = await new DataSource(options ?? dataSourceOptions(url, schema)).initialize();
            const applied = await migrate(dataSource);
            if (applied.length) new Logger('Database').log(`Applied migrations: ${applied.join(', ')}`);
            return dataSource;
          },
        }),
      ],
      providers: [{ provide: SCHEMA_PARTS, useValue: schema }],
      exports: [TypeOrmModule, SCHEMA_PARTS],
    };
  }
}
