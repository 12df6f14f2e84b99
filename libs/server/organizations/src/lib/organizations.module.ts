import { Module } from '@nestjs/common';
import { AuditModule } from '@vestnik/server/audit';
import { AuthModule } from '@vestnik/server/auth';
import { AuditController } from './audit.controller';
import { InvitationAcceptance } from './invitation-acceptance.service';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';
import { MembersService } from './members.service';
import { OneTimeLinks } from './one-time-links';
import { OrganizationsController } from './organizations.controller';
import { OrganizationsService } from './organizations.service';
import { PasswordResetService } from './password-reset.service';
import { SetupController } from './setup.controller';
import { SetupService } from './setup.service';

@Module({
  imports: [AuthModule, AuditModule],
  controllers: [SetupController, OrganizationsController, InvitationsController, AuditController],
  providers: [OrganizationsService, MembersService, InvitationsService, InvitationAcceptance, OneTimeLinks, PasswordResetService, SetupService],
  exports: [OrganizationsService],
})
export class OrganizationsModule {}
