import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { CurrentUserView, UserView } from '@vestnik/contracts';
import { MembershipEntity, OrganizationEntity, UserEntity } from '@vestnik/server/persistence';
import { PasswordHasher } from './password-hasher';

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
  ) {}

  findByEmail(email: string, manager: EntityManager = this.dataSource.manager): Promise<UserEntity | null> {
    return manager.findOne(UserEntity, { where: { email: normalizeEmail(email) } });
  }

  /** The user, for one who is known to exist (a signed-in actor). */
  async viewById(id: string): Promise<UserView> {
    return this.view(await this.dataSource.manager.findOneByOrFail(UserEntity, { id }));
  }

  /** The signed-in person as `/auth/me` answers: the view, the language chosen, and whether the session only enrolls a second factor. */
  async currentView(id: string, enrollmentOnly: boolean): Promise<CurrentUserView> {
    const user = await this.dataSource.manager.findOneByOrFail(UserEntity, { id });
    return { ...(await this.view(user)), totpEnrollmentRequired: enrollmentOnly };
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.dataSource.manager.findOne(UserEntity, { where: { id } });
  }

  async create(input: { email: string; name: string; password: string }, manager: EntityManager): Promise<UserEntity> {
    const user = manager.create(UserEntity, {
      email: normalizeEmail(input.email),
      name: input.name.trim(),
      passwordHash: await this.hasher.hash(input.password),
      language: 'ru',
    });
    return manager.save(user);
  }

  async view(user: UserEntity): Promise<UserView> {
    const memberships = await this.dataSource.manager
      .createQueryBuilder(MembershipEntity, 'm')
      .innerJoin(OrganizationEntity, 'o', 'o.id = m.organization_id')
      .select(['m.organization_id AS "organizationId"', 'o.name AS "organizationName"', 'm.role AS role'])
      .where('m.user_id = :id', { id: user.id })
      .orderBy('o.path')
      .getRawMany();
    return { id: user.id, email: user.email, name: user.name, totpEnabled: user.totpSecret !== null, memberships, language: user.language };
  }

  /** True when the user is an admin (here or above) of an organization that requires a second factor. */
  async mustUseTotp(userId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows = await manager.query(
      `SELECT 1 FROM memberships m
         JOIN organizations mo ON mo.id = m.organization_id
         JOIN organizations o ON o.path LIKE mo.path || '%'
        WHERE m.user_id = $1 AND m.role = 'admin' AND o.require_admin_totp AND o.archived_at IS NULL
        LIMIT 1`,
      [userId],
    );
    return rows.length > 0;
  }

  /**
   * Spends a second-factor time step: true for exactly one caller even when several present the same
   * code at once (the row is updated only while the step is newer than the last one accepted).
   */
  async claimTotpStep(userId: string, step: number, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const [, count]: [unknown, number] = await manager.query(
      'UPDATE users SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)',
      [userId, step],
    );
    return count > 0;
  }

  /** Organizations the user belongs to directly: login events are audited under each. */
  async membershipOrganizationIds(userId: string, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: { organization_id: string }[] = await manager.query('SELECT organization_id FROM memberships WHERE user_id = $1', [userId]);
    return rows.map((r) => r.organization_id);
  }
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
