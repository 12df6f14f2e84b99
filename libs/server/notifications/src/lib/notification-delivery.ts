import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { VESTNIK_CONFIG, VestnikConfig } from '@vestnik/server/config';
import { ChannelMention, channelNotice, NoticeText, publicationNotice, PublicationNoticeKind } from './notification-texts';

/** A post's publication went wrong on one page: who is told, about what. */
export interface PostNotice {
  kind: PublicationNoticeKind;
  recipients: string[];
  organizationId: string;
  postId: string;
  publicationId: string;
  channelId: string;
  postLabel: string;
  /** This event's page and reason (the publication row may not be committed yet). */
  channel: ChannelMention;
}

/** A page Vestnik can no longer publish to. */
export interface ChannelNotice {
  recipients: string[];
  organizationId: string;
  channelId: string;
  channel: ChannelMention;
}

/** A review asked of supervisors, or its outcome for the author. */
export interface ReviewNotice {
  kind: 'post_awaiting_review' | 'post_approved' | 'post_rejected';
  recipients: string[];
  organizationId: string;
  postId: string;
  text: NoticeText;
}

/** A page that will miss its weekly minimum this week. */
export interface MinimumNotice {
  recipients: string[];
  organizationId: string;
  channelId: string;
  text: NoticeText;
}

/** PostgreSQL's deadlock and serialization failures: the delivery is simply run again. */
const RETRYABLE = new Set(['40P01', '40001']);
const TRIES = 3;

/**
 * Writes notifications. A person has at most one unread notification per post and kind: a burst of
 * failures of one post on many pages updates it ("не опубликована в 12 каналах") instead of adding
 * more, relying on the partial unique indexes of the Notifications migration, so concurrent workers
 * gather into one row too.
 */
