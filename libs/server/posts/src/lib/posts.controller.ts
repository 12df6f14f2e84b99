import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommentRequest, CreatePostRequest, PostChangesQuery, PostChangesView, PostCommentView, PostPage, PostQuery, PostView, RejectPostRequest, UpdatePostRequest } from '@vestnik/contracts';
import { CurrentActor, SignedInActor } from '@vestnik/server/http';
import { PostChangesService } from './post-changes.service';
import { PostCommentsService } from './post-comments.service';
import { PostWorkflowService } from './post-workflow.service';
import { PostsService } from './posts.service';

@ApiTags('posts')
@ApiBearerAuth()
@Controller('v1/posts')
export class PostsController {
  constructor(
    private readonly posts: PostsService,
    private readonly workflow: PostWorkflowService,
    private readonly comments: PostCommentsService,
    private readonly changes: PostChangesService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The calendar (and the approval queue: status=in_review&order=submitted): posts of the organization and its subtree, filtered, paged; times in the organization zone; each says whether the caller may approve it' })
  list(@CurrentActor() actor: SignedInActor, @Query() q: PostQuery): Promise<PostPage> {
    return this.posts.list(actor, q);
  }

  @Post()
  @ApiOperation({ summary: 'Create a draft. scheduledAt: ISO 8601 with offset, or local time in the organization zone. The title is internal.' })
  create(@CurrentActor() actor: SignedInActor, @Body() body: CreatePostRequest): Promise<PostView> {
    return this.posts.create(actor, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One post with its publications and what the platforms would refuse in it now' })
  get(@CurrentActor() actor: SignedInActor, @Param('id') id: string): Promise<PostView> {
    return this.posts.get(actor, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit; an approved post returns to review. Send `version` to be refused (409) instead of overwriting a newer edit.' })
  update(@CurrentActor() actor: SignedInActor, @Param('id') id: string, @Body() body: UpdatePostRequest): Promise<PostView> {
    return this.posts.update(actor, id, body);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'draft → in_review; 422 listing channel and rule when a platform would refuse it' })
  submit(@CurrentActor() actor: SignedInActor, @Param('id') id: string): Promise<PostView> {
    return this.workflow.submit(actor, id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'in_review → scheduled (supervisor or admin, not the author unless the organization allows it)' })
  approve(@CurrentActor() actor: SignedInActor, @Param('id') id: string): Promise<PostView> {
    return this.workflow.approve(actor, id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'in_review → draft with a required comment' })
  reject(@CurrentActor() actor: SignedInActor, @Param('id') id: string, @Body() body: RejectPostRequest): Promise<PostView> {
    return this.workflow.reject(actor, id, body.comment);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'draft, in_review or scheduled → cancelled; its publications not yet sent are cancelled' })
  cancel(@CurrentActor() actor: SignedInActor, @Param('id') id: string): Promise<PostView> {
    return this.workflow.cancel(actor, id);
  }

  @Get(':id/changes')
  @ApiOperation({ summary: 'What changed since the version last reviewed (or `since`): a word diff of the texts, images, pages, rubric and time; everything new when never reviewed' })
  listChanges(@CurrentActor() actor: SignedInActor, @Param('id') id: string, @Query() q: PostChangesQuery): Promise<PostChangesView> {
    return this.changes.changes(actor, id, q.since);
  }

  @Get(':id/comments')
  @ApiOperation({ summary: "The post's discussion, rejections included, oldest first" })
  listComments(@CurrentActor() actor: SignedInActor, @Param('id') id: string): Promise<PostCommentView[]> {
    return this.comments.list(actor, id);
  }

  @Post(':id/comments')
  @ApiOperation({ summary: 'Add a comment (editors and above)' })
  addComment(@CurrentActor() actor: SignedInActor, @Param('id') id: string, @Body() body: CommentRequest): Promise<PostCommentView> {
    return this.comments.add(actor, id, body.body);
  }
}
