import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ChannelAttentionEvent, PublicationEvent, PublishingEvents } from '@vestnik/server/publishing';
import { NotificationDelivery } from './notification-delivery';
import { postLabel, PublicationNoticeKind } from './notification-texts';

const KIND_BY_STATUS: Partial<Record<PublicationEvent['status'], PublicationNoticeKind>> = {
  failed: 'publication_failed',
  unconfirmed: 'publication_unconfirmed',
  missed: 'publication_missed',
};

/**
 * Turns the publishing engine's events into notifications: a failed, unconfirmed or missed
 * publication goes to the post's author and to the supervisors and admins of its organization
 * (a role held on an ancestor counts); a page needing attention goes to those supervisors and admins.
 */
@Injectable()
export class PublishingAlerts implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: PublishingEvents,
    private readonly delivery: NotificationDelivery,
  ) {}

  onModuleInit(): void {
    this.events.subscribe({
      onPublication: (e) => this.publication(e),
      onChannelNeedsAttention: (e) => this.channelNeedsAttention(e),
    });
  }

  async publication(e: PublicationEvent): Promise<void> {
    const kind = KIND_BY_STATUS[e.status];
    if (!kind) return;
    const [subject]: { title: string | null; text: string; author_id: string; organization_id: string; channel_name: string; platform: string }[] = await this.dataSource.query(
      `SELECT p.title, p.text, p.author_id, p.organization_id, c.name AS channel_name, c.platform
         FROM posts p JOIN channels c ON c.id = $2
        WHERE p.id = $1`,
      [e.postId, e.channelId],
    );
    if (!subject) return;
    await this.delivery.deliverPostNotice({
      kind,
      recipients: await this.recipients(subject.organization_id, subject.author_id),
      organizationId: subject.organization_id,
      postId: e.postId,
      publicationId: e.publicationId,
      channelId: e.channelId,
      postLabel: postLabel(subject.title, subject.text),
      channel: { name: subject.channel_name, platform: subject.platform, reason: e.reason ?? null },
    });
  }

  async channelNeedsAttention(e: ChannelAttentionEvent): Promise<void> {
    const [channel]: { name: string; platform: string; organization_id: string }[] = await this.dataSource.query(`SELECT name, platform, organization_id FROM channels WHERE id = $1`, [e.channelId]);
    if (!channel) return;
    await this.delivery.deliverChannelNotice({
      recipients: await this.recipients(channel.organization_id),
      organizationId: channel.organization_id,
      channelId: e.channelId,
      channel: { name: channel.name, platform: channel.platform, reason: e.reason },
    });
  }

  /**
   * Supervisors and admins of the organization or of any ancestor, and the author while he still
   * belongs to the tree (someone who left must not learn about its posts); each person once.
   */
  private async recipients(organizationId: string, authorId: string | null = null): Promise<string[]> {
    const rows: { user_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT m.user_id
         FROM organizations o
         JOIN organizations mo ON o.path LIKE mo.path || '%'
         JOIN memberships m ON m.organization_id = mo.id
        WHERE o.id = $1 AND (m.role IN ('admin', 'supervisor') OR m.user_id = $2)`,
      [organizationId, authorId],
    );
    return rows.map((r) => r.user_id);
  }
}
