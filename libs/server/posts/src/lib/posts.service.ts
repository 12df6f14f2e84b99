import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PLATFORMS, type CreatePostRequest, type Page, type PostQuery, type PostStatus, type PostView, type UpdatePostRequest } from '@vestnik/contracts';
import { AuditLog } from '@vestnik/server/audit';
import { refuseIfArchived } from '@vestnik/server/auth';
import { ApiException, SignedInActor } from '@vestnik/server/http';
import { PostEntity } from './entities/post.entity';
import { PostRevisionEntity } from './entities/post-revision.entity';
import { createPost, movePosts } from './lifecycle/post-lifecycle';
import { createPublications, movePublications, removePublications } from './lifecycle/publication-lifecycle';
import { contentHash, revisionContent, TargetChannel } from './post-content';
import { barredFromApproving } from './approval-rule';
import { PostContext } from './post-context';
import { PostReviewNotices } from './post-review-notices';
import { postSummary } from './post-view';

/** Statuses in which a post may still be edited: nothing has gone out yet. */
const EDITABLE: readonly PostStatus[] = ['draft', 'in_review', 'scheduled'];

@Injectable()
export class PostsService {
  constructor(
    private readonly ctx: PostContext,
    private readonly audit: AuditLog,
    private readonly notices: PostReviewNotices,
  ) {}

  async create(actor: SignedInActor, input: CreatePostRequest): Promise<PostView> {
    const access = await this.ctx.requireOrganization(actor, input.organizationId, 'editor');
    refuseIfArchived(access.organization, 'создавать в ней материалы');
    const timezone = await this.ctx.timezoneOf(input.organizationId);
    const scheduledAt = this.ctx.instant(input.scheduledAt, timezone, 'scheduledAt');
    const targets = await this.ctx.targets(access.organization.path, input.channelIds);
    const mediaIds = input.mediaIds ?? [];
    await this.ctx.assertImages(access.organization.path, mediaIds);
    const post = await this.ctx.dataSource.transaction(async (m) => {
      const fields = {
        organizationId: input.organizationId,
        authorId: actor.user.id,
        rubric: input.rubric,
        title: input.title?.trim() || null,
        text: input.text,
        link: input.link ?? null,
        mediaIds,
        variants: variantsOf(input.variants),
        scheduledAt,
      };
      const saved = await createPost(m, { ...fields, contentHash: contentHash(fields, targets.map((t) => t.id)) });
      await this.recordRevision(m, saved, actor, 'created', targets.map((t) => t.id));
      await this.syncPublications(m, saved.id, targets);
      await this.audit.record({ actor, organizationId: saved.organizationId, action: 'post.created', targetType: 'post', targetId: saved.id, after: postSummary(saved, targets.map((t) => t.id)) }, m);
      return saved;
    });
    return this.ctx.view(post, access.organization.path, actor);
  }

  async get(actor: SignedInActor, id: string): Promise<PostView> {
    const { post, access } = await this.ctx.load(actor, id, 'viewer');
    return this.ctx.view(post, access.organization.path, actor);
  }

