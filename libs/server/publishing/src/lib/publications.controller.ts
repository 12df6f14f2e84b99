import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AttentionPublicationView, MarkPublishedRequest, PublicationView } from '@vestnik/contracts';
import { ApiException, CurrentActor, SignedInActor } from '@vestnik/server/http';
import { PublicationActionsService } from './publication-actions.service';

@ApiTags('publications')
@ApiBearerAuth()
@Controller('v1/publications')
export class PublicationsController {
  constructor(private readonly actions: PublicationActionsService) {}

  @Get('attention')
  @ApiOperation({ summary: 'Publications of the subtree needing a person: unconfirmed, failed, missed' })
  attention(@CurrentActor() actor: SignedInActor, @Query('organizationId') organizationId?: string): Promise<AttentionPublicationView[]> {
    if (!organizationId) throw new ApiException(400, 'validation_failed', 'Укажите организацию', { errors: [{ field: 'organizationId', rule: 'isNotEmpty', message: 'Поле «organizationId» обязательно' }] });
    return this.actions.needingAttention(actor, organizationId);
  }

  @Post(':id/mark-published')
  @HttpCode(200)
  @ApiOperation({ summary: '"It was published": a supervisor checked the page (unconfirmed, failed or missed only)' })
  markPublished(@CurrentActor() actor: SignedInActor, @Param('id') id: string, @Body() body: MarkPublishedRequest): Promise<PublicationView> {
    return this.actions.markPublished(actor, id, body.url);
  }

  @Post(':id/republish')
  @HttpCode(200)
  @ApiOperation({ summary: '"Publish again": a supervisor decided it did not go out; it is sent now' })
  republish(@CurrentActor() actor: SignedInActor, @Param('id') id: string): Promise<PublicationView> {
    return this.actions.republish(actor, id);
  }
}
