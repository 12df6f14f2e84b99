import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ChannelView, CreateChannelRequest, UpdateChannelRequest } from '@vestnik/contracts';
import { ApiException, CurrentActor, SignedInActor } from '@vestnik/server/http';
import { ChannelsService } from './channels.service';

@ApiTags('channels')
@ApiBearerAuth()
@Controller('v1/channels')
export class ChannelsController {
  constructor(private readonly channels: ChannelsService) {}

  @Get()
  @ApiOperation({ summary: 'Channels of the organization and its subtree, with their health' })
  list(@CurrentActor() actor: SignedInActor, @Query('organizationId') organizationId?: string): Promise<ChannelView[]> {
    if (!organizationId) {
      throw new ApiException(400, 'validation_failed', 'Укажите организацию', { errors: [{ field: 'organizationId', rule: 'isNotEmpty', message: 'Поле «organizationId» обязательно' }] });
    }
    return this.channels.list(actor, organizationId);
  }

  @Post()
  @ApiOperation({ summary: 'Connect a page: verified through the platform first (422 with its reason otherwise). Credentials are write-only.' })
  create(@CurrentActor() actor: SignedInActor, @Body() body: CreateChannelRequest): Promise<ChannelView> {
    return this.channels.create(actor, body);
  }

  @Get(':id')
  get(@CurrentActor() actor: SignedInActor, @Param('id') id: string): Promise<ChannelView> {
    return this.channels.get(actor, id);
  }

  @Patch(':id')
  update(@CurrentActor() actor: SignedInActor, @Param('id') id: string, @Body() body: UpdateChannelRequest): Promise<ChannelView> {
    return this.channels.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentActor() actor: SignedInActor, @Param('id') id: string): Promise<void> {
    return this.channels.remove(actor, id);
  }

  @Post(':id/verify')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ask the platform again and record the channel health' })
  verify(@CurrentActor() actor: SignedInActor, @Param('id') id: string): Promise<ChannelView> {
    return this.channels.verify(actor, id);
  }

  @Post(':id/disable')
  @HttpCode(200)
  disable(@CurrentActor() actor: SignedInActor, @Param('id') id: string): Promise<ChannelView> {
    return this.channels.setEnabled(actor, id, false);
  }

  @Post(':id/enable')
  @HttpCode(200)
  enable(@CurrentActor() actor: SignedInActor, @Param('id') id: string): Promise<ChannelView> {
    return this.channels.setEnabled(actor, id, true);
  }
}
