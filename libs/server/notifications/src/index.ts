import type { SchemaPart } from '@vestnik/server/persistence';
import { Notifications1764760000000 } from './lib/migrations/1764760000000-Notifications';
import { Letters1765200000001 } from './lib/migrations/1765200000001-Letters';

export * from './lib/notifications.module';
export { NotificationInbox } from './lib/notification-inbox';
export { EmailOutbox, MAX_EMAIL_ATTEMPTS } from './lib/email-outbox';
export { Letters } from './lib/letters';
export { ReviewNotices, type ReviewSubject } from './lib/review-notices';
export { MinimumNotices, type MinimumSubject } from './lib/minimum-notices';
export type { LinkLetterSource } from './lib/email-letter';

/** The table itself comes with publishing; this part adds what gathering and the e-mail outbox need, and letters to addresses. */
export const NOTIFICATIONS_SCHEMA: SchemaPart = {
  entities: [],
  migrations: [Notifications1764760000000, Letters1765200000001],
  sealed: [{ table: 'letters', column: 'content' }],
};
