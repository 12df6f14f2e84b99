export * from './lib/entities';
export * from './lib/data-source';
export * from './lib/database.module';
export * from './lib/embedded-postgres';
export * from './lib/secret-box';
export * from './lib/sealed-columns';
export * from './lib/server-secrets';
export * from './lib/secrets.module';
