import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditEntryPage, AuditQuery as AuditQueryParams } from '@vestnik/contracts';
import { AuditQuery } from '@vestnik/server/audit';
import { AccessService } from '@vestnik/server/auth';
import { SignedInActor, CurrentActor } from '@vestnik/server/http';

/** The audit log of an organization's subtree, for its admins and supervisors. Read-only by design. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit')
export class AuditController {
  constructor(
    private readonly access: AccessService,
    private readonly audit: AuditQuery,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Audit entries of an organization and its subtree, newest first, paged' })
  async search(@CurrentActor() actor: SignedInActor, @Query() q: AuditQueryParams): Promise<AuditEntryPage> {
    const { organization } = await this.access.require(actor.user.id, q.organizationId, 'supervisor');
    return this.audit.search({
      organizationPath: organization.path,
      includeUnscoped: organization.parentId === null,
      from: q.from ? new Date(q.from) : undefined,
      to: q.to ? new Date(q.to) : undefined,
      limit: q.limit ?? 50,
      offset: q.offset ?? 0,
    });
  }
}
