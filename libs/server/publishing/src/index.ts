import type { SchemaPart } from '@vestnik/server/persistence';
import { Publishing1764700000000 } from './lib/migrations/1764700000000-Publishing';
import { ClaimFencing1765400000000 } from './lib/migrations/1765400000000-ClaimFencing';

export * from './lib/publishing.module';
export * from './lib/publishing-events';
export * from './lib/publishing-media';
export * from './lib/publishing-channels';
export { PublishingWorker } from './lib/publishing-worker';
export { OutcomeRecorder, type Answer } from './lib/outcome-recorder';

export const PUBLISHING_SCHEMA: SchemaPart = { entities: [], migrations: [Publishing1764700000000, ClaimFencing1765400000000] };
