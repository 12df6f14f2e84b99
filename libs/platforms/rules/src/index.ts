export * from './lib/platforms-rules';
