import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { POST_STATUS_LABELS, POST_TRANSITIONS, type Platform, type PostStatus, type PostView } from '@vestnik/contracts';
import { AuditLog } from '@vestnik/server/audit';
import { OrganizationAccess, refuseIfArchived } from '@vestnik/server/auth';
import { ApiException, SignedInActor } from '@vestnik/server/http';
import { approvalRefusal, barredFromApproving, fourEyesFacts, MIN_LEAD_MS, ReviewFacts, ReviewRefusal } from './approval-rule';
import { PostCommentEntity } from './entities/post-comment.entity';
import { PostEntity } from './entities/post.entity';
import { PostReviewEntity } from './entities/post-review.entity';
import { movePosts, postMayMove } from './lifecycle/post-lifecycle';
import { movePublications } from './lifecycle/publication-lifecycle';
import { postLevelProblems, postProblems } from './post-content';
import { PostContext } from './post-context';
import { PostReviewNotices, ReviewedPost } from './post-review-notices';

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
    private readonly notices: PostReviewNotices,
  ) {}

  async submit(actor: SignedInActor, id: string): Promise<PostView> {
    return this.transition(actor, id, 'submit', async (post, m, access) => {
      refuseIfArchived(access.organization, 'отправлять материалы на согласование');
      await this.assertPublishable(post, m);
      await movePosts(m, 'submit', [id], { submittedVersion: post.version, submittedAt: new Date() });
      await this.notices.reviewRequested({ ...reviewed(post), sentBy: { id: actor.user.id, name: actor.user.name }, how: 'submitted', barred: await barredFromApproving(m, post) }, m);
      return { status: 'in_review' };
    });
  }

  async approve(actor: SignedInActor, id: string): Promise<PostView> {
    return this.transition(actor, id, 'approve', async (post, m, access) => {
      // The rule every view answers (`approval`), read here in this transaction, under the post's lock.
      const facts = await this.reviewFacts(actor, post, m, access);
      const refusal = approvalRefusal(facts.facts);
      if (refusal) throw refused(refusal);
      await movePosts(m, 'approve', [id], { approvedHash: post.contentHash, approvedBy: actor.user.id, approvedAt: new Date(), lastApprovedVersion: post.version });
      await movePublications(m, 'approve', [{ id, nextAttemptAt: post.scheduledAt }]);
      await m.insert(PostReviewEntity, { postId: id, version: post.version, outcome: 'approved', reviewerId: actor.user.id, comment: null });
      await this.notices.reviewClosed(id, m);
      await this.notices.reviewed({ ...reviewed(post), authorId: post.authorId, reviewer: { id: actor.user.id, name: actor.user.name }, outcome: 'approved', comment: null, channelCount: facts.channelCount }, m);
      return { status: 'scheduled', approvedHash: post.contentHash };
    });
  }

  async reject(actor: SignedInActor, id: string, comment: string): Promise<PostView> {
    return this.transition(actor, id, 'reject', async (post, m) => {
      const reason = comment.trim();
      await movePosts(m, 'reject', [id]);
      await m.insert(PostCommentEntity, { postId: id, authorId: actor.user.id, kind: 'rejection', body: reason });
      await m.insert(PostReviewEntity, { postId: id, version: post.version, outcome: 'rejected', reviewerId: actor.user.id, comment: reason });
      const [{ n }]: { n: number }[] = await m.query('SELECT count(*)::int AS n FROM publications WHERE post_id = $1', [id]);
      await this.notices.reviewClosed(id, m);
      await this.notices.reviewed({ ...reviewed(post), authorId: post.authorId, reviewer: { id: actor.user.id, name: actor.user.name }, outcome: 'rejected', comment: reason, channelCount: n }, m);
      return { status: 'draft', comment: reason };
    });
  }

  async cancel(actor: SignedInActor, id: string): Promise<PostView> {
    return this.transition(actor, id, 'cancel', async (post, m) => {
      await movePosts(m, 'cancel', [id]);
      // Those already publishing are the engine's to settle: it finds the post cancelled before sending.
      await movePublications(m, 'cancel', [{ id }]);
      if (post.status === 'in_review') await this.notices.reviewClosed(id, m);
      return { status: 'cancelled' };
    });
  }

  private async transition(
    actor: SignedInActor,
    id: string,
    name: 'submit' | 'approve' | 'reject' | 'cancel',
    apply: (post: PostEntity, m: EntityManager, access: OrganizationAccess) => Promise<Record<string, unknown>>,
  ): Promise<PostView> {
    const { by: role, audit: action } = POST_TRANSITIONS[name];
    const from: readonly PostStatus[] = POST_TRANSITIONS[name].from;
    const { access } = await this.ctx.load(actor, id, role);
    const post = await this.ctx.dataSource.transaction(async (m) => {
      // The row lock orders this transition against edits and the publishing worker.
      const current = await m.findOne(PostEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw new ApiException(404, 'not_found', 'Материал не найден');
      if (!postMayMove(name, current.status)) {
        // Someone may have acted first (another reviewer, the author cancelling): say where the post is now.
        const allowed = from.map((s) => `«${POST_STATUS_LABELS[s]}»`).join(', ');
        throw new ApiException(409, 'invalid_transition', `Сейчас материал в статусе «${POST_STATUS_LABELS[current.status]}»: это действие возможно только для статуса ${allowed}`, { status: current.status });
      }
      const after = await apply(current, m, access);
      await this.audit.record({ actor, organizationId: current.organizationId, action, targetType: 'post', targetId: id, before: { status: current.status, contentHash: current.contentHash }, after }, m);
      return m.findOneByOrFail(PostEntity, { id });
    });
    return this.ctx.view(post, access.organization.path, actor);
  }

  /**
   * What the approval rule needs, read in the transition's transaction under the post's lock, so an
   * edit cannot slip in between: the four-eyes rule in force, the caller's versions since the last
   * approval, and what the target platforms would refuse.
   */
  private async reviewFacts(actor: SignedInActor, post: PostEntity, m: EntityManager, access: OrganizationAccess): Promise<{ facts: ReviewFacts; channelCount: number }> {
    const fourEyes = await fourEyesFacts(m, actor.user.id, [post]);
    const { problems, channelCount } = await this.publishingProblems(post, m);
    return {
      facts: {
        status: post.status,
        role: access.role,
        organization: { name: access.organization.name, archived: access.organization.archivedAt !== null },
        fourEyes: fourEyes.rule(post.organizationId),
        isAuthor: post.authorId === actor.user.id,
        editedVersions: fourEyes.editedVersions(post.id),
        problems,
      },
      channelCount,
    };
  }

  /** A post any target platform would refuse cannot move on; the answer lists channel and rule. */
  private async assertPublishable(post: PostEntity, m: EntityManager): Promise<void> {
    const { problems } = await this.publishingProblems(post, m);
    if (problems.length) {
      throw new ApiException(422, 'post_not_publishable', `Площадки не примут материал: ${problems[0].message}`, {
        problems,
        errors: problems.map((p) => ({ field: p.field, rule: p.code, message: p.message })),
      });
    }
  }

  /** What the post's live target channels would refuse, and the post's own problems (no channels, too late). */
  private async publishingProblems(post: PostEntity, m: EntityManager): Promise<{ problems: ReviewFacts['problems']; channelCount: number }> {
    const rows: { id: string; name: string; platform: Platform; state: string }[] = await m.query(
      `SELECT c.id, c.name, c.platform, c.state FROM publications p JOIN channels c ON c.id = p.channel_id WHERE p.post_id = $1 AND c.deleted_at IS NULL`,
      [post.id],
    );
    const org: { path: string }[] = await m.query('SELECT path FROM organizations WHERE id = $1', [post.organizationId]);
    const problems = [
      ...postProblems(post, rows, await this.ctx.imagesByPlatform(org[0].path, post.mediaIds)),
      ...postLevelProblems(post, rows.length, new Date(Date.now() + MIN_LEAD_MS)),
    ];
    return { problems, channelCount: rows.length };
  }
}

function refused(r: ReviewRefusal): ApiException {
  return new ApiException(r.status, r.code, r.message, r.details);
}

function reviewed(post: PostEntity): ReviewedPost {
  return { postId: post.id, organizationId: post.organizationId, title: post.title, text: post.text, scheduledAt: post.scheduledAt };
}
