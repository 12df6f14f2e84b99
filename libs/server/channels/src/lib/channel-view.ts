import type { ChannelView } from '@vestnik/contracts';
import { NO_ACTIVITY, type ChannelActivityFacts } from './channel-activity';
import type { ChannelEntity } from './channel.entity';

export function toChannelView(c: ChannelEntity, activity: ChannelActivityFacts = NO_ACTIVITY): ChannelView {
  return {
    id: c.id,
    organizationId: c.organizationId,
    platform: c.platform,
    name: c.name,
    target: c.target,
    remoteTargetId: c.remoteTargetId,
    displayName: c.displayName,
    health: {
      state: c.state,
      lastVerifiedAt: c.lastVerifiedAt?.toISOString() ?? null,
      lastError: c.lastError,
      tokenExpiresAt: c.tokenExpiresAt?.toISOString() ?? null,
      tokenRenewable: c.tokenRenewable ?? false,
      canPost: c.canPost,
    },
    weeklyMinimum: c.weeklyMinimum,
    rubricMix: c.rubricMix,
    lastPublishedAt: activity.lastPublishedAt?.toISOString() ?? null,
    upcomingPublications: activity.upcoming,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of a channel: never its credentials. */
export function channelSummary(c: ChannelEntity): Record<string, unknown> {
  return { platform: c.platform, name: c.name, target: c.target, remoteTargetId: c.remoteTargetId, displayName: c.displayName, state: c.state, weeklyMinimum: c.weeklyMinimum, rubricMix: c.rubricMix };
}
