import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { PostStatus, PostView } from '@vestnik/contracts';
import { AuditLog } from '@vestnik/server/audit';
import { OrganizationAccess, refuseIfArchived } from '@vestnik/server/auth';
import { ApiException, SignedInActor } from '@vestnik/server/http';
import { FOUR_EYES_BY_DEFAULT, fourEyesRules } from '@vestnik/server/organizations';
import { PostCommentEntity } from './entities/post-comment.entity';
import { PostEntity } from './entities/post.entity';
import { PublicationEntity } from './entities/publication.entity';
import { postLevelProblems, postProblems } from './post-content';
import { PostContext } from './post-context';

/** Approval needs the post to be at least this far in the future, so the worker can still take it. */
const MIN_LEAD_MS = 60_000;

/**
 * draft → in_review (submit) → scheduled (approve, supervisor or admin; four-eyes) or back to draft
 * (reject, with a comment); cancel before publishing. Every transition is audited in its transaction.
 * An archived organization takes nothing new to review or publishing; cancelling stays possible.
 */
@Injectable()
export class PostWorkflowService {
  constructor(
    private readonly ctx: PostContext,
    private readonly audit: AuditLog,
  ) {}

  async submit(actor: SignedInActor, id: string): Promise<PostView> {
    return this.transition(actor, id, 'editor', ['draft'], async (post, m, access) => {
      refuseIfArchived(access.organization, 'отправлять материалы на согласование');
      await this.assertPublishable(post, m);
      await m.update(PostEntity, { id }, { status: 'in_review', submittedVersion: post.version });
      return { action: 'post.submitted', after: { status: 'in_review' } };
    });
  }

  async approve(actor: SignedInActor, id: string): Promise<PostView> {
    return this.transition(actor, id, 'supervisor', ['in_review'], async (post, m, access) => {
      refuseIfArchived(access.organization, 'согласовывать материалы');
      await this.assertFourEyes(actor, post, m);
      await this.assertPublishable(post, m);
      await m.update(PostEntity, { id }, { status: 'scheduled', approvedHash: post.contentHash, approvedBy: actor.user.id, approvedAt: new Date(), lastApprovedVersion: post.version });
      await m.update(PublicationEntity, { postId: id, status: 'pending' }, { status: 'scheduled', nextAttemptAt: post.scheduledAt, attempts: 0, lastError: null, lastErrorCode: null });
      return { action: 'post.approved', after: { status: 'scheduled', approvedHash: post.contentHash } };
    });
  }

  async reject(actor: SignedInActor, id: string, comment: string): Promise<PostView> {
    return this.transition(actor, id, 'supervisor', ['in_review'], async (_post, m) => {
      await m.update(PostEntity, { id }, { status: 'draft' });
      await m.insert(PostCommentEntity, { postId: id, authorId: actor.user.id, kind: 'rejection', body: comment.trim() });
      return { action: 'post.rejected', after: { status: 'draft', comment: comment.trim() } };
    });
  }

  async cancel(actor: SignedInActor, id: string): Promise<PostView> {
    return this.transition(actor, id, 'editor', ['draft', 'in_review', 'scheduled'], async (_post, m) => {
      await m.update(PostEntity, { id }, { status: 'cancelled' });
      await m.query(`UPDATE publications SET status = 'cancelled', updated_at = now() WHERE post_id = $1 AND status IN ('pending', 'scheduled')`, [id]);
      return { action: 'post.cancelled', after: { status: 'cancelled' } };
    });
  }

  private async transition(
    actor: SignedInActor,
    id: string,
    role: 'editor' | 'supervisor',
    from: PostStatus[],
    apply: (post: PostEntity, m: EntityManager, access: OrganizationAccess) => Promise<{ action: string; after: Record<string, unknown> }>,
  ): Promise<PostView> {
    const { access } = await this.ctx.load(actor, id, role);
    const post = await this.ctx.dataSource.transaction(async (m) => {
      // The row lock orders this transition against edits and the publishing worker.
      const current = await m.findOne(PostEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw new ApiException(404, 'not_found', 'Материал не найден');
      if (!from.includes(current.status)) {
        throw new ApiException(409, 'invalid_transition', `Сейчас материал в статусе «${current.status}»: это действие возможно только из статуса ${from.map((s) => `«${s}»`).join(', ')}`, { status: current.status });
      }
      const { action, after } = await apply(current, m, access);
      await this.audit.record({ actor, organizationId: current.organizationId, action, targetType: 'post', targetId: id, before: { status: current.status, contentHash: current.contentHash }, after }, m);
      return m.findOneByOrFail(PostEntity, { id });
    });
    return this.ctx.view(post, access.organization.path);
  }

  /**
   * Four eyes: the author, and whoever changed the content since it was last approved, cannot
   * approve it. Off only where self-approval is allowed and no ancestor requires four eyes; the rule
   * is read in this transaction, under the post's lock, so an edit cannot slip in between.
   */
  private async assertFourEyes(actor: SignedInActor, post: PostEntity, m: EntityManager): Promise<void> {
    const rule = (await fourEyesRules(m, [post.organizationId])).get(post.organizationId) ?? FOUR_EYES_BY_DEFAULT;
    if (rule.selfApprovalAllowed) return;
    if (post.authorId === actor.user.id) {
      throw new ApiException(403, 'four_eyes', 'Автор не может согласовать собственный материал: нужен другой руководитель (правило «четырёх глаз»)');
    }
    const edited: { version: number }[] = await m.query(
      'SELECT version FROM post_revisions WHERE post_id = $1 AND editor_id = $2 AND version > $3 ORDER BY version',
      [post.id, actor.user.id, post.lastApprovedVersion ?? 0],
    );
    if (edited.length) {
      const versions = edited.map((r) => r.version);
      throw new ApiException(
        403,
        'four_eyes',
        `Вы изменяли текст, время или каналы этого материала после последнего согласования (${versions.length > 1 ? 'версии' : 'версия'} ${versions.join(', ')}): согласовать его должен другой руководитель (правило «четырёх глаз»)`,
        { editedVersions: versions },
      );
    }
  }

  /** A post any target platform would refuse cannot move on; the answer lists channel and rule. */
  private async assertPublishable(post: PostEntity, m: EntityManager): Promise<void> {
    const rows: { id: string; name: string; platform: 'vk' | 'ok' | 'telegram'; state: string }[] = await m.query(
      `SELECT c.id, c.name, c.platform, c.state FROM publications p JOIN channels c ON c.id = p.channel_id WHERE p.post_id = $1 AND c.deleted_at IS NULL`,
      [post.id],
    );
    const org: { path: string }[] = await m.query('SELECT path FROM organizations WHERE id = $1', [post.organizationId]);
    const problems = [
      ...postProblems(post, rows, await this.ctx.imagesByPlatform(org[0].path, post.mediaIds)),
      ...postLevelProblems(post, rows.length, new Date(Date.now() + MIN_LEAD_MS)),
    ];
    if (problems.length) {
      throw new ApiException(422, 'post_not_publishable', `Площадки не примут материал: ${problems[0].message}`, {
        problems,
        errors: problems.map((p) => ({ field: p.field, rule: p.code, message: p.message })),
      });
    }
  }
}
