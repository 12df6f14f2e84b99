import type { ChannelState, ChannelView, Platform } from '@vestnik/contracts';
import {
  OrganizationBranch,
  countByPlatform,
  organizationRows,
  pagesOfOrganization,
  selectionState,
  withChannels,
} from './channel-selection';

function org(id: string, name: string, children: OrganizationBranch[] = []): OrganizationBranch {
  return { organization: { id, name }, children };
}

function channel(id: string, organizationId: string, platform: Platform, name = id, state: ChannelState = 'active'): ChannelView {
  return {
    id,
    organizationId,
    platform,
    name,
    target: `@${id}`,
    remoteTargetId: null,
    displayName: null,
    health: { state, lastVerifiedAt: null, lastError: null, tokenExpiresAt: null, canPost: state === 'active' },
    weeklyMinimum: null,
    rubricMix: null,
    createdAt: '',
    updatedAt: '',
  };
}

/** A region with a ministry page, two districts and three schools, each school on VK, OK and Telegram. */
function region() {
  const tree = org('region', 'Министерство образования', [
    org('north', 'Северный район', [org('s1', 'Школа № 1'), org('s2', 'Школа № 2')]),
    org('south', 'Южный район', [org('s3', 'Гимназия «Ёлочка»')]),
  ]);
  const channels: ChannelView[] = [channel('min-vk', 'region', 'vk', 'Минобр ВК')];
  for (const s of ['s1', 's2', 's3']) {
    channels.push(channel(`${s}-vk`, s, 'vk'), channel(`${s}-ok`, s, 'ok'), channel(`${s}-tg`, s, 'telegram'));
  }
  return { tree, channels, byId: new Map(channels.map((c) => [c.id, c])) };
}

describe('organizationRows', () => {
  it('lists the subtree depth-first with each organization’s own pages and its whole subtree’s', () => {
    const { tree, channels } = region();
    const rows = organizationRows(tree, channels, { query: '', platforms: [] });
    expect(rows.map((r) => [r.name, r.depth])).toEqual([
      ['Министерство образования', 0],
      ['Северный район', 1],
      ['Школа № 1', 2],
      ['Школа № 2', 2],
      ['Южный район', 1],
      ['Гимназия «Ёлочка»', 2],
    ]);
    const north = rows.find((r) => r.id === 'north');
    expect(north?.channels).toEqual([]);
    expect(north?.subtreeChannels.map((c) => c.id)).toEqual(['s1-vk', 's1-ok', 's1-tg', 's2-vk', 's2-ok', 's2-tg']);
  });

  it('filters by platform and hides organizations left without pages', () => {
    const { tree, channels } = region();
    const rows = organizationRows(tree, channels, { query: '', platforms: ['telegram'] });
    expect(rows.flatMap((r) => r.channels.map((c) => c.id))).toEqual(['s1-tg', 's2-tg', 's3-tg']);
    expect(rows[0].subtreeChannels).toHaveLength(3);
  });

  it('finds pages by the name of their organization or of one above it, ignoring case and «ё»', () => {
    const { tree, channels } = region();
    const bySchool = organizationRows(tree, channels, { query: 'елочка', platforms: [] });
    expect(bySchool.flatMap((r) => r.channels.map((c) => c.id))).toEqual(['s3-vk', 's3-ok', 's3-tg']);
    const byDistrict = organizationRows(tree, channels, { query: 'Северный -vk', platforms: [] });
    expect(byDistrict.flatMap((r) => r.channels.map((c) => c.id))).toEqual(['s1-vk', 's2-vk']);
    const byDistrictAndName = organizationRows(tree, channels, { query: 'северный s2', platforms: [] });
    expect(byDistrictAndName.flatMap((r) => r.channels.map((c) => c.id))).toEqual(['s2-vk', 's2-ok', 's2-tg']);
  });

  it('puts pages of organizations the tree does not show under the root instead of losing them', () => {
    const { tree, channels } = region();
    const rows = organizationRows(tree, [...channels, channel('archived-vk', 'archived-org', 'vk')], { query: '', platforms: [] });
    expect(rows[0].channels.map((c) => c.id)).toEqual(['min-vk', 'archived-vk']);
  });
});

describe('choosing pages', () => {
  it('chooses every school’s VK and Telegram in one tick of the region with two platforms shown', () => {
    const { tree, channels, byId } = region();
    const rows = organizationRows(tree, channels, { query: 'школа', platforms: ['vk', 'telegram'] });
    // «школа» matches two schools; a tick of the root takes what the filter shows in its whole subtree.
    const selected = withChannels([], pagesOfOrganization(rows[0], true), true);
    expect(selected).toEqual(['s1-vk', 's1-tg', 's2-vk', 's2-tg']);
    expect(countByPlatform(selected, byId)).toEqual({ vk: 2, ok: 0, telegram: 2, max: 0 });
  });

  it('ticks an organization without its sub-organizations when asked to', () => {
    const { tree, channels } = region();
    const rows = organizationRows(tree, channels, { query: '', platforms: [] });
    expect(pagesOfOrganization(rows[0], false)).toEqual(['min-vk']);
    expect(pagesOfOrganization(rows[0], true)).toHaveLength(10);
  });

  it('leaves disabled pages out of whole-organization ticks', () => {
    const { tree } = region();
    const channels = [channel('a', 's1', 'vk'), channel('b', 's1', 'ok', 'b', 'disabled')];
    const rows = organizationRows(tree, channels, { query: '', platforms: [] });
    expect(pagesOfOrganization(rows[0], true)).toEqual(['a']);
  });

  it('adds without duplicates and removes only the given pages, keeping the order chosen', () => {
    expect(withChannels(['b', 'a'], ['a', 'c', 'c'], true)).toEqual(['b', 'a', 'c']);
    expect(withChannels(['b', 'a', 'c'], ['a', 'x'], false)).toEqual(['b', 'c']);
  });

  it('tells whether a group is chosen wholly, partly or not at all', () => {
    const selected = new Set(['a', 'b']);
    expect(selectionState(['a', 'b'], selected)).toBe('all');
    expect(selectionState(['a', 'c'], selected)).toBe('some');
    expect(selectionState(['c'], selected)).toBe('none');
    expect(selectionState([], selected)).toBe('none');
  });

  it('counts chosen pages by platform, ignoring ids no longer listed', () => {
    const { byId } = region();
    expect(countByPlatform(['s1-vk', 's2-vk', 's1-tg', 'gone', 's1-vk'], byId)).toEqual({ vk: 2, ok: 0, telegram: 1, max: 0 });
  });
});
