import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NotificationDelivery } from './notification-delivery';
import { minimumWarningNotice, MinimumWarningText } from './notification-texts';

/** The page a minimum warning is about. */
export interface MinimumSubject extends MinimumWarningText {
  channelId: string;
  organizationId: string;
}

/**
 * Warnings that a page's week will fall short of its weekly minimum. They go to the people who plan
 * the page: the editors and supervisors of its organization, or, when it has none, of the nearest
 * organization above it that has (a regional centre's people are not told of every school's page).
 * Written in the caller's transaction; answers how many people were told.
 */
@Injectable()
export class MinimumNotices {
  constructor(private readonly delivery: NotificationDelivery) {}

  async warn(s: MinimumSubject, m: EntityManager): Promise<number> {
    const rows: { user_id: string }[] = await m.query(
      `WITH candidates AS (
         SELECT m.user_id, length(mo.path) AS depth
           FROM organizations o
           JOIN organizations mo ON o.path LIKE mo.path || '%'
           JOIN memberships m ON m.organization_id = mo.id AND m.role IN ('editor', 'supervisor')
          WHERE o.id = $1)
       SELECT DISTINCT user_id FROM candidates WHERE depth = (SELECT max(depth) FROM candidates)`,
      [s.organizationId],
    );
    const recipients = rows.map((r) => r.user_id);
    await this.delivery.deliverMinimumNotice({ recipients, organizationId: s.organizationId, channelId: s.channelId, text: minimumWarningNotice(s) }, m);
    return recipients.length;
  }
}
