import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { PlanExportQuery, PlanImportRequest, PlanImportView } from '@vestnik/contracts';
import { CurrentActor, SignedInActor } from '@vestnik/server/http';
import { PlanExportService } from './plan-export.service';
import { PlanImportsService, type UploadedPlanFile } from './plan-imports.service';
import { PlanUploadInterceptor } from './plan-upload.interceptor';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('v1/plans')
export class PlansController {
  constructor(
    private readonly imports: PlanImportsService,
    private readonly exports: PlanExportService,
  ) {}

  @Post('imports')
  @UseInterceptors(PlanUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'organizationId'],
      properties: { file: { type: 'string', format: 'binary' }, organizationId: { type: 'string', format: 'uuid' } },
    },
  })
  @ApiOperation({ summary: 'Upload a content plan (CSV or XLSX, editor or above): every row read and checked against the subtree; nothing is created until confirmed' })
  preview(@CurrentActor() actor: SignedInActor, @Body() body: PlanImportRequest, @UploadedFile() file: UploadedPlanFile | undefined): Promise<PlanImportView> {
    return this.imports.preview(actor, body.organizationId, file);
  }

  @Get('imports/:id')
  @ApiOperation({ summary: 'An uploaded plan with each row’s verdict (the uploader only)' })
  get(@CurrentActor() actor: SignedInActor, @Param('id') id: string): Promise<PlanImportView> {
    return this.imports.get(actor, id);
  }

  @Post('imports/:id/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'Create a draft from every good row, each on its own; answers each row’s outcome. Once only; 410 after a day' })
  confirm(@CurrentActor() actor: SignedInActor, @Param('id') id: string): Promise<PlanImportView> {
    return this.imports.confirm(actor, id);
  }

  @Get('export')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv')
  @ApiOkResponse({ description: 'The plan file (XLSX, or CSV in UTF-8 with semicolons), as an attachment', schema: { type: 'string', format: 'binary' } })
  @ApiOperation({ summary: 'The subtree’s posts planned in a period, as a plan file in the columns import reads' })
  async export(@CurrentActor() actor: SignedInActor, @Query() q: PlanExportQuery): Promise<StreamableFile> {
    const file = await this.exports.export(actor, q);
    return new StreamableFile(file.bytes, { type: file.contentType, disposition: `attachment; filename="${file.fileName}"`, length: file.bytes.length });
  }
}
