import { Module } from '@nestjs/common';
import { AuditModule } from '@vestnik/server/audit';
import { AuthModule } from '@vestnik/server/auth';
import { CadenceService } from './cadence.service';
import { PostChangesService } from './post-changes.service';
import { PostCommentsService } from './post-comments.service';
import { PostContext } from './post-context';
import { PostWorkflowService } from './post-workflow.service';
import { PostsController } from './posts.controller';
import { PostsService } from './posts.service';
import { ReportsController } from './reports.controller';

/** Needs a PostMediaLookup (the media context answers it) and PostReviewNotices (notifications) from the application. */
@Module({
  imports: [AuthModule, AuditModule],
  controllers: [PostsController, ReportsController],
  providers: [PostContext, PostsService, PostWorkflowService, PostCommentsService, PostChangesService, CadenceService],
  exports: [PostsService],
})
export class PostsModule {}
