import { Injectable } from '@nestjs/common';
import type { ChannelRefView, PostChangesView, PostReviewView, PostRevisionView } from '@vestnik/contracts';
import { SignedInActor, validationFailed } from '@vestnik/server/http';
import type { RevisionContent } from './entities/post-revision.entity';
import { compareContents } from './post-changes';
import { revisionContent } from './post-content';
import { PostContext } from './post-context';

interface ReviewRow {
  version: number;
  outcome: 'approved' | 'rejected';
  reviewer_id: string;
  reviewer_name: string;
  comment: string | null;
  created_at: Date;
}

interface RevisionRow {
  version: number;
  editor_id: string;
  editor_name: string;
  kind: 'created' | 'edited';
  created_at: Date;
  content: RevisionContent | null;
}

/** What changed in a post since the version last reviewed (or a given one): for reviewers. */
@Injectable()
export class PostChangesService {
  constructor(private readonly ctx: PostContext) {}

  async changes(actor: SignedInActor, id: string, since?: number): Promise<PostChangesView> {
    const { post } = await this.ctx.load(actor, id, 'viewer');
    if (since !== undefined && since > post.version) {
      throw validationFailed([{ field: 'since', rule: 'max', message: `Поле «since»: такой версии нет, последняя версия материала — ${post.version}` }]);
    }
    const [review]: ReviewRow[] = await this.ctx.dataSource.query(
      `SELECT r.version, r.outcome, r.reviewer_id, u.name AS reviewer_name, r.comment, r.created_at
         FROM post_reviews r JOIN users u ON u.id = r.reviewer_id
        WHERE r.post_id = $1 ORDER BY r.created_at DESC, r.version DESC LIMIT 1`,
      [id],
    );
    const baseVersion = since ?? review?.version ?? null;
    const revisions: RevisionRow[] = await this.ctx.dataSource.query(
      `SELECT r.version, r.editor_id, u.name AS editor_name, r.kind, r.created_at, CASE WHEN r.version = $2 THEN r.content END AS content
         FROM post_revisions r JOIN users u ON u.id = r.editor_id
        WHERE r.post_id = $1 AND r.version >= coalesce($2, 0)
        ORDER BY r.version`,
      [id, baseVersion],
    );
    const base = baseVersion === null ? null : (revisions.find((r) => r.version === baseVersion)?.content ?? null);

    const currentChannels: { channel_id: string }[] = await this.ctx.dataSource.query('SELECT channel_id FROM publications WHERE post_id = $1', [id]);
    const current = revisionContent(post, currentChannels.map((r) => r.channel_id));
    const channelIds = [...new Set([...current.channelIds, ...(base?.channelIds ?? [])])];
    const channels: ChannelRefView[] = await this.ctx.dataSource.query('SELECT id, name, platform FROM channels WHERE id = ANY($1::uuid[])', [channelIds]);
    const byId = new Map(channels.map((c) => [c.id, c]));

    return {
      postId: post.id,
      version: post.version,
      lastReview: review ? toReviewView(review) : null,
      baseVersion,
      baseMissing: baseVersion !== null && base === null,
      ...compareContents(base, current, (channelId) => byId.get(channelId), await this.ctx.timezoneOf(post.organizationId)),
      revisions: revisions.filter((r) => baseVersion === null || r.version > baseVersion).map(toRevisionView),
    };
  }
}

function toReviewView(r: ReviewRow): PostReviewView {
  return { version: r.version, outcome: r.outcome, reviewerId: r.reviewer_id, reviewerName: r.reviewer_name, comment: r.comment, at: r.created_at.toISOString() };
}

function toRevisionView(r: RevisionRow): PostRevisionView {
  return { version: r.version, editorId: r.editor_id, editorName: r.editor_name, kind: r.kind, at: r.created_at.toISOString() };
}
