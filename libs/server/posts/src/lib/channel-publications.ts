import type { EntityManager } from 'typeorm';

/** What the posts context knows of one channel's publications. */
export interface ChannelPublicationFacts {
  /** The last time a post went out on the channel; null: never. */
  lastPublishedAt: Date | null;
  /** Publications not gone out yet and still meant to (pending, scheduled, being sent). */
  upcoming: number;
}

/**
 * The facts of many channels in one query (the channels page lists hundreds); a channel without
 * publications is answered too, with none.
 */
export async function channelPublicationFacts(manager: EntityManager, channelIds: readonly string[]): Promise<Map<string, ChannelPublicationFacts>> {
  if (!channelIds.length) return new Map();
  const rows: { id: string; last_published_at: Date | null; upcoming: number }[] = await manager.query(
    `SELECT c.id,
            (SELECT max(p.published_at) FROM publications p WHERE p.channel_id = c.id AND p.status = 'published') AS last_published_at,
            (SELECT count(*)::int FROM publications p WHERE p.channel_id = c.id AND p.status IN ('pending', 'scheduled', 'publishing')) AS upcoming
       FROM unnest($1::uuid[]) AS c(id)`,
    [channelIds],
  );
  return new Map(rows.map((r) => [r.id, { lastPublishedAt: r.last_published_at ? new Date(r.last_published_at) : null, upcoming: r.upcoming }]));
}
