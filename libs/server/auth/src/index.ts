import type { SchemaPart } from '@vestnik/server/persistence';
import { Sessions1765300000000 } from './lib/migrations/1765300000000-Sessions';
import { SessionEntity } from './lib/session.entity';

export * from './lib/auth.module';
export * from './lib/access.service';
export * from './lib/users.service';
export * from './lib/login.service';
export * from './lib/password-hasher';
export { SessionsService, type SessionClient } from './lib/sessions.service';
export { currentTotp } from './lib/totp';

/** Sessions: every token names one, and it works only while that session is open. */
export const AUTH_SCHEMA: SchemaPart = { entities: [SessionEntity], migrations: [Sessions1765300000000] };
