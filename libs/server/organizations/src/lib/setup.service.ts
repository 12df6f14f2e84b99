import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { LoginResponse, SetupRequest } from '@vestnik/contracts';
import { AuditLog } from '@vestnik/server/audit';
import { LoginService, UsersService } from '@vestnik/server/auth';
import { ApiException } from '@vestnik/server/http';
import { MembershipEntity, OrganizationEntity, UserEntity } from '@vestnik/server/persistence';

/** Arbitrary constant: two setup requests at once cannot both create a first admin. */
const SETUP_LOCK_KEY = 7_418_230_002;

@Injectable()
export class SetupService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly login: LoginService,
    private readonly audit: AuditLog,
  ) {}

  async required(): Promise<boolean> {
    return (await this.dataSource.manager.count(UserEntity)) === 0;
  }

  /** First run: the root organization and its first admin. Answers 409 once any user exists. */
  async run(input: SetupRequest, ip: string, userAgent: string | null = null): Promise<LoginResponse> {
    const admin = await this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [SETUP_LOCK_KEY]);
      if ((await m.count(UserEntity)) > 0) throw new ApiException(409, 'setup_done', 'Первоначальная настройка уже выполнена: войдите в систему');
      const id = randomUUID();
      await m.insert(OrganizationEntity, { id, name: input.organization.name.trim(), parentId: null, path: `/${id}/`, ownTimezone: input.organization.timezone });
      const user = await this.users.create(input.admin, m);
      await m.insert(MembershipEntity, { userId: user.id, organizationId: id, role: 'admin' });
      await this.audit.record(
        {
          actor: { user: { id: user.id, email: user.email, name: user.name, enrollmentOnly: false }, ip },
          organizationId: id,
          action: 'setup.completed',
          targetType: 'organization',
          targetId: id,
          after: { organization: input.organization.name, timezone: input.organization.timezone, adminEmail: user.email },
        },
        m,
      );
      return user;
    });
    return this.login.issue(admin, false, { ip, userAgent });
  }
}
