import type { AttentionPublicationView } from '@vestnik/contracts';
import { countByStatus, groupByPost } from './attention-groups';

let n = 0;
function item(postId: string, status: AttentionPublicationView['status'], channelName = `Страница ${++n}`): AttentionPublicationView {
  return {
    id: `pub-${++n}`,
    postId,
    postTitle: postId === 'p1' ? 'День знаний' : null,
    postText: `Текст ${postId}`,
    scheduledAt: '2026-08-31T23:00:00.000Z',
    organizationId: 'org',
    channelId: `ch-${n}`,
    channelName,
    platform: 'vk',
    status,
    remoteId: null,
    url: null,
    attempts: 1,
    lastError: null,
    publishedAt: null,
  };
}

describe('attention list grouping', () => {
  const items = [item('p1', 'failed'), item('p2', 'unconfirmed'), item('p1', 'missed'), item('p1', 'failed'), item('p3', 'missed')];

  it('gathers publications by post in the order of their latest change', () => {
    const groups = groupByPost(items);
    expect(groups.map((g) => [g.postId, g.publications.length])).toEqual([
      ['p1', 3],
      ['p2', 1],
      ['p3', 1],
    ]);
    expect(groups[0]).toMatchObject({ postTitle: 'День знаний', postText: 'Текст p1' });
  });

  it('keeps only the chosen status, and drops posts left without publications', () => {
    expect(groupByPost(items, 'missed').map((g) => [g.postId, g.publications.map((p) => p.status)])).toEqual([
      ['p1', ['missed']],
      ['p3', ['missed']],
    ]);
    expect(groupByPost(items, 'unconfirmed').map((g) => g.postId)).toEqual(['p2']);
  });

  it('counts each status for the filter buttons', () => {
    expect(countByStatus(items)).toEqual({ all: 5, failed: 2, unconfirmed: 1, missed: 2 });
  });
});
