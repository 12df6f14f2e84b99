export * from './lib/enums';
export * from './lib/timezone';
export * from './lib/validation';
export * from './lib/auth.dto';
export * from './lib/organizations.dto';
export * from './lib/audit.dto';
export * from './lib/health';
