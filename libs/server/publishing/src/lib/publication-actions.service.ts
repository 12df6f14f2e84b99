import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { PUBLICATION_STATUS_LABELS, PUBLICATION_TRANSITIONS, type AttentionPublicationView, type PostStatus, type PublicationView } from '@vestnik/contracts';
import { AuditLog } from '@vestnik/server/audit';
import { AccessService } from '@vestnik/server/auth';
import { ApiException, notFound, SignedInActor } from '@vestnik/server/http';
import { movePosts, movePublications, postMayMove, publicationMayMove, summarisePosts, toPublicationView } from '@vestnik/server/posts';

interface Row {
  id: string;
  post_id: string;
  channel_id: string;
  channel_name: string;
  platform: PublicationView['platform'];
  status: PublicationView['status'];
  remote_id: string | null;
  url: string | null;
  attempts: number;
  last_error: string | null;
  published_at: Date | null;
  organization_id: string;
  approved_hash: string | null;
  content_hash: string;
  post_status: PostStatus;
}

/** A person's decisions on publications the engine could not settle alone. */
@Injectable()
export class PublicationActionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditLog,
  ) {}

  /** Publications of the subtree that need a person: unconfirmed, failed or missed, each with what names its post. */
  async needingAttention(actor: SignedInActor, organizationId: string): Promise<AttentionPublicationView[]> {
    const { organization } = await this.access.require(actor.user.id, organizationId, 'viewer');
    // Walks the partial index publications_attention newest first and stops at the limit, whatever the
    // subtree: tested per row by a subquery, the planner cannot start from the subtree's posts (a town's
    // posts of every year cost more than the publications waiting for a person), and inside CASE the
    // test's selectivity is not guessed at 0.5 %, which would make it read every waiting one and sort.
    const rows: (Row & { post_title: string | null; post_text: string; scheduled_at: Date })[] = await this.dataSource.query(
      `SELECT ${COLUMNS}, p.title AS post_title, left(p.text, ${POST_TEXT_OPENING}) AS post_text, p.scheduled_at
         FROM (SELECT * FROM publications a
                WHERE a.status IN ('unconfirmed', 'failed', 'missed')
                  AND CASE WHEN (SELECT o.path FROM posts ap JOIN organizations o ON o.id = ap.organization_id WHERE ap.id = a.post_id) LIKE $1 THEN true ELSE false END
                ORDER BY a.updated_at DESC LIMIT ${ATTENTION_LIMIT}) pub
         JOIN posts p ON p.id = pub.post_id JOIN channels c ON c.id = pub.channel_id
        ORDER BY pub.updated_at DESC`,
      [`${organization.path}%`],
    );
    return rows.map((r) => ({
      ...toPublicationView(r),
      postId: r.post_id,
      postTitle: r.post_title,
      postText: r.post_text,
      scheduledAt: r.scheduled_at.toISOString(),
      organizationId: r.organization_id,
    }));
  }

  /** "It was published": a person checked the page and found the post. */
  async markPublished(actor: SignedInActor, id: string, url?: string): Promise<PublicationView> {
    return this.decide(actor, id, 'mark_published', async (m) => (await movePublications(m, 'mark_published', [{ id, url: url ?? null }])).length > 0);
  }

  /** "Publish again": a person decided that it did not go out. */
  async republish(actor: SignedInActor, id: string): Promise<PublicationView> {
    return this.decide(actor, id, 'republish', async (m, row) => {
      // `row` is read under the post's lock: a cancel or an edit that came first is seen here.
      if (row.approved_hash !== row.content_hash || !postMayMove('republish', row.post_status)) {
        throw new ApiException(409, 'post_not_approved', 'Материал изменён или отменён после согласования: отправить его заново нельзя');
      }
      const moved = await movePublications(m, 'republish', [{ id }]);
      if (moved.length > 0) await movePosts(m, 'republish', [row.post_id]);
      return moved.length > 0;
    });
  }

  private async decide(
    actor: SignedInActor,
    id: string,
    name: 'mark_published' | 'republish',
    apply: (m: EntityManager, row: Row) => Promise<boolean>,
  ): Promise<PublicationView> {
    const action = PUBLICATION_TRANSITIONS[name].audit;
    const seen = await this.load(id);
    await this.access.require(actor.user.id, seen.organization_id, 'supervisor', 'Публикация');
    await this.dataSource.transaction(async (m) => {
      // The post first, then the publication: the order the publisher takes them in. What is decided on
      // is read again under both locks, so a cancel or edit committed meanwhile is not overlooked.
      await m.query(`SELECT 1 FROM posts WHERE id = $1 FOR UPDATE`, [seen.post_id]);
      await m.query(`SELECT 1 FROM publications WHERE id = $1 FOR UPDATE`, [id]);
      const row = await this.load(id, m);
      const refused = () => new ApiException(409, 'invalid_transition', `Публикация в состоянии «${PUBLICATION_STATUS_LABELS[row.status]}»: это действие для неё недоступно`);
      if (row.status === 'publishing' || !publicationMayMove(name, row.status)) throw refused();
      // The lifecycle's guard is the last word: a row it did not move is refused the same way.
      if (!(await apply(m, row))) throw refused();
      await this.audit.record({ actor, organizationId: row.organization_id, action, targetType: 'publication', targetId: id, before: { status: row.status } }, m);
      await summarisePosts(m, [row.post_id]);
    });
    return toPublicationView(await this.load(id));
  }

  private async load(id: string, manager: EntityManager = this.dataSource.manager): Promise<Row> {
    const rows: Row[] = /^[0-9a-f-]{36}$/i.test(id) ? await manager.query(`${SELECT} WHERE pub.id = $1`, [id]) : [];
    if (!rows[0]) throw notFound('Публикация');
    return rows[0];
  }
}

/** The newest this many publications needing a person are listed. */
const ATTENTION_LIMIT = 500;

/** Enough of a post's text to recognise it by in a list. */
const POST_TEXT_OPENING = 300;

const COLUMNS = `pub.id, pub.post_id, pub.channel_id, c.name AS channel_name, pub.platform, pub.status, pub.remote_id, pub.url, pub.attempts, pub.last_error, pub.published_at,
                 p.organization_id, p.approved_hash, p.content_hash, p.status AS post_status`;
const FROM = `FROM publications pub JOIN posts p ON p.id = pub.post_id JOIN channels c ON c.id = pub.channel_id`;
const SELECT = `SELECT ${COLUMNS} ${FROM}`;
