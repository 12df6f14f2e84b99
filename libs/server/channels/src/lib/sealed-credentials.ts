import type { SealedAt, SecretBox } from '@vestnik/server/persistence';

/** Where a channel's credentials are sealed: bound to that channel's row. */
export const channelCredentialsAt = (channelId: string): SealedAt => ({ table: 'channels', column: 'credentials', id: channelId });

export function sealChannelCredentials(box: SecretBox, channelId: string, credentials: object): string {
  return box.seal(JSON.stringify(credentials), channelCredentialsAt(channelId));
}

export function openChannelCredentials(box: SecretBox, channel: { id: string; credentials: string }): Record<string, string> {
  return JSON.parse(box.open(channel.credentials, channelCredentialsAt(channel.id))) as Record<string, string>;
}
