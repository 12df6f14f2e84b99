import type { PlanImportRowView } from '@vestnik/contracts';
import { testTranslator } from '@vestnik/editor/i18n/testing';
import { describePlanRow, localWhen } from './plan-rows';

const t = testTranslator('ru');

const row = (over: Partial<PlanImportRowView>): PlanImportRowView => ({
  line: 2,
  scheduledAt: '2027-01-15T10:00',
  organizationId: 'o',
  organizationName: 'Школа №1',
  pages: [{ id: 'c', name: 'Школа ВК', platform: 'vk' }],
  rubric: 'useful',
  title: null,
  text: 'Каникулы\nначинаются',
  link: null,
  mediaIds: [],
  verdict: 'ok',
  problems: [],
  postId: null,
  ...over,
});

describe('plan rows in words', () => {
  it('reads the local time as people write it', () => {
    expect(localWhen('2027-01-15T10:00', 'ru-RU')).toBe('15.01.2027, 10:00');
    expect(localWhen('2027-01-15T00:05', 'ru-RU')).toBe('15.01.2027, 00:05');
    expect(localWhen('2027-01-15T10:00', 'en-GB')).toBe('15/01/2027, 10:00');
    expect(localWhen(null, 'ru-RU')).toBe('—');
  });

  it('describes a ready row and a refused one, naming each problem by its column', () => {
    expect(describePlanRow(row({}), t, 'ru-RU')).toMatchObject({ when: '15.01.2027, 10:00', where: 'Школа ВК (ВКонтакте)', rubric: 'Полезное', excerpt: 'Каникулы начинаются', ok: true, outcome: 'ready' });
    const bad = describePlanRow(
      row({ verdict: 'invalid', scheduledAt: null, problems: [{ column: 'date', message: 'Дата «31.02» не существует' }, { column: 'page', message: 'не найдена' }] }),
      t,
      'ru-RU',
    );
    expect(bad).toMatchObject({ ok: false, outcome: 'invalid', when: '—', problems: ['Дата «31.02» не существует', 'Страница: не найдена'] });
  });

  it('says it in English, the platform, rubric and column too', () => {
    const en = testTranslator('en');
    expect(describePlanRow(row({ problems: [{ column: 'row', message: 'not found' }] }), en, 'en-GB')).toMatchObject({
      when: '15/01/2027, 10:00',
      where: 'Школа ВК (VK)',
      rubric: 'Useful',
      problems: ['Row: not found'],
    });
  });
});
