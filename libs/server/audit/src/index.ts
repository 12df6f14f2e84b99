export * from './lib/server-audit';
