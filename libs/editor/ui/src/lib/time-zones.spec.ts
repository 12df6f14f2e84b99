import { testTranslator } from '@vestnik/editor/i18n/testing';
import {
  describeTimeZone,
  moscowOffsetLabel,
  shortTimeZone,
  timeZoneChoices,
  utcOffsetMinutes,
  formatDate,
  formatDateTime,
  zonedDayStart,
} from './time-zones';

const t = testTranslator('ru');
const en = testTranslator('en');

describe('time zones', () => {
  it('labels Russian zones against Moscow time', () => {
    expect(moscowOffsetLabel('Europe/Moscow', t)).toBe('МСК');
    expect(moscowOffsetLabel('Europe/Kaliningrad', t)).toBe('МСК−1');
    expect(moscowOffsetLabel('Europe/Samara', t)).toBe('МСК+1');
    expect(moscowOffsetLabel('Asia/Sakhalin', t)).toBe('МСК+8');
    expect(moscowOffsetLabel('Asia/Kamchatka', t)).toBe('МСК+9');
  });

  it('reads UTC offsets in minutes', () => {
    expect(utcOffsetMinutes('Asia/Yekaterinburg')).toBe(300);
    expect(utcOffsetMinutes('UTC')).toBe(0);
    expect(utcOffsetMinutes('Asia/Kolkata')).toBe(330);
  });

  it('describes zones for people', () => {
    expect(describeTimeZone('Asia/Sakhalin', t)).toBe('Южно-Сахалинск, МСК+8 (Asia/Sakhalin)');
    expect(describeTimeZone('Asia/Kolkata', t)).toBe('Asia/Kolkata, UTC+5:30');
    expect(shortTimeZone('Europe/Moscow', t)).toBe('Europe/Moscow (МСК)');
    expect(shortTimeZone('UTC', t)).toBe('UTC (UTC)');
  });

  it('names zones and cities in English when the interface is', () => {
    expect(describeTimeZone('Asia/Sakhalin', en)).toBe('Yuzhno-Sakhalinsk, MSK+8 (Asia/Sakhalin)');
    expect(moscowOffsetLabel('Europe/Kaliningrad', en)).toBe('MSK−1');
    expect(shortTimeZone('Europe/Moscow', en)).toBe('Europe/Moscow (MSK)');
    expect(timeZoneChoices(en).russian.find((z) => z.id === 'Asia/Kamchatka')?.label).toBe('MSK+9 — Petropavlovsk-Kamchatsky (Asia/Kamchatka)');
  });

  it('writes dates and times in the interface’s locale, in the given zone', () => {
    expect(formatDateTime('2025-11-28T03:05:09Z', 'Asia/Sakhalin', 'ru-RU')).toBe('28.11.2025, 14:05:09');
    expect(formatDateTime('2025-11-28T03:05:09Z', 'Asia/Sakhalin', 'en-GB')).toBe('28/11/2025, 14:05:09');
    expect(formatDate('2025-11-28T03:05:09Z', 'Asia/Sakhalin', 'ru-RU')).toBe('28 ноября 2025 г.');
    expect(formatDate('2025-11-28T03:05:09Z', 'Asia/Sakhalin', 'en-GB')).toBe('28 November 2025');
    expect(formatDateTime('not a date', 'Asia/Sakhalin', 'en-GB')).toBe('not a date');
  });

  it('lists Russian zones first, west to east, and the rest without repeating them', () => {
    const { russian, other } = timeZoneChoices(t);
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
