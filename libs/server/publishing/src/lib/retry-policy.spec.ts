import { backoffSeconds, keyStillHonoured, sameKeyRepeatIsSafe } from './retry-policy';

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
  const inMinutes = (m: number) => new Date(now + m * 60_000);
  const repeat = { windowMs, maxAttempts: 8, attempts: 1, doneBy: inMinutes(0) };

  it('allows a repeat with the same key answered within the platform’s window from the first send, while attempts remain', () => {
    expect(sameKeyRepeatIsSafe({ ...repeat, firstSentAt: minutesAgo(29) })).toBe(true);
    // Three unknown outcomes in a row are no reason to ask a person while the key holds.
    expect(sameKeyRepeatIsSafe({ ...repeat, firstSentAt: minutesAgo(5), attempts: 7 })).toBe(true);
  });

  it('refuses it once the repeat would be answered after the window', () => {
    expect(sameKeyRepeatIsSafe({ ...repeat, firstSentAt: minutesAgo(31) })).toBe(false);
    expect(sameKeyRepeatIsSafe({ ...repeat, firstSentAt: minutesAgo(25), doneBy: inMinutes(5) })).toBe(false);
    expect(sameKeyRepeatIsSafe({ ...repeat, firstSentAt: minutesAgo(25), doneBy: inMinutes(4) })).toBe(true);
  });

  it('refuses it on a platform without a key, when the first send is unknown, and once the attempts are used up', () => {
    expect(sameKeyRepeatIsSafe({ ...repeat, windowMs: null, firstSentAt: minutesAgo(1) })).toBe(false);
    expect(sameKeyRepeatIsSafe({ ...repeat, firstSentAt: null })).toBe(false);
    expect(sameKeyRepeatIsSafe({ ...repeat, firstSentAt: minutesAgo(1), attempts: 8 })).toBe(false);
  });
});

describe('keyStillHonoured', () => {
  const first = new Date('2026-12-03T10:00:00Z');
  it('holds while the call is answered before the window from the first send ends', () => {
    expect(keyStillHonoured(60_000, first, new Date(first.getTime() + 59_999))).toBe(true);
    expect(keyStillHonoured(60_000, first, new Date(first.getTime() + 60_000))).toBe(false);
    expect(keyStillHonoured(null, first, first)).toBe(false);
    expect(keyStillHonoured(60_000, null, first)).toBe(false);
  });
});
