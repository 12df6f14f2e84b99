import { FOUNDATION_SCHEMA, SchemaPart } from '@vestnik/server/persistence';
import { AUTH_SCHEMA } from '@vestnik/server/auth';
import { ORGANIZATIONS_SCHEMA } from '@vestnik/server/organizations';
import { CHANNELS_SCHEMA } from '@vestnik/server/channels';
import { POSTS_SCHEMA } from '@vestnik/server/posts';
import { MEDIA_SCHEMA } from '@vestnik/server/media';
import { PUBLISHING_SCHEMA } from '@vestnik/server/publishing';
import { NOTIFICATIONS_SCHEMA } from '@vestnik/server/notifications';
import { COORDINATION_SCHEMA } from '@vestnik/server/coordination';
import { PLANS_SCHEMA } from '@vestnik/server/plans';

/** Every context's tables; each context owns its entities and migrations. */
export const SCHEMA: SchemaPart[] = [FOUNDATION_SCHEMA, AUTH_SCHEMA, ORGANIZATIONS_SCHEMA, CHANNELS_SCHEMA, POSTS_SCHEMA, MEDIA_SCHEMA, PUBLISHING_SCHEMA, NOTIFICATIONS_SCHEMA, COORDINATION_SCHEMA, PLANS_SCHEMA];
