export * from './lib/content';
export * from './lib/markdown';
export * from './lib/render';
export * from './lib/limits';
export * from './lib/validate';
