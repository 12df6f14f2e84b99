import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { effectiveTimezones } from '@vestnik/server/organizations';
import { NotificationDelivery } from './notification-delivery';
import { localTime, postLabel, reviewOutcomeNotice, reviewRequestNotice } from './notification-texts';

/** The post a review notice is about. */
export interface ReviewSubject {
  postId: string;
  organizationId: string;
  title: string | null;
  text: string;
  scheduledAt: Date;
}

/**
 * Notices of reviews: a post awaiting review goes to the supervisors and admins of its organization
 * and of its ancestors (a role held above counts) except its sender and whoever four eyes bar from
 * approving it; an approval or a rejection goes to the author while he still belongs to the tree.
 * Written in the caller's transaction.
 */
@Injectable()
export class ReviewNotices {
  constructor(private readonly delivery: NotificationDelivery) {}

  async requested(r: ReviewSubject & { sentBy: { id: string; name: string }; how: 'submitted' | 'edited_after_approval'; barred: string[] }, m: EntityManager): Promise<void> {
    const skip = [r.sentBy.id, ...r.barred];
    const rows: { user_id: string }[] = await m.query(
      `SELECT DISTINCT m.user_id
         FROM organizations o
         JOIN organizations mo ON o.path LIKE mo.path || '%'
         JOIN memberships m ON m.organization_id = mo.id
        WHERE o.id = $1 AND m.role IN ('admin', 'supervisor') AND NOT (m.user_id = ANY($2::uuid[]))`,
      [r.organizationId, skip],
    );
    const place = await this.place(r, m);
    const text = reviewRequestNotice({ label: postLabel(r.title, r.text), organizationName: place.organizationName, sentByName: r.sentBy.name, how: r.how, when: place.when });
    await this.delivery.deliverReviewNotice({ kind: 'post_awaiting_review', recipients: rows.map((x) => x.user_id), organizationId: r.organizationId, postId: r.postId, text }, m);
  }

  async reviewed(
    r: ReviewSubject & { authorId: string; reviewer: { id: string; name: string }; outcome: 'approved' | 'rejected'; comment: string | null; channelCount: number },
    m: EntityManager,
  ): Promise<void> {
    if (r.authorId === r.reviewer.id) return;
    const member: unknown[] = await m.query(
      `SELECT 1 FROM organizations o JOIN organizations mo ON o.path LIKE mo.path || '%' JOIN memberships m ON m.organization_id = mo.id
        WHERE o.id = $1 AND m.user_id = $2 LIMIT 1`,
      [r.organizationId, r.authorId],
    );
    if (member.length === 0) return;
    const place = await this.place(r, m);
    const text = reviewOutcomeNotice({ label: postLabel(r.title, r.text), reviewerName: r.reviewer.name, outcome: r.outcome, comment: r.comment, when: place.when, channelCount: r.channelCount });
    await this.delivery.deliverReviewNotice({ kind: r.outcome === 'approved' ? 'post_approved' : 'post_rejected', recipients: [r.authorId], organizationId: r.organizationId, postId: r.postId, text }, m);
  }

  settled(postId: string, m: EntityManager): Promise<void> {
    return this.delivery.settleReviewRequests(postId, m);
  }

  /** The organization's name, and the publication time in its zone. */
  private async place(r: ReviewSubject, m: EntityManager): Promise<{ organizationName: string; when: string }> {
    const [org]: { name: string }[] = await m.query('SELECT name FROM organizations WHERE id = $1', [r.organizationId]);
    const zone = (await effectiveTimezones(m.connection, [r.organizationId])).get(r.organizationId) ?? 'UTC';
    return { organizationName: org?.name ?? '', when: localTime(r.scheduledAt, zone) };
  }
}
