import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { PublicationEvent, PublishingEvents } from './publishing-events';

const event = (publicationId: string, status: PublicationEvent['status'] = 'published'): PublicationEvent => ({
  publicationId,
  postId: 'post',
  channelId: 'channel',
  organizationId: 'org',
  platform: 'vk',
  status,
  outcome: status,
});

/** A DataSource whose transaction runs the work, then commits, or fails its commit when told to. */
const dataSource = (commit: 'ok' | 'fails'): DataSource =>
  ({
    transaction: async <T>(work: (m: EntityManager) => Promise<T>): Promise<T> => {
      const result = await work({} as EntityManager);
      if (commit === 'fails') throw new Error('could not serialize access');
      return result;
    },
  }) as unknown as DataSource;

describe('PublishingEvents.afterCommit', () => {
  const bus = () => {
    const events = new PublishingEvents();
    const heard: string[] = [];
    events.subscribe({
      onPublication: (e) => void heard.push(`${e.publicationId}:${e.status}`),
      onChannelNeedsAttention: (e) => void heard.push(`channel ${e.channelId}`),
      onOutcomeDropped: (e) => void heard.push(`dropped ${e.publicationId}`),
    });
    return { events, heard };
  };

  it('announces what the transaction decided only once it has committed, in the order decided', async () => {
    const { events, heard } = bus();
    const result = await events.afterCommit(dataSource('ok'), async ({ held }) => {
      held.publication(event('a', 'failed'));
      held.channelNeedsAttention({ channelId: 'c', organizationId: 'org', reason: 'токен отозван' });
      held.publication(event('b'));
      expect(heard).toEqual([]);
      return 42;
    });
    expect(result).toBe(42);
    expect(heard).toEqual(['a:failed', 'channel c', 'b:published']);
  });

  it('announces nothing when the transaction rolls back or its commit fails', async () => {
    const { events, heard } = bus();
    await expect(
      events.afterCommit(dataSource('ok'), async ({ held }) => {
        held.publication(event('a'));
        throw new Error('deadlock detected');
      }),
    ).rejects.toThrow('deadlock detected');
    await expect(events.afterCommit(dataSource('fails'), async ({ held }) => held.publication(event('b')))).rejects.toThrow('could not serialize access');
    expect(heard).toEqual([]);
  });

  it('says and counts a dropped late write; a failing listener is logged, never thrown', async () => {
    const { events, heard } = bus();
    events.subscribe({
      onOutcomeDropped: () => {
        throw new Error('listener broke');
      },
    });
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      await events.outcomeDropped({ publicationId: 'p', postId: 'post', channelId: 'channel', platform: 'ok', phase: 'sending', claimToken: 3, write: 'outcome', status: 'published', outcome: 'published', url: 'https://ok.ru/group/1/topic/2' });
      expect(warn).toHaveBeenCalledWith('publication p: outcome "published" (https://ok.ru/group/1/topic/2) dropped, its claim (sending, token 3) was taken back meanwhile');
      expect(heard).toEqual(['dropped p']);
      expect(error).toHaveBeenCalledWith(expect.stringContaining('listener broke'));
    } finally {
      warn.mockRestore();
      error.mockRestore();
    }
  });
});
