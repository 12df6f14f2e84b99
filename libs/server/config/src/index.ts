export * from './lib/vestnik-config';
export * from './lib/config.module';
export { redactUrl } from './lib/env-rules';
