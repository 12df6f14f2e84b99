import type { SchemaPart } from '@vestnik/server/persistence';
import { ChannelEntity } from './lib/channel.entity';
import { Channels1764500000000 } from './lib/migrations/1764500000000-Channels';

export * from './lib/channels.module';
export * from './lib/channels.service';
export { ChannelEntity };
export { descriptor } from './lib/credentials';

export const CHANNELS_SCHEMA: SchemaPart = { entities: [ChannelEntity], migrations: [Channels1764500000000] };
