import { minimumWarningNotice, plural, publicationsCount } from './notification-texts';

describe('minimum warning texts', () => {
  it('writes Russian plural forms', () => {
    expect([1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111].map(publicationsCount)).toEqual([
      '1 публикация',
      '2 публикации',
      '4 публикации',
      '5 публикаций',
      '11 публикаций',
      '12 публикаций',
      '14 публикаций',
      '21 публикация',
      '22 публикации',
      '25 публикаций',
      '101 публикация',
      '111 публикаций',
    ]);
    expect(plural(0, ['день', 'дня', 'дней'])).toBe('0 дней');
  });

  it('names the page, its organization, the minimum and how many more to plan', () => {
    const text = (shortfall: number, minimum: number) =>
      minimumWarningNotice({ channel: { name: 'ВК школы', platform: 'vk' }, organizationName: 'Школа № 1', minimum, published: 1, scheduled: 0, shortfall, weekEnds: 'воскресенье, 20 января' });
    const { title, body } = text(2, 3);
    expect(title).toBe('Не хватает публикаций на неделе: «ВК школы»');
    expect(body).toContain('Страница «ВК школы» (ВКонтакте) организации «Школа № 1» не наберёт недельный минимум — 3 публикации.');
    expect(body).toContain('На этой неделе опубликовано: 1, ждут публикации: 0. Неделя заканчивается: воскресенье, 20 января.');
    expect(body).toContain('запланируйте на эту неделю ещё 2 публикации');
    expect(text(1, 1).body).toContain('минимум — 1 публикация.');
    expect(text(1, 1).body).toContain('ещё 1 публикацию');
    expect(text(5, 5).body).toContain('ещё 5 публикаций');
  });
});
