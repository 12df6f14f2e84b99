import { Controller, Get, Header, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { ComplianceQuery, ComplianceReport } from '@vestnik/contracts';
import { CurrentActor, SignedInActor } from '@vestnik/server/http';
import { ComplianceReports, PDF_MIME_TYPE, XLSX_MIME_TYPE } from './compliance-reports.service';

@ApiTags('reports')
@ApiBearerAuth()
@ApiExtraModels(ComplianceReport)
@Controller('v1/reports')
export class ComplianceController {
  constructor(private readonly reports: ComplianceReports) {}

  @Get('compliance')
  // Figures of people's work: kept by no cache, the browser's included (a shared computer).
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      "Monthly compliance report of an organization's subtree: per page the publications of each week against the weekly minimum, missed weeks, rubric mix against the target, on-time share and failures, with a total; as JSON, or an XLSX or PDF download (Content-Disposition: attachment)",
  })
  @ApiProduces('application/json', XLSX_MIME_TYPE, PDF_MIME_TYPE)
  @ApiOkResponse({
    description: '`format=json` (or none): the report; `xlsx`, `pdf`: the file to save',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(ComplianceReport) } },
      [XLSX_MIME_TYPE]: { schema: { type: 'string', format: 'binary' } },
      [PDF_MIME_TYPE]: { schema: { type: 'string', format: 'binary' } },
    },
  })
  async report(@CurrentActor() actor: SignedInActor, @Query() q: ComplianceQuery): Promise<ComplianceReport | StreamableFile> {
    const answer = await this.reports.render(actor, q);
    if (!('bytes' in answer)) return answer;
    return new StreamableFile(answer.bytes, { type: answer.mimeType, length: answer.bytes.length, disposition: answer.disposition });
  }
}
