import { RequestPacer } from './request-pacer';

describe('RequestPacer', () => {
  beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => jest.useRealTimers());

  /** Starts the calls in order and answers when each left. */
  async function run(pacer: RequestPacer, calls: Array<[string, number?]>, ms = 5000): Promise<Array<[string, number]>> {
    const left: Array<[string, number]> = [];
    const all = Promise.all(calls.map(([secret, weight]) => pacer.wait(secret, weight).then(() => left.push([secret, Date.now()]))));
    await jest.advanceTimersByTimeAsync(ms);
    await all;
    return left;
  }

  it('lets `limit` calls of a secret leave per window, each secret on its own', async () => {
    const pacer = new RequestPacer({ limit: 3, windowMs: 1070 });
    const left = await run(pacer, [['a'], ['a'], ['b'], ['a'], ['a']]);
    expect(left.filter(([s]) => s === 'a').map(([, at]) => at)).toEqual([1_000_000, 1_000_000, 1_000_000, 1_001_070]);
    expect(left.filter(([s]) => s === 'b').map(([, at]) => at)).toEqual([1_000_000]);
  });

  it('never lets the window hold more than the limit, and lets a late call catch up without pushing the rest back', async () => {
    const pacer = new RequestPacer({ limit: 3, windowMs: 1070 });
    const left: number[] = [];
    const at = async (ms: number) => {
      jest.setSystemTime(1_000_000 + ms);
      await pacer.wait('a');
      left.push(Date.now());
    };
    // Calls come 357 ms apart, one of them 200 ms late (a busy event loop).
    await at(0);
    await at(357);
    await at(714 + 200);
    await at(1071);
    await at(1428);
    expect(left).toEqual([1_000_000, 1_000_357, 1_000_914, 1_001_071, 1_001_428]);
    for (let i = 3; i < left.length; i++) expect(left[i] - left[i - 3]).toBeGreaterThanOrEqual(1070);
  });

  it('counts a call by its weight (a media group of 4 is 4 messages)', async () => {
    const pacer = new RequestPacer({ limit: 5, windowMs: 1000 });
    expect(await run(pacer, [['bot', 4], ['bot'], ['bot']])).toEqual([
      ['bot', 1_000_000],
      ['bot', 1_000_000],
      ['bot', 1_001_000],
    ]);
  });

  it('does nothing when pacing is off', async () => {
    const pacer = new RequestPacer(null);
    await pacer.wait('a');
    await pacer.wait('a');
    expect(jest.getTimerCount()).toBe(0);
  });
});
