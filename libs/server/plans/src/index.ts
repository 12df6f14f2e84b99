import type { SchemaPart } from '@vestnik/server/persistence';
import { PlanImports1766400000000 } from './lib/migrations/1766400000000-PlanImports';

export { PlansModule } from './lib/plans.module';

export const PLANS_SCHEMA: SchemaPart = { entities: [], migrations: [PlanImports1766400000000] };
