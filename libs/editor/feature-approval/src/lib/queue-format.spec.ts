import type { PublicationView } from '@vestnik/contracts';
import { testTranslator } from '@vestnik/editor/i18n/testing';
import { channelsByPlatform, formatWhen, KeyPress, neighbourAfter, refusalShort, shortcutOf, stepFrom, waited } from './queue-format';

const t = testTranslator('ru');
const en = testTranslator('en');

const key = (k: string, over: Partial<KeyPress> = {}): KeyPress => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, typing: false, inList: false, ...over });
const publication = (platform: PublicationView['platform']) => ({ platform }) as PublicationView;

describe('queue shortcuts', () => {
  it('moves with j/k anywhere and with the arrows only in the list', () => {
    expect(shortcutOf(key('j'))).toBe('next');
    expect(shortcutOf(key('k'))).toBe('previous');
    expect(shortcutOf(key('ArrowDown'))).toBeNull();
    expect(shortcutOf(key('ArrowDown', { inList: true }))).toBe('next');
    expect(shortcutOf(key('ArrowUp', { inList: true }))).toBe('previous');
  });

  it('approves with a and sends back with r, also on the Russian layout', () => {
    expect(shortcutOf(key('a'))).toBe('approve');
    expect(shortcutOf(key('r'))).toBe('reject');
    expect(shortcutOf(key('ф'))).toBe('approve');
    expect(shortcutOf(key('к'))).toBe('reject');
    expect(shortcutOf(key('о'))).toBe('next');
    expect(shortcutOf(key('л'))).toBe('previous');
  });

  it('leaves keys alone while typing or with a modifier', () => {
    expect(shortcutOf(key('a', { typing: true }))).toBeNull();
    expect(shortcutOf(key('r', { ctrlKey: true }))).toBeNull();
    expect(shortcutOf(key('j', { metaKey: true }))).toBeNull();
    expect(shortcutOf(key('k', { altKey: true }))).toBeNull();
    expect(shortcutOf(key('x'))).toBeNull();
    expect(shortcutOf(key('A'))).toBeNull();
  });
});

describe('moving through the queue', () => {
  const ids = ['a', 'b', 'c'];

  it('shows the next post after one leaves, else the previous, else none', () => {
    expect(neighbourAfter(ids, 'a')).toBe('b');
    expect(neighbourAfter(ids, 'b')).toBe('c');
    expect(neighbourAfter(ids, 'c')).toBe('b');
    expect(neighbourAfter(['a'], 'a')).toBeNull();
    expect(neighbourAfter(ids, 'gone')).toBe('a');
  });

  it('steps one post and stays at the ends', () => {
    expect(stepFrom(ids, 'a', 1)).toBe('b');
    expect(stepFrom(ids, 'c', 1)).toBe('c');
    expect(stepFrom(ids, 'a', -1)).toBe('a');
    expect(stepFrom(ids, null, 1)).toBe('a');
    expect(stepFrom([], 'a', 1)).toBeNull();
  });
});

describe('queue texts', () => {
  it('counts pages by platform in the usual order', () => {
    const post = { publications: [publication('telegram'), publication('vk'), publication('telegram'), publication('vk'), publication('vk')] };
    expect(channelsByPlatform(post)).toEqual([
      { platform: 'vk', count: 3 },
      { platform: 'telegram', count: 2 },
    ]);
    expect(channelsByPlatform({ publications: [] })).toEqual([]);
  });

  it('counts channels with the plural forms of each language', () => {
    expect([1, 2, 5, 11, 21, 22, 112].map((count) => t('common.count.channels', { count }))).toEqual(['1 канал', '2 канала', '5 каналов', '11 каналов', '21 канал', '22 канала', '112 каналов']);
    expect([1, 3].map((count) => en('common.count.channels', { count }))).toEqual(['1 channel', '3 channels']);
  });

  it('writes times in the organization zone, with the year only when it is another', () => {
    const now = new Date('2026-12-03T00:00:00Z');
    expect(formatWhen('2026-12-04T23:00:00.000Z', 'Asia/Sakhalin', 'ru-RU', now)).toBe('5 декабря в 10:00');
    expect(formatWhen('2026-12-04T23:00:00.000Z', 'Europe/Moscow', 'ru-RU', now)).toBe('5 декабря в 02:00');
    expect(formatWhen('2027-01-10T07:00:00.000Z', 'Europe/Moscow', 'ru-RU', now)).toBe('10 января 2027 г. в 10:00');
    expect(formatWhen('2026-12-04T23:00:00.000Z', 'Asia/Sakhalin', 'en-GB', now)).toBe('5 December at 10:00');
  });

  it('says how long a post has waited', () => {
    const now = new Date('2026-12-03T12:00:00Z');
    expect(waited('2026-12-03T11:55:00Z', t, now)).toBe('5 мин');
    expect(waited('2026-12-03T09:00:00Z', t, now)).toBe('3 ч');
    expect(waited('2026-11-30T12:00:00Z', t, now)).toBe('3 дн.');
    expect(waited(null, t, now)).toBeNull();
    expect(waited('2026-11-30T12:00:00Z', en, now)).toBe('3 days');
  });

  it('names a refusal in a few words for the list', () => {
    expect(refusalShort(null, t)).toBeNull();
    expect(refusalShort('four_eyes', t)).toBe('Нужен другой руководитель');
    expect(refusalShort('something_new', t)).toBe('Согласовать нельзя');
    expect(refusalShort('four_eyes', en)).toBe('Needs another supervisor');
  });
});
