import { nextLookInMs, RECONCILE_ABSENT_AFTER_MS, RECONCILE_FOR_MS, stepAfter } from './reconciler';

describe('what one look at the platform decides', () => {
  const NOW = Date.parse('2026-12-03T10:00:00Z');

  it('publishes what the platform found, with its id and URL', () => {
    expect(stepAfter({ status: 'found', remoteId: '70001', url: 'https://ok.ru/group/1/topic/70001' }, 10_000, NOW)).toEqual({
      next: 'reconciled',
      remoteId: '70001',
      url: 'https://ok.ru/group/1/topic/70001',
    });
  });

  it('sends again what the platform does not have once the lost request can no longer land', () => {
    expect(stepAfter({ status: 'absent' }, RECONCILE_ABSENT_AFTER_MS, NOW)).toEqual({ next: 'reconcile_absent' });
    // The first send was long ago, but the latest attempt went out just now: not yet.
    expect(stepAfter({ status: 'absent' }, 10 * 60_000, NOW, 10_000)).toMatchObject({ next: 'reconcile_again', at: new Date(NOW + RECONCILE_ABSENT_AFTER_MS - 10_000) });
  });

  it('looks again at an early «absent»: a request the platform is still working on may yet land', () => {
    expect(stepAfter({ status: 'absent' }, 10_000, NOW)).toMatchObject({ next: 'reconcile_again', at: new Date(NOW + RECONCILE_ABSENT_AFTER_MS - 10_000) });
  });

  it('asks again later while the platform cannot tell, waiting longer each time', () => {
    expect(stepAfter({ status: 'unknown', reason: 'Лента не прочитана' }, 10_000, NOW)).toEqual({ next: 'reconcile_again', at: new Date(NOW + 10_000), reason: 'Лента не прочитана' });
    expect(nextLookInMs(1_000)).toBe(5_000);
    expect(nextLookInMs(20_000)).toBe(20_000);
    expect(nextLookInMs(200_000)).toBe(60_000);
  });

  it('leaves it to a person once the platform could not tell for RECONCILE_FOR_MS', () => {
    const step = stepAfter({ status: 'unknown', reason: 'Две темы с этим текстом' }, RECONCILE_FOR_MS - 30_000, NOW);
    expect(step).toMatchObject({ next: 'reconcile_unknown' });
    expect(step.next === 'reconcile_unknown' && step.reason).toContain('Проверьте страницу');
  });

  it('takes a handful of looks at most before a person is asked', () => {
    let since = 5_000;
    let looks = 0;
    for (;;) {
      looks += 1;
      const step = stepAfter({ status: 'unknown', reason: 'r' }, since, NOW);
      if (step.next !== 'reconcile_again') break;
      since += step.at.getTime() - NOW;
    }
    expect(looks).toBeLessThanOrEqual(9);
  });
});
