import { localTime, reviewOutcomeNotice, reviewRequestNotice } from './notification-texts';

describe('review notice texts', () => {
  const when = localTime(new Date('2026-08-31T23:00:00Z'), 'Asia/Sakhalin');

  it('writes the time in the organization zone, naming the zone and its offset', () => {
    expect(when).toBe('1 сентября 2026 г. в 10:00 (Asia/Sakhalin, UTC+11:00)');
    expect(localTime(new Date('2026-01-10T09:30:00Z'), 'UTC')).toBe('10 января 2026 г. в 09:30 (UTC, UTC)');
  });

  it('asks for a review, saying who sent it, when it goes out and what to do', () => {
    const asked = reviewRequestNotice({ label: 'День знаний', organizationName: 'Школа №3', sentByName: 'Ирина Петрова', how: 'submitted', when });
    expect(asked.title).toBe('Ждёт согласования: «День знаний»');
    expect(asked.body.split('\n')).toEqual([
      'Запись «День знаний» организации «Школа №3» ждёт вашего согласования.',
      'Кто отправил: Ирина Петрова.',
      'Время публикации: 1 сентября 2026 г. в 10:00 (Asia/Sakhalin, UTC+11:00).',
      'Что сделать: откройте раздел «На согласовании», посмотрите, что изменилось, и согласуйте запись или верните её на доработку с комментарием.',
    ]);
    const again = reviewRequestNotice({ label: 'День знаний', organizationName: 'Школа №3', sentByName: 'Олег Смирнов', how: 'edited_after_approval', when });
    expect(again.body).toContain('Согласованную запись «День знаний» организации «Школа №3» изменили, и она снова ждёт согласования');
    expect(again.body).toContain('Кто изменил: Олег Смирнов.');
  });

  it('tells the author who approved the post and where it goes, or why it came back', () => {
    const approved = reviewOutcomeNotice({ label: 'День знаний', reviewerName: 'Олег Смирнов', outcome: 'approved', comment: null, when, channelCount: 21 });
    expect(approved.title).toBe('Согласовано: «День знаний»');
    expect(approved.body).toContain('Выйдет 1 сентября 2026 г. в 10:00 (Asia/Sakhalin, UTC+11:00) в 21 канале.');
    const rejected = reviewOutcomeNotice({ label: 'День знаний', reviewerName: 'Олег Смирнов', outcome: 'rejected', comment: 'Добавьте фото.', when, channelCount: 2 });
    expect(rejected.title).toBe('Возвращено на доработку: «День знаний»');
    expect(rejected.body).toContain('Комментарий: Добавьте фото.');
    const long = reviewOutcomeNotice({ label: 'x', reviewerName: 'y', outcome: 'rejected', comment: 'а'.repeat(5000), when, channelCount: 1 });
    const quoted = long.body.split('\n')[1];
    expect(quoted.length).toBe('Комментарий: '.length + 1000);
    expect(quoted.endsWith('…')).toBe(true);
  });
});
