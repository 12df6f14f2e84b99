import type { SchemaPart } from '@vestnik/server/persistence';
import { ChannelEntity } from './lib/channel.entity';
import { Channels1764500000000 } from './lib/migrations/1764500000000-Channels';
import { ChannelOauth1764810000000 } from './lib/migrations/1764810000000-ChannelOauth';
import { ChannelTokenRenewable1765500000000 } from './lib/migrations/1765500000000-ChannelTokenRenewable';
import { MaxPlatform1766500000000 } from './lib/migrations/1766500000000-MaxPlatform';
import { ChannelOAuthConnectionEntity } from './lib/oauth/channel-oauth-connection.entity';

export * from './lib/channels.module';
export * from './lib/channels.service';
export * from './lib/channel-activity';
export * from './lib/channel-access';
export { ChannelEntity };
export { descriptor } from './lib/credentials';
export * from './lib/sealed-credentials';

export const CHANNELS_SCHEMA: SchemaPart = {
  entities: [ChannelEntity, ChannelOAuthConnectionEntity],
  migrations: [Channels1764500000000, ChannelOauth1764810000000, ChannelTokenRenewable1765500000000, MaxPlatform1766500000000],
  sealed: [
    { table: 'channels', column: 'credentials' },
    { table: 'channel_oauth_connections', column: 'credentials' },
    { table: 'channel_oauth_connections', column: 'code_verifier' },
  ],
};
