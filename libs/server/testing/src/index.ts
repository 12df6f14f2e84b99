export * from './lib/free-port';
export * from './lib/test-database';
