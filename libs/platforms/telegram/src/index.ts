export * from './lib/platforms-telegram';
