export * from './lib/server-organizations';
