import { Body, Controller, Delete, Get, HttpCode, Param, ParseBoolPipe, Patch, Post, Query, DefaultValuePipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  AddMemberRequest,
  CreateOrganizationRequest,
  InvitationCreated,
  InvitationView,
  MemberView,
  OrganizationView,
  PasswordResetIssued,
  PasswordResetRequest,
  UpdateOrganizationRequest,
} from '@vestnik/contracts';
import { SignedInActor, CurrentActor } from '@vestnik/server/http';
import { InvitationsService } from './invitations.service';
import { MembersService } from './members.service';
import { OrganizationsService } from './organizations.service';
import { PasswordResetService } from './password-reset.service';

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('v1/organizations')
export class OrganizationsController {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly members: MembersService,
    private readonly invitations: InvitationsService,
    private readonly passwordResets: PasswordResetService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Organizations the caller can see (his subtrees), flat, each with parentId and his role' })
  @ApiQuery({ name: 'includeArchived', required: false, type: Boolean })
  list(@CurrentActor() actor: SignedInActor, @Query('includeArchived', new DefaultValuePipe(false), ParseBoolPipe) includeArchived: boolean): Promise<OrganizationView[]> {
    return this.organizations.list(actor, includeArchived);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One organization, with the rules in force and the caller\'s role there (any role here or above)' })
  get(@CurrentActor() actor: SignedInActor, @Param('id') id: string): Promise<OrganizationView> {
    return this.organizations.get(actor, id);
  }

  @Post()
  @ApiOperation({ summary: 'Create a child organization (admin of the parent)' })
  create(@CurrentActor() actor: SignedInActor, @Body() body: CreateOrganizationRequest): Promise<OrganizationView> {
    return this.organizations.create(actor, body);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change name, own time zone, second-factor and four-eyes settings (admin). 409 four_eyes_required when self-approval is asked where four eyes are required' })
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
  @ApiOperation({ summary: 'Return the organization with its subtree from the archive (admin). 409 parent_archived' })
  unarchive(@CurrentActor() actor: SignedInActor, @Param('id') id: string): Promise<OrganizationView> {
    return this.organizations.setArchived(actor, id, false);
  }

  @Get(':id/members')
  @ApiOperation({ summary: 'Members holding a role in this organization itself, by name (supervisor and above)' })
  listMembers(@CurrentActor() actor: SignedInActor, @Param('id') id: string): Promise<MemberView[]> {
    return this.members.list(actor, id);
  }

  @Post(':id/members')
  @ApiOperation({
    summary:
      'Invite a person by e-mail (admin). The role is given when the person accepts. The link is e-mailed when SMTP is configured (unless showLink), otherwise answered once as inviteUrl. 409 already_member, already_invited',
  })
  addMember(@CurrentActor() actor: SignedInActor, @Param('id') id: string, @Body() body: AddMemberRequest): Promise<InvitationCreated> {
    return this.invitations.invite(actor, id, body);
  }

  @Get(':id/invitations')
  @ApiOperation({ summary: 'Invitations of this organization that can still be accepted (admin)' })
  listInvitations(@CurrentActor() actor: SignedInActor, @Param('id') id: string): Promise<InvitationView[]> {
    return this.invitations.pending(actor, id);
  }

  @Delete(':id/invitations/:invitationId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an invitation: its link stops working. To send again, revoke and invite anew' })
  revokeInvitation(@CurrentActor() actor: SignedInActor, @Param('id') id: string, @Param('invitationId') invitationId: string): Promise<void> {
    return this.invitations.revoke(actor, id, invitationId);
  }

  @Post(':id/members/:userId/password-reset')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Reset a member\'s password (admin of every organization the person belongs to, else 403): the password stops working, all sessions end, a one-time link sets a new one (e-mailed, or answered once as resetUrl)',
  })
  resetPassword(@CurrentActor() actor: SignedInActor, @Param('id') id: string, @Param('userId') userId: string, @Body() body: PasswordResetRequest): Promise<PasswordResetIssued> {
    return this.passwordResets.reset(actor, id, userId, body);
  }

  @Delete(':id/members/:userId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Take a member\'s role here away (admin). 409 last_root_admin' })
  removeMember(@CurrentActor() actor: SignedInActor, @Param('id') id: string, @Param('userId') userId: string): Promise<void> {
    return this.members.remove(actor, id, userId);
  }
}
