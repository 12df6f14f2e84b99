export * from './lib/metrics.module';
export { PublishingMetrics, LATENESS_BUCKETS } from './lib/publishing-metrics';
