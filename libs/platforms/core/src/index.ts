export * from './lib/platforms-core';
