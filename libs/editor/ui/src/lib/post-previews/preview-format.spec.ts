import { testTranslator } from '@vestnik/editor/i18n/testing';
import { avatarHue, domainOf, initialsOf, plainTextSegments, platformTime } from './preview-format';

describe('preview format', () => {
  it('draws initials from the first two words of a name', () => {
    expect(initialsOf('Минобр Сахалина')).toBe('МС');
    expect(initialsOf('«Школа № 5»')).toBe('Ш5');
    expect(initialsOf('')).toBe('•');
    expect(avatarHue('Минобр')).toBe(avatarHue('Минобр'));
  });

  it('turns addresses in plain text into links without the punctuation after them', () => {
    expect(plainTextSegments('Сайт: https://minobr.gov.ru/news. Звоните')).toEqual([
      { kind: 'text', text: 'Сайт: ' },
      { kind: 'link', text: 'https://minobr.gov.ru/news', href: 'https://minobr.gov.ru/news' },
      { kind: 'text', text: '. Звоните' },
    ]);
    expect(plainTextSegments('см. (https://a.ru/x_(1))')[1]).toEqual({ kind: 'link', text: 'https://a.ru/x_(1)', href: 'https://a.ru/x_(1)' });
  });

  it('names a link by its host', () => {
    expect(domainOf('https://www.gosuslugi.ru/help')).toBe('gosuslugi.ru');
    expect(domainOf('не адрес')).toBe('не адрес');
  });

  it('writes times as each platform does, in the organization’s zone', () => {
    const t = testTranslator('ru');
    const at = new Date('2026-08-31T23:00:00Z');
    const now = new Date('2026-08-20T00:00:00Z');
    expect(platformTime(at, 'Asia/Sakhalin', now, 'vk', t)).toBe('1 сен в 10:00');
    expect(platformTime(at, 'Europe/Moscow', now, 'vk', t)).toBe('1 сен в 02:00');
    expect(platformTime(at, 'Asia/Sakhalin', now, 'ok', t)).toBe('1 сен 10:00');
    expect(platformTime(at, 'Asia/Sakhalin', now, 'telegram', t)).toBe('10:00');
    expect(platformTime(at, 'Asia/Sakhalin', now, 'telegram-day', t)).toBe('1 сентября');
    expect(platformTime(at, 'Asia/Sakhalin', new Date('2025-12-01T00:00:00Z'), 'vk', t)).toBe('1 сен 2026 в 10:00');
  });

  it('writes them the English way when the interface is in English', () => {
    const en = testTranslator('en');
    const at = new Date('2026-08-31T23:00:00Z');
    const now = new Date('2026-08-20T00:00:00Z');
    expect(platformTime(at, 'Asia/Sakhalin', now, 'vk', en)).toBe('1 Sep at 10:00');
    expect(platformTime(at, 'Asia/Sakhalin', now, 'ok', en)).toBe('1 Sep 10:00');
    expect(platformTime(at, 'Asia/Sakhalin', new Date('2025-12-01T00:00:00Z'), 'telegram-day', en)).toBe('1 September 2026');
  });
});
