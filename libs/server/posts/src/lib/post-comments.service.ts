import { Injectable } from '@nestjs/common';
import type { PostCommentView } from '@vestnik/contracts';
import { AuditLog } from '@vestnik/server/audit';
import { SignedInActor } from '@vestnik/server/http';
import { PostCommentEntity } from './entities/post-comment.entity';
import { PostContext } from './post-context';

/** The discussion thread of a post, rejections included. */
@Injectable()
export class PostCommentsService {
  constructor(
    private readonly ctx: PostContext,
    private readonly audit: AuditLog,
  ) {}

  async list(actor: SignedInActor, postId: string): Promise<PostCommentView[]> {
    await this.ctx.load(actor, postId, 'viewer');
    const rows: { id: string; post_id: string; author_id: string; author_name: string; kind: 'comment' | 'rejection'; body: string; created_at: Date }[] = await this.ctx.dataSource.query(
      `SELECT c.*, u.name AS author_name FROM post_comments c JOIN users u ON u.id = c.author_id WHERE c.post_id = $1 ORDER BY c.created_at, c.id`,
      [postId],
    );
    return rows.map((r) => ({ id: r.id, postId: r.post_id, authorId: r.author_id, authorName: r.author_name, kind: r.kind, body: r.body, createdAt: r.created_at.toISOString() }));
  }

  async add(actor: SignedInActor, postId: string, body: string): Promise<PostCommentView> {
    const { post } = await this.ctx.load(actor, postId, 'editor');
    const saved = await this.ctx.dataSource.transaction(async (m) => {
      const comment = await m.save(m.create(PostCommentEntity, { postId, authorId: actor.user.id, kind: 'comment', body: body.trim() }));
      await this.audit.record({ actor, organizationId: post.organizationId, action: 'post.commented', targetType: 'post', targetId: postId, after: { commentId: comment.id } }, m);
      return comment;
    });
    return { id: saved.id, postId, authorId: actor.user.id, authorName: actor.user.name, kind: 'comment', body: saved.body, createdAt: saved.createdAt.toISOString() };
  }
}
