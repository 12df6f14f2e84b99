import { RUBRICS, type Platform, type PostView } from '@vestnik/contracts';
import { post } from './post-factory.spec-helper';
import { filterPosts, isFiltered, NO_FILTERS, subtreeOf, type CalendarFilters } from './calendar-filters';

const organizations = [
  { id: 'region', parentId: null },
  { id: 'district', parentId: 'region' },
  { id: 'school', parentId: 'district' },
  { id: 'ministry', parentId: 'region' },
  { id: 'loop', parentId: 'loop' },
];

function onChannel(channelId: string, platform: Platform = 'vk'): Partial<PostView> {
  return { publications: [{ id: `p-${channelId}`, channelId, channelName: channelId, platform, status: 'pending', remoteId: null, url: null, attempts: 0, lastError: null, publishedAt: null }] };
}

describe('calendar filters', () => {
  const posts = [
    post({ id: 'a', organizationId: 'region', rubric: 'official', status: 'scheduled', ...onChannel('gov-vk') }),
    post({ id: 'b', organizationId: 'district', rubric: 'useful', status: 'draft', ...onChannel('district-tg', 'telegram') }),
    post({ id: 'c', organizationId: 'school', rubric: 'entertaining', status: 'scheduled', ...onChannel('school-vk') }),
    post({ id: 'd', organizationId: 'ministry', rubric: 'official', status: 'published', ...onChannel('gov-vk') }),
  ];
  const ids = (filters: Partial<CalendarFilters>, within: ReadonlySet<string> | null = null) => filterPosts(posts, { ...NO_FILTERS, ...filters }, within).map((p) => p.id);

  it('shows everything without filters', () => {
    expect(ids({})).toEqual(['a', 'b', 'c', 'd']);
    expect(isFiltered(NO_FILTERS)).toBe(false);
  });

  it('narrows by rubrics, status and page, together', () => {
    expect(ids({ rubrics: new Set(['official']) })).toEqual(['a', 'd']);
    expect(ids({ rubrics: new Set() })).toEqual([]);
    expect(ids({ status: 'scheduled' })).toEqual(['a', 'c']);
    expect(ids({ channelId: 'gov-vk' })).toEqual(['a', 'd']);
    expect(ids({ channelId: 'gov-vk', status: 'published' })).toEqual(['d']);
    expect(isFiltered({ ...NO_FILTERS, rubrics: new Set(RUBRICS.slice(1)) })).toBe(true);
    expect(isFiltered({ ...NO_FILTERS, channelId: 'gov-vk' })).toBe(true);
  });

  it('narrows to a sub-organization with its own subtree', () => {
    expect([...subtreeOf('district', organizations)].sort()).toEqual(['district', 'school']);
    expect([...subtreeOf('region', organizations)].sort()).toEqual(['district', 'ministry', 'region', 'school']);
    expect([...subtreeOf('school', organizations)]).toEqual(['school']);
    expect([...subtreeOf('loop', organizations)]).toEqual(['loop']);
    expect(ids({ organizationId: 'district' }, subtreeOf('district', organizations))).toEqual(['b', 'c']);
    expect(ids({ organizationId: 'district', rubrics: new Set(['useful']) }, subtreeOf('district', organizations))).toEqual(['b']);
  });

  it('filters 600 posts in one pass, leaving the loaded list untouched', () => {
    const many = Array.from({ length: 600 }, (_, i) => post({ rubric: RUBRICS[i % 3], status: i % 2 ? 'draft' : 'scheduled' }));
    const shown = filterPosts(many, { ...NO_FILTERS, rubrics: new Set(['useful']), status: 'draft' }, null);
    expect(shown).toHaveLength(100);
    expect(shown.every((p) => p.rubric === 'useful' && p.status === 'draft')).toBe(true);
    expect(many).toHaveLength(600);
  });
});
