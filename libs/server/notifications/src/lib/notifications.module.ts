import { Module } from '@nestjs/common';
import { PublishingModule } from '@vestnik/server/publishing';
import { EmailOutbox } from './email-outbox';
import { Letters } from './letters';
import { NotificationDelivery } from './notification-delivery';
import { NotificationInbox } from './notification-inbox';
import { NotificationsController } from './notifications.controller';
import { PublishingAlerts } from './publishing-alerts';

/**
 * Notifications of failed, unconfirmed and missed publications and of pages needing attention: an
 * in-app list through the API, and e-mail from worker replicas when SMTP is configured.
 */
@Module({
  imports: [PublishingModule],
  controllers: [NotificationsController],
  providers: [NotificationDelivery, NotificationInbox, PublishingAlerts, EmailOutbox, Letters],
  exports: [NotificationInbox, EmailOutbox, Letters],
})
export class NotificationsModule {}
