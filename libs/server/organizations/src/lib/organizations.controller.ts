import { Body, Controller, Delete, Get, HttpCode, Param, ParseBoolPipe, Patch, Post, Query, DefaultValuePipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AddMemberRequest, CreateOrganizationRequest, MemberView, OrganizationView, UpdateOrganizationRequest } from '@vestnik/contracts';
import { SignedInActor, CurrentActor } from '@vestnik/server/http';
import { MembersService } from './members.service';
import { OrganizationsService } from './organizations.service';

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('v1/organizations')
export class OrganizationsController {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly members: MembersService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Organizations the caller can see (his subtrees), flat, each with parentId and his role' })
  @ApiQuery({ name: 'includeArchived', required: false, type: Boolean })
  list(@CurrentActor() actor: SignedInActor, @Query('includeArchived', new DefaultValuePipe(false), ParseBoolPipe) includeArchived: boolean): Promise<OrganizationView[]> {
    return this.organizations.list(actor, includeArchived);
  }

  @Get(':id')
  get(@CurrentActor() actor: SignedInActor, @Param('id') id: string): Promise<OrganizationView> {
    return this.organizations.get(actor, id);
  }

  @Post()
  @ApiOperation({ summary: 'Create a child organization (admin of the parent)' })
  create(@CurrentActor() actor: SignedInActor, @Body() body: CreateOrganizationRequest): Promise<OrganizationView> {
    return this.organizations.create(actor, body);
  }

  @Patch(':id')
  update(@CurrentActor() actor: SignedInActor, @Param('id') id: string, @Body() body: UpdateOrganizationRequest): Promise<OrganizationView> {
    return this.organizations.update(actor, id, body);
  }

  @Post(':id/archive')
  @HttpCode(200)
  @ApiOperation({ summary: 'Archive the organization with its subtree' })
  archive(@CurrentActor() actor: SignedInActor, @Param('id') id: string): Promise<OrganizationView> {
    return this.organizations.setArchived(actor, id, true);
  }

  @Post(':id/unarchive')
  @HttpCode(200)
  unarchive(@CurrentActor() actor: SignedInActor, @Param('id') id: string): Promise<OrganizationView> {
    return this.organizations.setArchived(actor, id, false);
  }

  @Get(':id/members')
  listMembers(@CurrentActor() actor: SignedInActor, @Param('id') id: string): Promise<MemberView[]> {
    return this.members.list(actor, id);
  }

  @Post(':id/members')
  @ApiOperation({ summary: 'Give a person a role here; creates the account when the e-mail is new (password then required)' })
  addMember(@CurrentActor() actor: SignedInActor, @Param('id') id: string, @Body() body: AddMemberRequest): Promise<MemberView> {
    return this.members.add(actor, id, body);
  }

  @Delete(':id/members/:userId')
  @HttpCode(204)
  removeMember(@CurrentActor() actor: SignedInActor, @Param('id') id: string, @Param('userId') userId: string): Promise<void> {
    return this.members.remove(actor, id, userId);
  }
}
