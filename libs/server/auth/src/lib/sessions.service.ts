import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { VESTNIK_CONFIG, VestnikConfig } from '@vestnik/server/config';
import type { SessionUser } from '@vestnik/server/http';
import { PersonAudit } from './person-audit';

/** Where a session was opened from, kept for the person's and the admins' review. */
export interface SessionClient {
  ip: string | null;
  userAgent: string | null;
}

export const NO_CLIENT: SessionClient = { ip: null, userAgent: null };

export interface StartedSessionRow {
  id: string;
  expiresAt: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const USER_AGENT_MAX = 500;

/**
 * Server-side sessions. A token works only while its session is open and unexpired: ending a session
 * (logout, a password change, an admin's reset) takes effect on the very next request.
 */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(VESTNIK_CONFIG) private readonly config: VestnikConfig,
    private readonly audit: PersonAudit,
  ) {}

  /** Opens a session lasting as long as an access token. */
  async start(userId: string, enrollmentOnly: boolean, client: SessionClient = NO_CLIENT, manager: EntityManager = this.dataSource.manager): Promise<StartedSessionRow> {
    const rows: { id: string; expires_at: Date }[] = await manager.query(
      `INSERT INTO sessions (user_id, expires_at, enrollment_only, ip, user_agent)
       VALUES ($1, now() + make_interval(secs => $2), $3, $4, $5)
       RETURNING id, expires_at`,
      [userId, this.config.accessTokenTtlSeconds, enrollmentOnly, client.ip, client.userAgent?.slice(0, USER_AGENT_MAX) ?? null],
    );
    return { id: rows[0].id, expiresAt: rows[0].expires_at };
  }

  /** Ends one session; false when it was already over. */
  async end(sessionId: string, reason: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const [, count]: [unknown, number] = await manager.query(`UPDATE sessions SET ended_at = now(), end_reason = $2 WHERE id = $1 AND ended_at IS NULL`, [sessionId, reason]);
    return count > 0;
  }

  /**
   * Ends every open session of the person (a password change or reset, a removed account). Pass the
   * transaction's manager so the ending commits with the change that caused it. Audited as
   * `auth.sessions_ended` under each organization the person belongs to.
   */
  async endAllForUser(userId: string, reason: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const ended: { email: string }[] = await manager.query(
      `UPDATE sessions s SET ended_at = now(), end_reason = $2 FROM users u
        WHERE u.id = s.user_id AND s.user_id = $1 AND s.ended_at IS NULL
        RETURNING u.email`,
      [userId, reason],
    );
    if (!ended.length) return;
    // The caller audits what it did and who did it; this row says what that cost the person.
    await this.audit.record({ user: null, ip: null }, { id: userId, email: ended[0].email }, 'auth.sessions_ended', { reason, sessions: ended.length }, manager);
  }

  /**
   * The person behind a token, or null when the session is unknown, ended, expired or not his: one
   * primary-key read on every request, no cache, so an ending is never late.
   */
  async resolve(sessionId: unknown, userId: unknown): Promise<SessionUser | null> {
    if (typeof sessionId !== 'string' || typeof userId !== 'string' || !UUID.test(sessionId) || !UUID.test(userId)) return null;
    const rows: { id: string; email: string; name: string; enrollment_only: boolean; stale: boolean }[] = await this.dataSource.query(
      `SELECT u.id, u.email, u.name, s.enrollment_only, s.last_seen_at < now() - interval '1 minute' AS stale
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1 AND s.user_id = $2 AND s.ended_at IS NULL AND s.expires_at > now()`,
      [sessionId, userId],
    );
    const row = rows[0];
    if (!row) return null;
    if (row.stale) {
      await this.dataSource.query(`UPDATE sessions SET last_seen_at = now() WHERE id = $1 AND last_seen_at < now() - interval '1 minute'`, [sessionId]);
    }
    return { id: row.id, email: row.email, name: row.name, enrollmentOnly: row.enrollment_only, sessionId };
  }
}
