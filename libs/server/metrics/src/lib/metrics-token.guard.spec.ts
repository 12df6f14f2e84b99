import type { ExecutionContext } from '@nestjs/common';
import type { VestnikConfig } from '@vestnik/server/config';
import { MetricsTokenGuard } from './metrics-token.guard';

const request = (authorization?: string) => ({ switchToHttp: () => ({ getRequest: () => ({ headers: { authorization } }) }) }) as unknown as ExecutionContext;
const guard = (token?: string) => new MetricsTokenGuard({ metrics: { token } } as VestnikConfig);

describe('MetricsTokenGuard', () => {
  it('lets everyone in when no token is configured', () => {
    expect(guard().canActivate(request())).toBe(true);
  });

  it('needs the exact bearer token when one is configured', () => {
    const g = guard('prometheus-scrape-token-1');
    expect(g.canActivate(request('Bearer prometheus-scrape-token-1'))).toBe(true);
    for (const header of [undefined, 'Bearer wrong', 'Basic prometheus-scrape-token-1', 'prometheus-scrape-token-1']) {
      expect(() => g.canActivate(request(header))).toThrow('Метрики закрыты');
    }
  });
});
