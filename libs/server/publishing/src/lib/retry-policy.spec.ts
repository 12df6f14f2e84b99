import { backoffSeconds, MAX_GUID_RETRIES, sameKeyRepeatIsSafe } from './retry-policy';

describe('backoffSeconds', () => {
  it('doubles per attempt, with jitter between half and the whole delay, capped at 30 minutes', () => {
    expect(backoffSeconds(1, () => 1)).toBe(15);
    expect(backoffSeconds(1, () => 0)).toBe(8);
    expect(backoffSeconds(3, () => 1)).toBe(60);
    expect(backoffSeconds(20, () => 1)).toBe(1800);
    expect(backoffSeconds(20, () => 0)).toBe(900);
  });
});

describe('sameKeyRepeatIsSafe', () => {
  const windowMs = 30 * 60_000;
  const now = Date.parse('2026-12-03T10:00:00Z');
  const minutesAgo = (m: number) => new Date(now - m * 60_000);

  it('allows a repeat with the same key within the platform’s window from the first send, under the retry limit', () => {
    expect(sameKeyRepeatIsSafe({ windowMs, firstSentAt: minutesAgo(29), attempts: 1 }, now)).toBe(true);
  });

  it('refuses it once the first send is older than the window', () => {
    expect(sameKeyRepeatIsSafe({ windowMs, firstSentAt: minutesAgo(31), attempts: 1 }, now)).toBe(false);
  });

  it('refuses it on a platform without a key, when the first send is unknown, and at the retry limit', () => {
    expect(sameKeyRepeatIsSafe({ windowMs: null, firstSentAt: minutesAgo(1), attempts: 1 }, now)).toBe(false);
    expect(sameKeyRepeatIsSafe({ windowMs, firstSentAt: null, attempts: 1 }, now)).toBe(false);
    expect(sameKeyRepeatIsSafe({ windowMs, firstSentAt: minutesAgo(1), attempts: MAX_GUID_RETRIES }, now)).toBe(false);
  });
});