@Injectable()
export class NotificationDelivery {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(VESTNIK_CONFIG) private readonly config: VestnikConfig,
  ) {}

  async deliverPostNotice(n: PostNotice): Promise<void> {
    if (n.recipients.length === 0) return;
    const first = publicationNotice(n.kind, n.postLabel, [n.channel]);
    await this.transaction(async (m) => {
      const rows: { id: string; channel_ids: string[] }[] = await m.query(
        `INSERT INTO notifications (user_id, organization_id, kind, title, body, post_id, publication_id, channel_id, channel_ids, email_state, email_next_at)
         SELECT u, $2, $3, $4, $5, $6, $7, $8, ARRAY[$8::uuid], $9, CASE WHEN $9 = 'pending' THEN now() + make_interval(secs => $10) END
           FROM unnest($1::uuid[]) AS u ORDER BY u
         ON CONFLICT (user_id, post_id, kind) WHERE read_at IS NULL AND post_id IS NOT NULL DO UPDATE
            SET channel_ids = CASE WHEN EXCLUDED.channel_id = ANY(notifications.channel_ids) THEN notifications.channel_ids ELSE notifications.channel_ids || EXCLUDED.channel_id END,
                publication_id = EXCLUDED.publication_id, channel_id = EXCLUDED.channel_id, updated_at = now()
         RETURNING id, channel_ids`,
        [n.recipients, n.organizationId, n.kind, first.title, first.body, n.postId, n.publicationId, n.channelId, this.emailState(), this.config.notifications.emailDelaySeconds],
      );
      const gathered = rows.filter((r) => r.channel_ids.length > 1);
      if (gathered.length) await this.rewriteGathered(m, n, gathered);
    });
  }

  async deliverChannelNotice(n: ChannelNotice): Promise<void> {
    if (n.recipients.length === 0) return;
    const text = channelNotice(n.channel);
    await this.transaction((m) =>
      m.query(
        `INSERT INTO notifications (user_id, organization_id, kind, title, body, channel_id, channel_ids, email_state, email_next_at)
         SELECT u, $2, 'channel_needs_attention', $3, $4, $5, ARRAY[$5::uuid], $6, CASE WHEN $6 = 'pending' THEN now() + make_interval(secs => $7) END
           FROM unnest($1::uuid[]) AS u ORDER BY u
         ON CONFLICT (user_id, channel_id, kind) WHERE read_at IS NULL AND post_id IS NULL AND channel_id IS NOT NULL DO UPDATE
            SET title = EXCLUDED.title, body = EXCLUDED.body, updated_at = now()`,
        [n.recipients, n.organizationId, text.title, text.body, n.channelId, this.emailState(), this.config.notifications.emailDelaySeconds],
      ),
    );
  }

  /**
   * A review notice about a post, written in the caller's transaction (the transition's): a person's
   * unread notice of the same post and kind is updated instead of repeated.
   */
  async deliverReviewNotice(n: ReviewNotice, m: EntityManager): Promise<void> {
    if (n.recipients.length === 0) return;
    await m.query(
      `INSERT INTO notifications (user_id, organization_id, kind, title, body, post_id, email_state, email_next_at)
       SELECT u, $2, $3, $4, $5, $6, $7, CASE WHEN $7 = 'pending' THEN now() + make_interval(secs => $8) END
         FROM unnest($1::uuid[]) AS u ORDER BY u
       ON CONFLICT (user_id, post_id, kind) WHERE read_at IS NULL AND post_id IS NOT NULL DO UPDATE
          SET title = EXCLUDED.title, body = EXCLUDED.body, updated_at = now()`,
      [n.recipients, n.organizationId, n.kind, n.text.title, n.text.body, n.postId, this.emailState(), this.config.notifications.emailDelaySeconds],
    );
  }

  /**
   * A page's week falling short of its minimum, written in the caller's transaction (the one that
   * records the warning, so it is sent once). A person's unread one of the same page, left from an
   * earlier week, is renewed as this week's (text, time and e-mail) instead of repeated.
   */
  async deliverMinimumNotice(n: MinimumNotice, m: EntityManager): Promise<void> {
    if (n.recipients.length === 0) return;
    await m.query(
      `INSERT INTO notifications (user_id, organization_id, kind, title, body, channel_id, channel_ids, email_state, email_next_at)
       SELECT u, $2, 'minimum_at_risk', $3, $4, $5, ARRAY[$5::uuid], $6, CASE WHEN $6 = 'pending' THEN now() + make_interval(secs => $7) END
         FROM unnest($1::uuid[]) AS u ORDER BY u
       ON CONFLICT (user_id, channel_id, kind) WHERE read_at IS NULL AND post_id IS NULL AND channel_id IS NOT NULL DO UPDATE
          SET title = EXCLUDED.title, body = EXCLUDED.body, created_at = now(), updated_at = now(),
              email_state = EXCLUDED.email_state, email_next_at = EXCLUDED.email_next_at, email_attempts = 0, email_error = NULL`,
      [n.recipients, n.organizationId, n.text.title, n.text.body, n.channelId, this.emailState(), this.config.notifications.emailDelaySeconds],
    );
  }

  /**
   * The post no longer awaits review: the unread requests to review it are settled (read, their
   * e-mail not sent), so nobody opens a review someone else has already done.
   */
  async settleReviewRequests(postId: string, m: EntityManager): Promise<void> {
    await m.query(
      `UPDATE notifications
          SET read_at = now(), updated_at = now(),
              email_state = CASE WHEN email_state = 'pending' THEN 'none' ELSE email_state END
        WHERE post_id = $1 AND kind = 'post_awaiting_review' AND read_at IS NULL`,
      [postId],
    );
  }

  /** Notifications that now cover several pages get a text naming them all, each with its reason. */
  private async rewriteGathered(m: EntityManager, n: PostNotice, rows: { id: string; channel_ids: string[] }[]): Promise<void> {
    const ids = [...new Set(rows.flatMap((r) => r.channel_ids))];
    const found: { id: string; name: string; platform: string; last_error: string | null }[] = await m.query(
      `SELECT c.id, c.name, c.platform, pub.last_error
         FROM channels c LEFT JOIN publications pub ON pub.channel_id = c.id AND pub.post_id = $1
        WHERE c.id = ANY($2::uuid[])`,
      [n.postId, ids],
    );
    const mentions = new Map<string, ChannelMention>(found.map((c) => [c.id, { name: c.name, platform: c.platform, reason: c.last_error }]));
    mentions.set(n.channelId, n.channel);
    const byCoverage = new Map<string, { channelIds: string[]; ids: string[] }>();
    for (const r of rows) {
      const key = r.channel_ids.join(',');
      const group = byCoverage.get(key) ?? { channelIds: r.channel_ids, ids: [] };
      group.ids.push(r.id);
      byCoverage.set(key, group);
    }
    for (const group of byCoverage.values()) {
      const channels = group.channelIds.map((id) => mentions.get(id)).filter((c): c is ChannelMention => c !== undefined);
      const text = publicationNotice(n.kind, n.postLabel, channels);
      await m.query(`UPDATE notifications SET title = $2, body = $3 WHERE id = ANY($1::uuid[])`, [group.ids, text.title, text.body]);
    }
  }

  /** New notifications wait for their e-mail only when SMTP is configured. */
  private emailState(): 'pending' | 'none' {
    return this.config.notifications.smtpUrl ? 'pending' : 'none';
  }

  private async transaction<T>(run: (m: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction(run);
      } catch (e) {
        const code = (e as { driverError?: { code?: string }; code?: string }).driverError?.code ?? (e as { code?: string }).code;
        if (attempt >= TRIES || !code || !RETRYABLE.has(code)) throw e;
      }
    }
  }
}
