import { testTranslator } from '@vestnik/editor/i18n/testing';
import { daysAheadText, mixParts, mixSummary, previousMonth, reportMonths, shortDateTime, shortfallText, weekRange, weekText } from './dashboard-texts';

const t = testTranslator('ru');
const en = testTranslator('en');

describe('weekText', () => {
  it('counts against the minimum and says how many are missing by Sunday', () => {
    expect(weekText({ weeklyMinimum: 5, publishedThisWeek: 3, scheduledRestOfWeek: 0, shortfall: 2 }, t)).toEqual({
      count: '3 из 5',
      planned: null,
      forecast: 'не хватит 2 публикаций к воскресенью, если не запланировать',
      short: true,
    });
  });

  it('tells a met minimum from one the plan will meet', () => {
    expect(weekText({ weeklyMinimum: 3, publishedThisWeek: 3, scheduledRestOfWeek: 1, shortfall: 0 }, t)).toMatchObject({ forecast: 'минимум выполнен', planned: 'в плане ещё 1' });
    expect(weekText({ weeklyMinimum: 3, publishedThisWeek: 1, scheduledRestOfWeek: 2, shortfall: 0 }, t)).toMatchObject({ forecast: 'минимум будет выполнен по плану', short: false });
  });

  it('says so when the page has no minimum', () => {
    expect(weekText({ weeklyMinimum: null, publishedThisWeek: 2, scheduledRestOfWeek: 0, shortfall: 0 }, t)).toMatchObject({ count: '2', forecast: 'минимум не задан' });
  });
});

describe('shortfallText', () => {
  it('puts «публикация» in the genitive after «не хватит»', () => {
    expect(shortfallText(1, t)).toBe('не хватит 1 публикации к воскресенью, если не запланировать');
    expect(shortfallText(2, t)).toBe('не хватит 2 публикаций к воскресенью, если не запланировать');
    expect(shortfallText(5, t)).toBe('не хватит 5 публикаций к воскресенью, если не запланировать');
    expect(shortfallText(21, t)).toBe('не хватит 21 публикации к воскресенью, если не запланировать');
  });
});

describe('daysAheadText', () => {
  it('names days with their plural and the cap', () => {
    expect(daysAheadText(0, t)).toBe('нет');
    expect(daysAheadText(1, t)).toBe('1 день');
    expect(daysAheadText(3, t)).toBe('3 дня');
    expect(daysAheadText(5, t)).toBe('5 дней');
    expect(daysAheadText(14, t)).toBe('14 дней и больше');
  });
});

describe('mix', () => {
  it('gives shares of what went out beside the target', () => {
    const parts = mixParts({ official: 2, useful: 1, entertaining: 1 }, { official: 40, useful: 40, entertaining: 20 }, t);
    expect(parts.map((p) => [p.percent, p.target])).toEqual([
      [50, 40],
      [25, 40],
      [25, 20],
    ]);
    expect(mixSummary(parts, t)).toBe('Официальное 50 % (цель 40 %), Полезное 25 % (цель 40 %), Развлекательное 25 % (цель 20 %)');
  });

  it('says when nothing went out', () => {
    expect(mixSummary(mixParts({ official: 0, useful: 0, entertaining: 0 }, null, t), t)).toBe('публикаций не было');
    expect(mixSummary(mixParts({ official: 0, useful: 0, entertaining: 0 }, { official: 40, useful: 40, entertaining: 20 }, t), t)).toBe(
      'публикаций не было; цель: официальное 40 %, полезное 40 %, развлекательное 20 %',
    );
  });
});

describe('times', () => {
  it('shows an instant in the organization zone', () => {
    expect(shortDateTime('2026-08-28T05:12:40.000Z', 'Asia/Sakhalin', 'ru-RU')).toBe('28.08.2026, 16:12');
  });

  it('writes a week as its first and last day', () => {
    expect(weekRange('2026-08-31', '2026-09-06', 'ru-RU')).toBe('31.08–06.09');
  });

  it('finds the previous month in the zone, across a new year', () => {
    expect(previousMonth(new Date('2026-09-15T00:00:00Z'), 'Europe/Moscow')).toBe('2026-08');
    expect(previousMonth(new Date('2026-01-10T00:00:00Z'), 'Europe/Moscow')).toBe('2025-12');
    // 31 August 20:00 UTC is already 1 September on Sakhalin.
    expect(previousMonth(new Date('2026-08-31T20:00:00Z'), 'Asia/Sakhalin')).toBe('2026-08');
  });

  it('offers the months a report may cover, newest first, named in Russian', () => {
    expect(reportMonths(new Date('2026-02-10T00:00:00Z'), 'Europe/Moscow', 3, 'ru-RU')).toEqual([
      { value: '2026-02', label: 'февраль 2026' },
      { value: '2026-01', label: 'январь 2026' },
      { value: '2025-12', label: 'декабрь 2025' },
    ]);
  });
});

describe('in English', () => {
  it('says the week, the shortfall and the days in English plurals', () => {
    expect(weekText({ weeklyMinimum: 5, publishedThisWeek: 3, scheduledRestOfWeek: 1, shortfall: 1 }, en)).toEqual({
      count: '3 of 5',
      planned: '1 more planned',
      forecast: '1 publication short by Sunday unless more are planned',
      short: true,
    });
    expect(shortfallText(2, en)).toBe('2 publications short by Sunday unless more are planned');
    expect(daysAheadText(0, en)).toBe('none');
    expect(daysAheadText(1, en)).toBe('1 day');
    expect(daysAheadText(14, en)).toBe('14 days or more');
  });

  it('writes the mix, dates and months the British way', () => {
    const parts = mixParts({ official: 2, useful: 1, entertaining: 1 }, { official: 40, useful: 40, entertaining: 20 }, en);
    expect(mixSummary(parts, en)).toBe('Official 50% (target 40%), Useful 25% (target 40%), Entertaining 25% (target 20%)');
    expect(shortDateTime('2026-08-28T05:12:40.000Z', 'Asia/Sakhalin', 'en-GB')).toBe('28/08/2026, 16:12');
    expect(weekRange('2026-08-31', '2026-09-06', 'en-GB')).toBe('31/08–06/09');
    expect(reportMonths(new Date('2026-02-10T00:00:00Z'), 'Europe/Moscow', 2, 'en-GB').map((m) => m.label)).toEqual(['February 2026', 'January 2026']);
  });
});
