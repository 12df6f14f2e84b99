import { ariaSort, filterQueryParams, parseDashboardParams, sortQueryParams } from './dashboard-filters';

describe('parseDashboardParams', () => {
  it('reads a shared link', () => {
    expect(parseDashboardParams({ organization: 'o2', platform: 'vk', risk: '1', q: ' школа ', sort: 'shortfall', order: 'asc', offset: '50', chart: 'c1' })).toEqual({
      organization: 'o2',
      platform: 'vk',
      atRiskOnly: true,
      search: 'школа',
      sort: 'shortfall',
      order: 'asc',
      offset: 50,
      chart: 'c1',
    });
  });

  it('falls back to the defaults on anything unknown', () => {
    expect(parseDashboardParams({ platform: 'myspace', sort: 'drop table', order: 'up', offset: '-3' })).toEqual({
      organization: null,
      platform: null,
      atRiskOnly: false,
      search: '',
      sort: 'atRisk',
      order: 'desc',
      offset: 0,
      chart: null,
    });
    expect(parseDashboardParams({ sort: 'channelName' }).order).toBe('asc');
  });
});

describe('sorting', () => {
  it('turns the order round on the same column and starts a new one with its own order', () => {
    expect(sortQueryParams({ sort: 'channelName', order: 'asc' }, 'channelName')).toEqual({ sort: 'channelName', order: 'desc', offset: null });
    expect(sortQueryParams({ sort: 'channelName', order: 'asc' }, 'shortfall')).toEqual({ sort: 'shortfall', order: 'desc', offset: null });
    expect(sortQueryParams({ sort: 'channelName', order: 'asc' }, 'atRisk')).toEqual({ sort: null, order: null, offset: null });
    expect(sortQueryParams({ sort: 'atRisk', order: 'desc' }, 'atRisk')).toEqual({ sort: 'atRisk', order: 'asc', offset: null });
  });

  it('marks only the sorted column', () => {
    expect(ariaSort({ sort: 'shortfall', order: 'desc' }, 'shortfall')).toBe('descending');
    expect(ariaSort({ sort: 'shortfall', order: 'asc' }, 'shortfall')).toBe('ascending');
    expect(ariaSort({ sort: 'shortfall', order: 'asc' }, 'platform')).toBeNull();
  });
});

describe('filterQueryParams', () => {
  it('leaves defaults out of the address and goes back to the first rows', () => {
    expect(filterQueryParams({ atRiskOnly: true, search: '  ' })).toEqual({ offset: null, risk: '1', q: null });
    expect(filterQueryParams({ platform: null, organization: 'o3' })).toEqual({ offset: null, platform: null, organization: 'o3' });
  });
});
