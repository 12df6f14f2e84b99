import { Module } from '@nestjs/common';
import { AuthModule } from '@vestnik/server/auth';
import { NotificationsModule } from '@vestnik/server/notifications';
import { DashboardClock } from './dashboard-clock';
import { DashboardController } from './dashboard.controller';
import { DashboardService } from './dashboard.service';
import { MinimumWarnings } from './minimum-warnings';

/**
 * The coordinator's view of a subtree: the dashboard API, and warnings to a page's people when its
 * week will fall short of the minimum (run by worker replicas).
 */
@Module({
  imports: [AuthModule, NotificationsModule],
  controllers: [DashboardController],
  providers: [DashboardClock, DashboardService, MinimumWarnings],
  exports: [DashboardClock, MinimumWarnings],
})
export class CoordinationModule {}
