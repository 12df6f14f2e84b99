import { parseZonedInstant } from '@vestnik/contracts';
import { testTranslator } from '@vestnik/editor/i18n/testing';
import { SCHEDULE_MESSAGES, defaultScheduledAt, scheduleProblem } from './schedule';

describe('defaultScheduledAt', () => {
  it('starts a new post at a whole hour, at least an hour ahead, in the organization’s zone', () => {
    // 10:20 in Sakhalin (UTC+11).
    const now = new Date('2026-08-31T23:20:00Z');
    expect(defaultScheduledAt(now, 'Asia/Sakhalin')).toBe('2026-09-01T12:00');
    expect(defaultScheduledAt(now, 'Europe/Moscow')).toBe('2026-09-01T04:00');
  });
});

describe('scheduleProblem', () => {
  const now = new Date('2026-08-31T23:20:00Z');
  it('reads the time in the organization’s zone', () => {
    expect(parseZonedInstant('2026-09-01T10:21', 'Asia/Sakhalin')?.toISOString()).toBe('2026-08-31T23:21:00.000Z');
    expect(scheduleProblem('2026-09-01T10:21', 'Asia/Sakhalin', now)).toBeNull();
    // The same wall-clock time in Moscow is eight hours later: fine as well.
    expect(scheduleProblem('2026-09-01T10:21', 'Europe/Moscow', now)).toBeNull();
  });

  it('refuses a time already past, less than a minute ahead, or unreadable', () => {
    expect(scheduleProblem('2026-09-01T10:19', 'Asia/Sakhalin', now)).toEqual({ kind: 'past' });
    expect(scheduleProblem('2026-09-01T10:20', 'Asia/Sakhalin', new Date('2026-08-31T23:19:30Z'))).toEqual({ kind: 'too_soon' });
    expect(scheduleProblem('', 'Asia/Sakhalin', now)).toEqual({ kind: 'invalid' });
    expect(scheduleProblem('2026-02-30T10:00', 'Asia/Sakhalin', now)).toEqual({ kind: 'invalid' });
  });
});

describe('SCHEDULE_MESSAGES', () => {
  it('has words for every problem in both languages', () => {
    const ru = testTranslator('ru');
    const en = testTranslator('en');
    expect(ru(SCHEDULE_MESSAGES.past)).toBe('Это время уже прошло: выберите более позднее');
    expect(en(SCHEDULE_MESSAGES.too_soon)).toBe('Publication must be at least a minute from now: choose a later time');
    for (const key of Object.values(SCHEDULE_MESSAGES)) expect(en(key)).not.toBe(ru(key));
  });
});
