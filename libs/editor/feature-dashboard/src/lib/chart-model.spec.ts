import { testTranslator } from '@vestnik/editor/i18n/testing';
import { chartOption, chartTable, rubricShares, weekLabel, type ChartModel } from './chart-model';

const t = testTranslator('ru');

const weekly: ChartModel = {
  kind: 'weekly',
  title: 'Публикации по неделям',
  weeks: [
    { weekStart: '2026-08-24', published: 2, scheduled: 0, minimum: 3 },
    { weekStart: '2026-08-31', published: 1, scheduled: 2, minimum: 3 },
  ],
};

const mix: ChartModel = {
  kind: 'mix',
  title: 'Рубрики за 4 недели',
  rubrics: [
    { rubric: 'official', count: 2, targetPercent: 40 },
    { rubric: 'useful', count: 1, targetPercent: 40 },
    { rubric: 'entertaining', count: 1, targetPercent: 20 },
  ],
};

describe('chart model', () => {
  it('labels a week by its Monday, day first', () => {
    expect(weekLabel('2026-08-31', 'ru-RU')).toBe('31.08');
    expect(weekLabel('2026-08-31', 'en-GB')).toBe('31/08');
  });

  it('turns rubric counts into rounded shares, zeros without posts', () => {
    expect(rubricShares(mix.kind === 'mix' ? mix.rubrics : [])).toEqual({ official: 50, useful: 25, entertaining: 25 });
    expect(rubricShares([{ rubric: 'official', count: 0, targetPercent: null }])).toEqual({ official: 0, useful: 0, entertaining: 0 });
  });

  it('draws published and planned posts as stacked bars and the minimum as a line, and leaves the line out when no week has one', () => {
    const option = chartOption(weekly, false, t, 'ru-RU') as { series: Array<{ name: string; type: string; data: unknown[] }> };
    expect(option.series.map((s) => [s.name, s.type])).toEqual([
      ['Вышло', 'bar'],
      ['Запланировано', 'bar'],
      ['Минимум', 'line'],
    ]);
    expect(option.series.map((s) => s.data)).toEqual([
      [2, 1],
      [0, 2],
      [3, 3],
    ]);
    const none = chartOption({ ...weekly, weeks: [{ weekStart: '2026-08-24', published: 1, scheduled: 0, minimum: null }] } as ChartModel, false, t, 'ru-RU') as { series: unknown[] };
    expect(none.series).toHaveLength(1);
  });

  it('puts the actual shares beside the target', () => {
    const option = chartOption(mix, false, t, 'ru-RU') as { series: Array<{ name: string; data: unknown[] }> };
    expect(option.series.map((s) => s.data)).toEqual([
      [50, 25, 25],
      [40, 40, 20],
    ]);
  });

  it('gives screen readers the same numbers as a table', () => {
    expect(chartTable(weekly, t, 'ru-RU')).toEqual({
      columns: ['Неделя с', 'Вышло', 'Запланировано', 'Минимум'],
      rows: [
        ['24.08', '2', '0', '3'],
        ['31.08', '1', '2', '3'],
      ],
    });
    expect(chartTable(mix, t, 'ru-RU').rows[0]).toEqual(['Официальное', '2', '50', '40']);
  });
});

describe('chart model in English', () => {
  const en = testTranslator('en');

  it('names the series, axes and table in English', () => {
    const option = chartOption(weekly, false, en, 'en-GB') as { series: Array<{ name: string }>; xAxis: { data: string[] } };
    expect(option.series.map((s) => s.name)).toEqual(['Published', 'Scheduled', 'Minimum']);
    expect(option.xAxis.data).toEqual(['24/08', '31/08']);
    const shares = chartOption(mix, false, en, 'en-GB') as { xAxis: { data: string[] }; yAxis: { axisLabel: { formatter: (v: number) => string } } };
    expect(shares.xAxis.data).toEqual(['Official', 'Useful', 'Entertaining']);
    expect(shares.yAxis.axisLabel.formatter(40)).toBe('40%');
    expect(chartTable(mix, en, 'en-GB').columns).toEqual(['Rubric', 'Published over 4 weeks', 'Share, %', 'Target, %']);
  });
});
