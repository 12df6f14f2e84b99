import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { NotificationPage, NotificationsMarkedView, NotificationView } from '@vestnik/contracts';
import { notFound } from '@vestnik/server/http';
import { NotificationRow, toNotificationView } from './notification-row';

export interface InboxQuery {
  unread: boolean;
  limit: number;
  offset: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A person's own notifications. Someone else's id answers 404 like an unknown one. Reading a
 * notification before its e-mail went out cancels the e-mail: the person has already seen it.
 */
@Injectable()
export class NotificationInbox {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(userId: string, q: InboxQuery): Promise<NotificationPage> {
    const rows: NotificationRow[] = await this.dataSource.query(
      `SELECT * FROM notifications
        WHERE user_id = $1 AND ($2::boolean IS FALSE OR read_at IS NULL)
        ORDER BY created_at DESC, id DESC
        LIMIT $3 OFFSET $4`,
      [userId, q.unread, q.limit, q.offset],
    );
    const [counts]: { total: number; unread: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total, (count(*) FILTER (WHERE read_at IS NULL))::int AS unread FROM notifications WHERE user_id = $1`,
      [userId],
    );
    return { items: rows.map(toNotificationView), total: q.unread ? counts.unread : counts.total, unread: counts.unread, limit: q.limit, offset: q.offset };
  }

  async markRead(userId: string, id: string): Promise<NotificationView> {
    if (!UUID.test(id)) throw notFound('Уведомление');
    const [rows]: [NotificationRow[], number] = await this.dataSource.query(
      `UPDATE notifications
          SET read_at = coalesce(read_at, now()),
              email_state = CASE WHEN email_state = 'pending' THEN 'none' ELSE email_state END
        WHERE id = $1 AND user_id = $2
        RETURNING *`,
      [id, userId],
    );
    if (!rows[0]) throw notFound('Уведомление');
    return toNotificationView(rows[0]);
  }

  async markAllRead(userId: string): Promise<NotificationsMarkedView> {
    const [, marked]: [unknown[], number] = await this.dataSource.query(
      `UPDATE notifications
          SET read_at = now(),
              email_state = CASE WHEN email_state = 'pending' THEN 'none' ELSE email_state END
        WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return { marked };
  }
}