  /**
   * Edits what the post says, where or when, recording the editor of the new version (four eyes
   * keep him from approving it). An approved post goes back to review: the approval was bound to
   * the content hash, so its publications wait for a new one.
   */
  async update(actor: SignedInActor, id: string, input: UpdatePostRequest): Promise<PostView> {
    const { post, access } = await this.ctx.load(actor, id, 'editor');
    const timezone = await this.ctx.timezoneOf(post.organizationId);
    const scheduledAt = input.scheduledAt !== undefined ? this.ctx.instant(input.scheduledAt, timezone, 'scheduledAt') : undefined;
    const newTargets = input.channelIds ? await this.ctx.targets(access.organization.path, input.channelIds) : undefined;
    if (input.mediaIds) await this.ctx.assertImages(access.organization.path, input.mediaIds);

    const updated = await this.ctx.dataSource.transaction(async (m) => {
      const current = await m.findOne(PostEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw new ApiException(404, 'not_found', 'Материал не найден');
      if (!EDITABLE.includes(current.status)) throw new ApiException(409, 'post_locked', 'Материал уже публикуется или отменён: менять его нельзя');
      if (input.version !== undefined && input.version !== current.version) {
        throw new ApiException(409, 'stale_version', 'Материал изменили, пока вы его редактировали: обновите страницу, ваши правки не потеряются, если их скопировать', { currentVersion: current.version });
      }
      const targetIds = newTargets ? newTargets.map((t) => t.id) : await this.channelIdsOf(m, id);
      const before = postSummary(current, await this.channelIdsOf(m, id));
      const next: PostEntity = Object.assign(m.create(PostEntity, current), {
        rubric: input.rubric ?? current.rubric,
        title: input.title !== undefined ? input.title.trim() || null : current.title,
        text: input.text ?? current.text,
        link: input.link !== undefined ? input.link || null : current.link,
        mediaIds: input.mediaIds ?? current.mediaIds,
        variants: input.variants !== undefined ? variantsOf(input.variants) : current.variants,
        scheduledAt: scheduledAt ?? current.scheduledAt,
      });
      next.contentHash = contentHash(next, targetIds);
      if (next.contentHash === current.contentHash) return current;
      const backToReview = current.status === 'scheduled';
      await m.update(PostEntity, { id }, {
        rubric: next.rubric,
        title: next.title,
        text: next.text,
        link: next.link,
        mediaIds: next.mediaIds,
        variants: next.variants,
        scheduledAt: next.scheduledAt,
        contentHash: next.contentHash,
        version: current.version + 1,
      });
      if (backToReview) {
        await movePosts(m, 'back_to_review', [id], { approvedHash: null, approvedBy: null, approvedAt: null, submittedVersion: current.version + 1, submittedAt: new Date() });
      }
      if (newTargets) await this.syncPublications(m, id, newTargets);
      if (backToReview) await movePublications(m, 'back_to_review', [{ id }]);
      const saved = await m.findOneByOrFail(PostEntity, { id });
      await this.recordRevision(m, saved, actor, 'edited', targetIds);
      if (backToReview) {
        const request = { postId: id, organizationId: saved.organizationId, title: saved.title, text: saved.text, scheduledAt: saved.scheduledAt };
        await this.notices.reviewRequested({ ...request, sentBy: { id: actor.user.id, name: actor.user.name }, how: 'edited_after_approval', barred: await barredFromApproving(m, saved) }, m);
      }
      await this.audit.record({ actor, organizationId: saved.organizationId, action: backToReview ? 'post.updated_back_to_review' : 'post.updated', targetType: 'post', targetId: id, before, after: postSummary(saved, targetIds) }, m);
      return saved;
    });
    return this.ctx.view(updated, access.organization.path, actor);
  }

  /** The calendar: posts of the organization and its subtree, by time, filtered and paged. */
  async list(actor: SignedInActor, q: PostQuery): Promise<Page<PostView>> {
    const access = await this.ctx.requireOrganization(actor, q.organizationId, 'viewer');
    const timezone = await this.ctx.timezoneOf(q.organizationId);
    const qb = this.ctx.dataSource.manager
      .createQueryBuilder(PostEntity, 'p')
      .where('p.organization_id IN (SELECT o.id FROM organizations o WHERE o.path LIKE :prefix)', { prefix: `${access.organization.path}%` });
    if (q.from) qb.andWhere('p.scheduled_at >= :from', { from: this.ctx.instant(q.from, timezone, 'from') });
    if (q.to) qb.andWhere('p.scheduled_at < :to', { to: this.ctx.instant(q.to, timezone, 'to') });
    if (q.status) qb.andWhere('p.status = :status', { status: q.status });
    if (q.rubric) qb.andWhere('p.rubric = :rubric', { rubric: q.rubric });
    if (q.channelId) qb.andWhere('EXISTS (SELECT 1 FROM publications x WHERE x.post_id = p.id AND x.channel_id = :channelId)', { channelId: q.channelId });
    const limit = q.limit ?? 100;
    const offset = q.offset ?? 0;
    // The queue takes the oldest sent to review first; the calendar goes by publication time.
    if (q.order === 'submitted') qb.orderBy('p.submitted_at', 'ASC', 'NULLS LAST').addOrderBy('p.scheduled_at', 'ASC');
    else qb.orderBy('p.scheduled_at', 'ASC');
    const [posts, total] = await qb.addOrderBy('p.id').skip(offset).take(limit).getManyAndCount();
    return { items: await this.ctx.views(posts, access.organization.path, actor), total, limit, offset };
  }

  /** Who gave the post its current content, and the content; written with the change, in its transaction. */
  private async recordRevision(m: EntityManager, post: PostEntity, actor: SignedInActor, kind: PostRevisionEntity['kind'], channelIds: string[]): Promise<void> {
    await m.insert(PostRevisionEntity, { postId: post.id, version: post.version, contentHash: post.contentHash, editorId: actor.user.id, kind, content: revisionContent(post, channelIds) });
  }

  /** One publication per target channel: adds the new ones, drops the ones no longer targeted. */
  private async syncPublications(m: EntityManager, postId: string, targets: TargetChannel[]): Promise<void> {
    await removePublications(m, postId, targets.map((t) => t.id));
    await createPublications(m, postId, targets);
  }

  private async channelIdsOf(m: EntityManager, postId: string): Promise<string[]> {
    const rows: { channel_id: string }[] = await m.query('SELECT channel_id FROM publications WHERE post_id = $1', [postId]);
    return rows.map((r) => r.channel_id);
  }
}

function variantsOf(input: CreatePostRequest['variants']): PostEntity['variants'] {
  const out: PostEntity['variants'] = {};
  for (const p of PLATFORMS) {
    const v = input?.[p];
    if (v && v.text.trim() !== '') out[p] = { text: v.text };
  }
  return out;
}
