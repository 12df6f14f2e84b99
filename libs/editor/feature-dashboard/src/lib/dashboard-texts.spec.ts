import { daysAheadText, mixParts, mixSummary, previousMonth, reportMonths, shortDateTime, shortfallText, weekRange, weekText } from './dashboard-texts';

describe('weekText', () => {
  it('counts against the minimum and says how many are missing by Sunday', () => {
    expect(weekText({ weeklyMinimum: 5, publishedThisWeek: 3, scheduledRestOfWeek: 0, shortfall: 2 })).toEqual({
      count: '3 из 5',
      planned: null,
      forecast: 'не хватит 2 публикаций к воскресенью, если не запланировать',
      short: true,
    });
  });

  it('tells a met minimum from one the plan will meet', () => {
    expect(weekText({ weeklyMinimum: 3, publishedThisWeek: 3, scheduledRestOfWeek: 1, shortfall: 0 })).toMatchObject({ forecast: 'минимум выполнен', planned: 'в плане ещё 1' });
    expect(weekText({ weeklyMinimum: 3, publishedThisWeek: 1, scheduledRestOfWeek: 2, shortfall: 0 })).toMatchObject({ forecast: 'минимум будет выполнен по плану', short: false });
  });

  it('says so when the page has no minimum', () => {
    expect(weekText({ weeklyMinimum: null, publishedThisWeek: 2, scheduledRestOfWeek: 0, shortfall: 0 })).toMatchObject({ count: '2', forecast: 'минимум не задан' });
  });
});

describe('shortfallText', () => {
  it('puts «публикация» in the genitive after «не хватит»', () => {
    expect(shortfallText(1)).toBe('не хватит 1 публикации к воскресенью, если не запланировать');
    expect(shortfallText(2)).toBe('не хватит 2 публикаций к воскресенью, если не запланировать');
    expect(shortfallText(5)).toBe('не хватит 5 публикаций к воскресенью, если не запланировать');
    expect(shortfallText(21)).toBe('не хватит 21 публикации к воскресенью, если не запланировать');
  });
});

describe('daysAheadText', () => {
  it('names days with their plural and the cap', () => {
    expect(daysAheadText(0)).toBe('нет');
    expect(daysAheadText(1)).toBe('1 день');
    expect(daysAheadText(3)).toBe('3 дня');
    expect(daysAheadText(5)).toBe('5 дней');
    expect(daysAheadText(14)).toBe('14 дней и больше');
  });
});

describe('mix', () => {
  it('gives shares of what went out beside the target', () => {
    const parts = mixParts({ official: 2, useful: 1, entertaining: 1 }, { official: 40, useful: 40, entertaining: 20 });
    expect(parts.map((p) => [p.percent, p.target])).toEqual([
      [50, 40],
      [25, 40],
      [25, 20],
    ]);
    expect(mixSummary(parts)).toBe('Официальное 50 % (цель 40 %), Полезное 25 % (цель 40 %), Развлекательное 25 % (цель 20 %)');
  });

  it('says when nothing went out', () => {
    expect(mixSummary(mixParts({ official: 0, useful: 0, entertaining: 0 }, null))).toBe('публикаций не было');
  });
});

describe('times', () => {
  it('shows an instant in the organization zone', () => {
    expect(shortDateTime('2026-08-28T05:12:40.000Z', 'Asia/Sakhalin')).toBe('28.08.2026, 16:12');
  });

  it('writes a week as its first and last day', () => {
    expect(weekRange('2026-08-31', '2026-09-06')).toBe('31.08–06.09');
  });

  it('finds the previous month in the zone, across a new year', () => {
    expect(previousMonth(new Date('2026-09-15T00:00:00Z'), 'Europe/Moscow')).toBe('2026-08');
    expect(previousMonth(new Date('2026-01-10T00:00:00Z'), 'Europe/Moscow')).toBe('2025-12');
    // 31 August 20:00 UTC is already 1 September on Sakhalin.
    expect(previousMonth(new Date('2026-08-31T20:00:00Z'), 'Asia/Sakhalin')).toBe('2026-08');
  });

  it('offers the months a report may cover, newest first, named in Russian', () => {
    expect(reportMonths(new Date('2026-02-10T00:00:00Z'), 'Europe/Moscow', 3)).toEqual([
      { value: '2026-02', label: 'февраль 2026' },
      { value: '2026-01', label: 'январь 2026' },
      { value: '2025-12', label: 'декабрь 2025' },
    ]);
  });
});
