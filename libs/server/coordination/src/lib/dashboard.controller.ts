import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DashboardHistoryQuery, DashboardPageHistoryView, DashboardPagesQuery, DashboardPagesView, DashboardSummaryQuery, DashboardSummaryView } from '@vestnik/contracts';
import { CurrentActor, SignedInActor } from '@vestnik/server/http';
import { DashboardService } from './dashboard.service';

@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('v1/dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get('pages')
  @ApiOperation({ summary: 'One row per page of the subtree: this week against the minimum (published, still scheduled, shortfall), risk reasons, empty days ahead, failures and rubric mix of 4 weeks; sorted, filtered and paged by the server' })
  pages(@CurrentActor() actor: SignedInActor, @Query() q: DashboardPagesQuery): Promise<DashboardPagesView> {
    return this.dashboard.pages(actor, q);
  }

  @Get('summary')
  @ApiOperation({ summary: 'Over the subtree: published per week against the summed minimums, rubric mix of 4 weeks against the target, pages at risk and needing attention' })
  summary(@CurrentActor() actor: SignedInActor, @Query() q: DashboardSummaryQuery): Promise<DashboardSummaryView> {
    return this.dashboard.summary(actor, q);
  }

  @Get('pages/:channelId/history')
  @ApiOperation({ summary: 'One page: published per week against its minimum, rubric mix of 4 weeks against its target' })
  history(@CurrentActor() actor: SignedInActor, @Param('channelId') channelId: string, @Query() q: DashboardHistoryQuery): Promise<DashboardPageHistoryView> {
    return this.dashboard.history(actor, channelId, q);
  }
}
