/** What is known of a channel's publications, for its view. */
export interface ChannelActivityFacts {
  lastPublishedAt: Date | null;
  /** Posts chosen for the channel that have not gone out yet. */
  upcoming: number;
}

/**
 * The posts context's answer to "what went out, and what is waiting, on these channels?", in one
 * call for a whole list. Wired by the application: channels do not read the posts' tables.
 */
export abstract class ChannelActivity {
  /** Facts per channel id; a channel absent from the map has published nothing and awaits nothing. */
  abstract of(channelIds: readonly string[]): Promise<Map<string, ChannelActivityFacts>>;
}

export const NO_ACTIVITY: ChannelActivityFacts = { lastPublishedAt: null, upcoming: 0 };
