export * from './lib/platforms-ok';
