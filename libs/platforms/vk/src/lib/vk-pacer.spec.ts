import { VkRequestPacer } from './vk-pacer';

describe('VkRequestPacer', () => {
  beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => jest.useRealTimers());

  it('lets the first call through and delays the next ones by the interval, per token', async () => {
    const pacer = new VkRequestPacer(400);
    const started: Array<[string, number]> = [];
    const call = (token: string) => pacer.wait(token).then(() => started.push([token, Date.now()]));
    const all = Promise.all([call('a'), call('a'), call('b'), call('a')]);
    await jest.advanceTimersByTimeAsync(1000);
    await all;
    expect(started).toEqual([
      ['a', 1_000_000],
      ['b', 1_000_000],
      ['a', 1_000_400],
      ['a', 1_000_800],
    ]);
  });

  it('spaces from when a call actually left: a late timer pushes the next call back', async () => {
    const pacer = new VkRequestPacer(350);
    const started: number[] = [];
    await pacer.wait('a');
    started.push(Date.now());
    const second = pacer.wait('a').then(() => started.push(Date.now()));
    const third = pacer.wait('a').then(() => started.push(Date.now()));
    // The event loop is busy for 500 ms: the second call's timer fires 150 ms late.
    jest.setSystemTime(Date.now() + 500);
    await jest.advanceTimersByTimeAsync(1000);
    await Promise.all([second, third]);
    expect(started).toEqual([1_000_000, 1_000_500, 1_000_850]);
  });

  it('does nothing when pacing is off', async () => {
    const pacer = new VkRequestPacer(0);
    await pacer.wait('a');
    await pacer.wait('a');
    expect(jest.getTimerCount()).toBe(0);
  });
});
