export * from './lib/api-exception';
export * from './lib/api-exception.filter';
export * from './lib/validation-pipe';
export * from './lib/request-context';
