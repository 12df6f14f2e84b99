import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { AuditModule } from '@vestnik/server/audit';
import { AuthModule } from '@vestnik/server/auth';
import { OutcomeRecorder } from './outcome-recorder';
import { PublicationActionsService } from './publication-actions.service';
import { PublicationClaims } from './publication-claims';
import { PublicationsController } from './publications.controller';
import { Publisher } from './publisher';
import { PublishingEvents } from './publishing-events';
import { PublishingWorker } from './publishing-worker';
import { RatePacer } from './rate-pacer';
import { Reconciler } from './reconciler';

/** Needs PLATFORM_ADAPTERS, a PublishingMedia and a PublishingChannels from the application. The worker runs only in `worker` replicas. */
@Module({
  imports: [ScheduleModule.forRoot(), AuthModule, AuditModule],
  controllers: [PublicationsController],
  providers: [PublicationClaims, RatePacer, PublishingEvents, OutcomeRecorder, Publisher, Reconciler, PublishingWorker, PublicationActionsService],
  exports: [PublishingEvents, PublishingWorker],
})
export class PublishingModule {}
