export * from './lib/login-page';
export * from './lib/setup-page';
export * from './lib/security-page';
export * from './lib/invitation-page';
