import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditEntryEntity, OrganizationEntity } from '@vestnik/server/persistence';
import type { Actor } from '@vestnik/server/http';

export interface AuditRecord {
  actor: Actor;
  /** The organization the change belongs to; its path is stored so subtree queries stay one index scan. */
  organizationId: string | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** Keys whose values never reach the audit log. */
const SECRET_KEYS = /password|token|secret|credential|hash/i;

/** Writes audit rows. Pass the transaction's manager so the row commits (or not) with the change itself. */
@Injectable()
export class AuditLog {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Many rows in one insert, in `manager`'s transaction (see `recordAuditEntries`). */
  recordMany(entries: readonly AuditRecord[], manager: EntityManager = this.dataSource.manager): Promise<void> {
    return recordAuditEntries(manager, entries);
  }

  record(entry: AuditRecord, manager: EntityManager = this.dataSource.manager): Promise<void> {
    return recordAuditEntries(manager, [entry]);
  }
}

/**
 * The batch form of `AuditLog.record`, for writers that settle many rows in one transaction (the
 * publishing engine): one read of the organizations' paths, one multi-row insert.
 */
export async function recordAuditEntries(manager: EntityManager, entries: readonly AuditRecord[]): Promise<void> {
  if (entries.length === 0) return;
  const orgIds = [...new Set(entries.map((e) => e.organizationId).filter((id): id is string => id !== null))];
  const paths = new Map<string, string>();
  if (orgIds.length) {
    const orgs = await manager.find(OrganizationEntity, { where: { id: In(orgIds) }, select: { id: true, path: true } });
    for (const o of orgs) paths.set(o.id, o.path);
  }
  // New rows without ids: TypeORM writes them as one multi-row INSERT.
  await manager.save(
    AuditEntryEntity,
    entries.map((entry) =>
      manager.create(AuditEntryEntity, {
        actorId: entry.actor.user?.id ?? null,
        actorEmail: entry.actor.user?.email ?? null,
        organizationId: entry.organizationId,
        organizationPath: entry.organizationId ? (paths.get(entry.organizationId) ?? null) : null,
        action: entry.action,
        targetType: entry.targetType,
        targetId: entry.targetId ?? null,
        before: redact(entry.before ?? null),
        after: redact(entry.after ?? null),
        ip: entry.actor.ip,
      }),
    ),
  );
}

/** Drops secret-looking fields so a summary can never carry a password or token. */
export function redact(summary: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!summary) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(summary)) {
    if (SECRET_KEYS.test(k)) continue;
    out[k] = v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) ? redact(v as Record<string, unknown>) : v;
  }
  return out;
}
