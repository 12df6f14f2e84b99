import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CadenceQuery, CadenceReport } from '@vestnik/contracts';
import { CurrentActor, SignedInActor } from '@vestnik/server/http';
import { CadenceService } from './cadence.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('v1/reports')
export class ReportsController {
  constructor(private readonly cadence: CadenceService) {}

  @Get('cadence')
  @ApiOperation({ summary: 'Per channel per week (from last week on): planned and published by rubric, minimum met; rubric mix of the organization and its subtree' })
  report(@CurrentActor() actor: SignedInActor, @Query() q: CadenceQuery): Promise<CadenceReport> {
    return this.cadence.report(actor, q.organizationId, q.weeks ?? 4);
  }
}
