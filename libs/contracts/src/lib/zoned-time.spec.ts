import { formatZoned, parseZonedInstant, zoneOffsetMinutes } from './zoned-time';

describe('zoned time', () => {
  it('reads local wall-clock time in the organization zone', () => {
    expect(parseZonedInstant('2026-12-01T10:00', 'Asia/Sakhalin')?.toISOString()).toBe('2026-11-30T23:00:00.000Z');
    expect(parseZonedInstant('2026-12-01T10:00:30', 'Europe/Moscow')?.toISOString()).toBe('2026-12-01T07:00:30.000Z');
  });

  it('takes instants with an offset as they are', () => {
    expect(parseZonedInstant('2026-12-01T10:00:00Z', 'Asia/Sakhalin')?.toISOString()).toBe('2026-12-01T10:00:00.000Z');
    expect(parseZonedInstant('2026-12-01T10:00:00+03:00', 'Asia/Sakhalin')?.toISOString()).toBe('2026-12-01T07:00:00.000Z');
  });

  it('refuses what it cannot read', () => {
    expect(parseZonedInstant('tomorrow', 'Europe/Moscow')).toBeNull();
    expect(parseZonedInstant('2026-13-45T99:00', 'Europe/Moscow')).toBeNull();
  });

  it('shows instants in the zone with the offset, across a DST change elsewhere', () => {
    expect(formatZoned(new Date('2026-11-30T23:00:00Z'), 'Asia/Sakhalin')).toBe('2026-12-01T10:00:00+11:00');
    expect(zoneOffsetMinutes(new Date('2026-07-01T12:00:00Z'), 'Europe/Berlin')).toBe(120);
    expect(zoneOffsetMinutes(new Date('2026-01-01T12:00:00Z'), 'Europe/Berlin')).toBe(60);
    expect(parseZonedInstant('2026-03-29T03:30', 'Europe/Berlin')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });
});
