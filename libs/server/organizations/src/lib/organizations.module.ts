import { Module } from '@nestjs/common';
import { AuditModule } from '@vestnik/server/audit';
import { AuthModule } from '@vestnik/server/auth';
import { AuditController } from './audit.controller';
import { MembersService } from './members.service';
import { OrganizationsController } from './organizations.controller';
import { OrganizationsService } from './organizations.service';
import { SetupController } from './setup.controller';
import { SetupService } from './setup.service';

@Module({
  imports: [AuthModule, AuditModule],
  controllers: [SetupController, OrganizationsController, AuditController],
  providers: [OrganizationsService, MembersService, SetupService],
  exports: [OrganizationsService],
})
export class OrganizationsModule {}
