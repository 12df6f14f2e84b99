export * from './lib/server-persistence';
