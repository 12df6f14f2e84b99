import type { SchemaPart } from '@vestnik/server/persistence';
import { Notifications1764760000000 } from './lib/migrations/1764760000000-Notifications';

export * from './lib/notifications.module';
export { NotificationInbox } from './lib/notification-inbox';
export { EmailOutbox, MAX_EMAIL_ATTEMPTS } from './lib/email-outbox';

/** The table itself comes with publishing; this part adds what gathering and the e-mail outbox need. */
export const NOTIFICATIONS_SCHEMA: SchemaPart = { entities: [], migrations: [Notifications1764760000000] };
