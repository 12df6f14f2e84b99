import { Module } from '@nestjs/common';
import { PublishingModule } from '@vestnik/server/publishing';
import { MetricsController } from './metrics.controller';
import { MetricsTokenGuard } from './metrics-token.guard';
import { PublishingMetrics } from './publishing-metrics';

/** Prometheus metrics of publishing at `/metrics`, on every replica. */
@Module({
  imports: [PublishingModule],
  controllers: [MetricsController],
  providers: [PublishingMetrics, MetricsTokenGuard],
  exports: [PublishingMetrics],
})
export class MetricsModule {}
