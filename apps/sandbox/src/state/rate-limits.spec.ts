import { SandboxClock } from './clock';
import { RateLimiter } from './rate-limits';

describe('RateLimiter', () => {
  it('counts a sliding window on the sandbox clock and says how long to wait', () => {
    const clock = new SandboxClock();
    clock.freeze();
    const limiter = new RateLimiter(clock);
    expect([limiter.hit('k', 3, 1000), limiter.hit('k', 3, 1000), limiter.hit('k', 3, 1000)]).toEqual([0, 0, 0]);
    expect(limiter.hit('k', 3, 1000)).toBe(1000);
    clock.advance(400);
    expect(limiter.hit('k', 3, 1000)).toBe(600);
    clock.advance(600);
    expect(limiter.hit('k', 3, 1000)).toBe(0);
  });

  it('fits a batch only when all of it fits, and can be switched off', () => {
    const clock = new SandboxClock();
    clock.freeze();
    const limiter = new RateLimiter(clock);
    expect(limiter.hit('c', 20, 60_000, 15)).toBe(0);
    expect(limiter.peek('c', 20, 60_000, 10)).toBe(60_000);
    expect(limiter.hit('c', 20, 60_000, 5)).toBe(0);
    limiter.enabled = false;
    expect(limiter.hit('c', 20, 60_000, 10)).toBe(0);
  });

  it('counts the requests refused for a rate until reset', () => {
    const limiter = new RateLimiter(new SandboxClock());
    limiter.refused('vk:6');
    limiter.refused('vk:6');
    limiter.refused('telegram:429');
    expect(limiter.refusalCounts()).toEqual({ 'vk:6': 2, 'telegram:429': 1 });
    limiter.reset();
    expect(limiter.refusalCounts()).toEqual({});
  });

  it('counts a request at its arrival, in order, even when it is counted after a later one', () => {
    const clock = new SandboxClock();
    clock.freeze();
    const limiter = new RateLimiter(clock);
    const now = clock.now();
    expect(limiter.hit('k', 3, 1000, 1, now - 100)).toBe(0);
    expect(limiter.hit('k', 3, 1000, 1, now - 900)).toBe(0);
    expect(limiter.hit('k', 3, 1000, 1, now - 500)).toBe(0);
    // The oldest of the three (900 ms ago) leaves the window first.
    expect(limiter.hit('k', 3, 1000)).toBe(100);
  });
});
