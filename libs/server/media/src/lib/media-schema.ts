import type { SchemaPart } from '@vestnik/server/persistence';
import { MediaEntity } from './media.entity';
import { Media1764400000000 } from './migrations/1764400000000-Media';

/** The `media` table: uploaded images' metadata (their bytes live in MediaStorage). */
export const MEDIA_SCHEMA: SchemaPart = { entities: [MediaEntity], migrations: [Media1764400000000] };
