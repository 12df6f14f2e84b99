import {
  describeTimeZone,
  moscowOffsetLabel,
  shortTimeZone,
  timeZoneChoices,
  utcOffsetMinutes,
  zonedDayStart,
} from './time-zones';

describe('time zones', () => {
  it('labels Russian zones against Moscow time', () => {
    expect(moscowOffsetLabel('Europe/Moscow')).toBe('МСК');
    expect(moscowOffsetLabel('Europe/Kaliningrad')).toBe('МСК−1');
    expect(moscowOffsetLabel('Europe/Samara')).toBe('МСК+1');
    expect(moscowOffsetLabel('Asia/Sakhalin')).toBe('МСК+8');
    expect(moscowOffsetLabel('Asia/Kamchatka')).toBe('МСК+9');
  });

  it('reads UTC offsets in minutes', () => {
    expect(utcOffsetMinutes('Asia/Yekaterinburg')).toBe(300);
    expect(utcOffsetMinutes('UTC')).toBe(0);
    expect(utcOffsetMinutes('Asia/Kolkata')).toBe(330);
  });

  it('describes zones for people', () => {
    expect(describeTimeZone('Asia/Sakhalin')).toBe('Южно-Сахалинск, МСК+8 (Asia/Sakhalin)');
    expect(describeTimeZone('Asia/Kolkata')).toBe('Asia/Kolkata, UTC+5:30');
    expect(shortTimeZone('Europe/Moscow')).toBe('Europe/Moscow (МСК)');
    expect(shortTimeZone('UTC')).toBe('UTC (UTC)');
  });

  it('lists Russian zones first, west to east, and the rest without repeating them', () => {
    const { russian, other } = timeZoneChoices();
    expect(russian[0]).toEqual({ id: 'Europe/Kaliningrad', label: 'МСК−1 — Калининград (Europe/Kaliningrad)' });
    expect(russian.find((z) => z.id === 'Europe/Moscow')?.label).toBe('МСК — Москва (Europe/Moscow)');
    expect(russian.map((z) => z.id)).toContain('Asia/Vladivostok');
    expect(other.some((z) => z.id === 'Europe/Moscow')).toBe(false);
    expect(other.some((z) => z.id === 'UTC')).toBe(true);
  });

  it('turns a calendar day in a zone into the instant it starts', () => {
    expect(zonedDayStart('2025-03-01', 'Asia/Sakhalin')).toBe('2025-02-28T13:00:00.000Z');
    expect(zonedDayStart('2025-03-01', 'Asia/Sakhalin', true)).toBe('2025-03-01T13:00:00.000Z');
    expect(zonedDayStart('2025-12-31', 'Europe/Moscow', true)).toBe('2025-12-31T21:00:00.000Z');
    // A day when Berlin moves its clocks: midnight is still +01:00.
    expect(zonedDayStart('2025-03-30', 'Europe/Berlin')).toBe('2025-03-29T23:00:00.000Z');
    expect(zonedDayStart('30.03.2025', 'Europe/Berlin')).toBeNull();
  });
});
