import { channelNotice, inChannels, postLabel, publicationNotice } from './notification-texts';

describe('notification texts', () => {
  const vk = { name: 'ВК министерства', platform: 'vk', reason: 'Запись отклонена: слишком много ссылок.' };
  const tg = { name: 'Телеграм министерства', platform: 'telegram', reason: null };

  it('names a post by its title, or by its first words without markup', () => {
    expect(postLabel('Приём граждан', 'Текст')).toBe('Приём граждан');
    expect(postLabel(null, 'Приём граждан министром — в пятницу с **10:00**.')).toBe('Приём граждан министром — в пятницу с 10:00.');
    expect(postLabel('  ', 'Очень длинный текст новости о том, как прошёл день открытых дверей в школе номер три')).toBe('Очень длинный текст новости о том, как прошёл…');
    expect(postLabel(null, 'См. [сайт](https://gov.ru) https://gov.ru/a')).toBe('См. сайт');
    expect(postLabel(null, '**')).toBe('без текста');
    expect(postLabel(null, '['.repeat(50_000))).toBe('['.repeat(60) + '…');
    expect(postLabel(null, 'Начало ' + '[a](b'.repeat(20_000))).toBe('Начало…');
  });

  it('says where, why and what to do for one page', () => {
    const failed = publicationNotice('publication_failed', 'Приём граждан', [vk]);
    expect(failed.title).toBe('Не опубликовано: «Приём граждан»');
    expect(failed.body).toBe(
      'Запись «Приём граждан» не вышла на странице «ВК министерства» (ВКонтакте).\nПричина: Запись отклонена: слишком много ссылок.\nЧто сделать: откройте запись, устраните причину и нажмите «опубликовать снова».',
    );
    const unconfirmed = publicationNotice('publication_unconfirmed', 'Приём граждан', [tg]);
    expect(unconfirmed.title).toBe('Не подтверждено, что вышло: «Приём граждан»');
    expect(unconfirmed.body).toContain('«Телеграм министерства» (Telegram)');
    expect(unconfirmed.body).not.toContain('Причина');
    expect(unconfirmed.body).toContain('проверьте страницу и отметьте «опубликовано» или «опубликовать снова»');
    expect(publicationNotice('publication_missed', 'Приём', [vk]).title).toBe('Пропущено время публикации: «Приём»');
  });

  it('gathers many pages into one text, counting those it does not list', () => {
    const pages = Array.from({ length: 12 }, (_, i) => ({ name: `Страница ${i + 1}`, platform: 'ok', reason: 'Нет прав' }));
    const { body } = publicationNotice('publication_failed', 'Приём', pages);
    expect(body.split('\n')[0]).toBe('Запись «Приём» не опубликована в 12 каналах:');
    expect(body).toContain('— «Страница 1» (Одноклассники): Нет прав');
    expect(body).toContain('— и ещё 7');
    expect(body).not.toContain('Страница 6');
  });

  it('declines «канал» after «в»', () => {
    expect([1, 2, 5, 11, 12, 21, 101, 111].map(inChannels)).toEqual(['в 1 канале', 'в 2 каналах', 'в 5 каналах', 'в 11 каналах', 'в 12 каналах', 'в 21 канале', 'в 101 канале', 'в 111 каналах']);
  });

  it('never quotes a token from a reason', () => {
    const leaky = { name: 'Бот', platform: 'telegram', reason: 'POST https://api.telegram.org/bot777001:AAsecret-bot-token-000000/sendMessage failed; access_token=vk1.a.abcdef' };
    const { body } = publicationNotice('publication_failed', 'Приём', [leaky]);
    expect(body).not.toContain('AAsecret');
    expect(body).not.toContain('vk1.a.abcdef');
    expect(channelNotice({ ...leaky, reason: 'Bearer abc.def.ghi истёк' }).body).toContain('Причина: Bearer *** истёк.');
  });

  it('tells what to do with a page needing attention', () => {
    const n = channelNotice({ name: 'ВК министерства', platform: 'vk', reason: 'Ключ доступа отозван' });
    expect(n.title).toBe('Страница требует внимания: «ВК министерства»');
    expect(n.body).toContain('Причина: Ключ доступа отозван.');
    expect(n.body).toContain('подключите её заново');
  });
});
