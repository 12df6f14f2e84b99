import { Module } from '@nestjs/common';
import { PublishingModule } from '@vestnik/server/publishing';
import { EmailOutbox } from './email-outbox';
import { Letters } from './letters';
import { NotificationDelivery } from './notification-delivery';
import { NotificationInbox } from './notification-inbox';
import { NotificationsController } from './notifications.controller';
import { PublishingAlerts } from './publishing-alerts';
import { MinimumNotices } from './minimum-notices';
import { ReviewNotices } from './review-notices';

/**
 * Notifications of failed, unconfirmed and missed publications, of pages needing attention and of
 * reviews (asked and done), of pages short of their weekly minimum: an in-app list through the API, and e-mail from worker replicas when
 * SMTP is configured.
 */
@Module({
  imports: [PublishingModule],
  controllers: [NotificationsController],
  providers: [NotificationDelivery, NotificationInbox, PublishingAlerts, EmailOutbox, Letters, ReviewNotices, MinimumNotices],
  exports: [NotificationInbox, EmailOutbox, Letters, ReviewNotices, MinimumNotices],
})
export class NotificationsModule {}
