export * from './lib/audit-log';
export * from './lib/audit-query';
export * from './lib/audit.module';
