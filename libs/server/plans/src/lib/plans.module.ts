import { Module } from '@nestjs/common';
import { AuditModule } from '@vestnik/server/audit';
import { AuthModule } from '@vestnik/server/auth';
import { ChannelsModule } from '@vestnik/server/channels';
import { MediaModule } from '@vestnik/server/media';
import { PostsModule } from '@vestnik/server/posts';
import { PlanExportService } from './plan-export.service';
import { PlanImportsService } from './plan-imports.service';
import { PlansController } from './plans.controller';

/** Content plans as files: import (checked, then confirmed into drafts) and export. */
@Module({
  imports: [AuditModule, AuthModule, ChannelsModule, MediaModule, PostsModule],
  controllers: [PlansController],
  providers: [PlanImportsService, PlanExportService],
})
export class PlansModule {}
