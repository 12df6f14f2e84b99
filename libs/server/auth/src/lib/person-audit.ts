import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditLog } from '@vestnik/server/audit';
import type { Actor } from '@vestnik/server/http';
import { UsersService } from './users.service';

/** A person's sign-in events are written under each organization he belongs to, so its admins see them. */
@Injectable()
export class PersonAudit {
  constructor(
    private readonly users: UsersService,
    private readonly audit: AuditLog,
  ) {}

  /** `person.id` is null for an address no account has (a failed login): the row then belongs to no organization. */
  async record(actor: Actor, person: { id: string | null; email: string }, action: string, after: Record<string, unknown> = {}, manager?: EntityManager): Promise<void> {
    const organizations = person.id ? await this.users.membershipOrganizationIds(person.id, manager) : [];
    for (const organizationId of organizations.length ? organizations : [null]) {
      await this.audit.record({ actor, organizationId, action, targetType: 'user', targetId: person.id, after: { email: person.email, ...after } }, manager);
    }
  }
}
