import type { SchemaPart } from '@vestnik/server/persistence';
import { CoordinatorDashboard1766200000000 } from './lib/migrations/1766200000000-CoordinatorDashboard';

export * from './lib/coordination.module';
export { DashboardClock } from './lib/dashboard-clock';
export { MinimumWarnings } from './lib/minimum-warnings';
export { pageStatsCte, weeklySeriesCte, SqlParams } from './lib/page-stats-sql';
export { pagesStatement, totalsStatement } from './lib/dashboard-statements';

/** Indexes the dashboard reads through, and the record of minimum warnings sent. */
export const COORDINATION_SCHEMA: SchemaPart = {
  entities: [],
  migrations: [CoordinatorDashboard1766200000000],
};
