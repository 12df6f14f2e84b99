import type { DataSource } from 'typeorm';
import type { PublicationEvent, PublishingEvents } from '@vestnik/server/publishing';
import { PublishingMetrics } from './publishing-metrics';

const event = (e: Partial<PublicationEvent>): PublicationEvent => ({ publicationId: 'pub', postId: 'post', channelId: 'ch', organizationId: 'org', platform: 'vk', status: 'published', outcome: 'published', ...e });

describe('PublishingMetrics', () => {
  const make = (query: () => Promise<unknown>) => {
    const subscribe = jest.fn();
    const metrics = new PublishingMetrics({ query } as unknown as DataSource, { subscribe } as unknown as PublishingEvents);
    metrics.onModuleInit();
    return { metrics, subscribe };
  };

  it('subscribes to publishing events and counts outcomes, errors and lateness', async () => {
    const { metrics, subscribe } = make(async () => [{ status: 'failed', platform: 'vk', n: 3 }]);
    expect(subscribe).toHaveBeenCalledTimes(1);
    expect(subscribe.mock.calls[0][0]).toEqual({ onPublication: expect.any(Function), onOutcomeDropped: expect.any(Function) });
    metrics.observe(event({ latenessSeconds: 42 }));
    metrics.observe(event({ latenessSeconds: -3 }));
    metrics.observe(event({ platform: 'telegram', status: 'scheduled', outcome: 'rate_limited', errorCode: '429' }));
    metrics.observe(event({ status: 'failed', outcome: 'rejected', errorCode: 'код с пробелами и кириллицей' }));
    metrics.observeDropped({ platform: 'ok', write: 'outcome' });
    const { body, contentType } = await metrics.render();
    expect(contentType).toContain('text/plain');
    expect(body).toContain('vestnik_publication_outcomes_total{platform="vk",outcome="published"} 2');
    expect(body).toContain('vestnik_platform_errors_total{platform="telegram",code="429"} 1');
    expect(body).toContain('vestnik_late_writes_dropped_total{platform="ok",write="outcome"} 1');
    expect(body).toContain('vestnik_platform_errors_total{platform="vk",code="other"} 1');
    expect(body).toContain('vestnik_publication_lateness_seconds_bucket{le="1",platform="vk"} 1');
    expect(body).toContain('vestnik_publication_lateness_seconds_bucket{le="60",platform="vk"} 2');
    expect(body).toContain('vestnik_publication_lateness_seconds_sum{platform="vk"} 42');
    expect(body).toContain('vestnik_publications{status="failed",platform="vk"} 3');
    expect(body).toContain('vestnik_publications{status="published",platform="ok"} 0');
    expect(body).toContain('vestnik_database_up 1');
    expect(body).toContain('process_cpu_user_seconds_total');
  });

  it('keeps serving process metrics when the database does not answer', async () => {
    const { metrics } = make(async () => {
      throw new Error('connection refused');
    });
    const { body } = await metrics.render();
    expect(body).toContain('vestnik_database_up 0');
    expect(body).not.toMatch(/^vestnik_publications\{/m);
    expect(body).toContain('process_cpu_user_seconds_total');
  });
});
