import type { ChannelRefView } from '@vestnik/contracts';
import type { RevisionContent } from './entities/post-revision.entity';
import { compareContents } from './post-changes';

const channels = new Map<string, ChannelRefView>([
  ['c-vk', { id: 'c-vk', name: 'ВК министерства', platform: 'vk' }],
  ['c-tg', { id: 'c-tg', name: 'Телеграм министерства', platform: 'telegram' }],
  ['c-ok', { id: 'c-ok', name: 'Одноклассники министерства', platform: 'ok' }],
]);
const lookup = (id: string) => channels.get(id);

const content = (over: Partial<RevisionContent> = {}): RevisionContent => ({
  rubric: 'official',
  title: 'Приём граждан',
  text: 'Приём граждан в пятницу.',
  link: null,
  mediaIds: ['m1', 'm2'],
  variants: {},
  channelIds: ['c-tg', 'c-vk'],
  scheduledAt: '2026-08-31T23:00:00.000Z',
  ...over,
});

describe('compareContents', () => {
  it('finds nothing changed between equal contents', () => {
    const same = compareContents(content(), content(), lookup, 'Asia/Sakhalin');
    expect(same.changed).toBe(false);
    expect(same.text).toEqual({ changed: false, segments: [{ op: 'equal', text: 'Приём граждан в пятницу.' }] });
    expect(same.channels).toEqual({ added: [], removed: [], kept: 2 });
    expect(same.images).toEqual({ added: [], removed: [], reordered: false });
    expect(same.scheduledAt).toEqual({ changed: false, before: '2026-08-31T23:00:00.000Z', beforeLocal: '2026-09-01T10:00:00+11:00', after: '2026-08-31T23:00:00.000Z', afterLocal: '2026-09-01T10:00:00+11:00' });
  });

  it('sees images reordered, added and removed, and pages by name', () => {
    const c = compareContents(content(), content({ mediaIds: ['m3', 'm2', 'm1'], channelIds: ['c-ok', 'c-vk'] }), lookup, 'UTC');
    expect(c.images).toEqual({ added: ['m3'], removed: [], reordered: true });
    expect(c.channels).toEqual({ added: [channels.get('c-ok')], removed: [channels.get('c-tg')], kept: 1 });
    expect(c.changed).toBe(true);
    expect(compareContents(content(), content({ mediaIds: ['m1'] }), lookup, 'UTC').images).toEqual({ added: [], removed: ['m2'], reordered: false });
  });

  it('compares platform texts, saying which version had one', () => {
    const c = compareContents(content({ variants: { vk: { text: 'Для ВК.' } } }), content({ variants: { telegram: { text: 'Для Телеграма.' } } }), lookup, 'UTC');
    expect(c.variants).toEqual([
      { platform: 'vk', before: true, after: false, changed: true, segments: [{ op: 'delete', text: 'Для ВК.' }] },
      { platform: 'telegram', before: false, after: true, changed: true, segments: [{ op: 'insert', text: 'Для Телеграма.' }] },
    ]);
  });

  it('treats everything as new without a base', () => {
    const c = compareContents(null, content({ link: 'https://gov.ru' }), lookup, 'UTC');
    expect(c).toMatchObject({ changed: true, title: { changed: true, before: null }, link: { changed: true, before: null, after: 'https://gov.ru' }, rubric: { before: null, after: 'official' } });
    expect(c.channels.added.map((x) => x.name)).toEqual(['ВК министерства', 'Телеграм министерства']);
    expect(c.images.added).toEqual(['m1', 'm2']);
    expect(c.scheduledAt).toMatchObject({ changed: true, before: null, beforeLocal: null });
  });
});
