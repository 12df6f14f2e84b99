export * from './lib/auth.module';
export * from './lib/access.service';
export * from './lib/users.service';
export * from './lib/login.service';
export * from './lib/password-hasher';
export { currentTotp } from './lib/totp';
