import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuditEntryView, Page } from '@vestnik/contracts';
import { AuditEntryEntity } from '@vestnik/server/persistence';

export interface AuditSearch {
  organizationPath: string;
  /**
   * Root organizations also see entries tied to no organization and no person (failed logins of unknown
   * addresses). A person's own events are written under the organizations he belongs to at the time;
   * once he belongs to none, they are no organization's business and no admin lists them.
   */
  includeUnscoped: boolean;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

@Injectable()
export class AuditQuery {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async search(s: AuditSearch): Promise<Page<AuditEntryView>> {
    const qb = this.dataSource.getRepository(AuditEntryEntity).createQueryBuilder('a');
    qb.where(s.includeUnscoped ? '(a.organization_path LIKE :prefix OR (a.organization_path IS NULL AND a.target_id IS NULL))' : 'a.organization_path LIKE :prefix', {
      prefix: `${s.organizationPath}%`,
    });
    if (s.from) qb.andWhere('a.at >= :from', { from: s.from });
    if (s.to) qb.andWhere('a.at < :to', { to: s.to });
    qb.orderBy('a.at', 'DESC').addOrderBy('a.id', 'DESC').skip(s.offset).take(s.limit);
    const [rows, total] = await qb.getManyAndCount();
    return { items: rows.map(toView), total, limit: s.limit, offset: s.offset };
  }
}

function toView(a: AuditEntryEntity): AuditEntryView {
  return {
    id: a.id,
    at: a.at.toISOString(),
    actorId: a.actorId,
    actorEmail: a.actorEmail,
    organizationId: a.organizationId,
    action: a.action,
    targetType: a.targetType,
    targetId: a.targetId,
    before: a.before,
    after: a.after,
    ip: a.ip,
  };
}
