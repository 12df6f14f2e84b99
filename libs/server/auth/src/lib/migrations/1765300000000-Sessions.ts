import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Server-side sessions: every token names one, and the guard checks it on each request, so logging
 * out, changing a password or an admin's reset ends a token at once instead of at its expiry.
 */
export class Sessions1765300000000 implements MigrationInterface {
  name = 'Sessions1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        ended_at timestamptz,
        end_reason text,
        enrollment_only boolean NOT NULL DEFAULT false,
        ip text,
        user_agent text,
        CHECK ((ended_at IS NULL) = (end_reason IS NULL))
      )`);
    // Ending every session of a person reads only his open ones.
    await q.query(`CREATE INDEX sessions_user_open ON sessions (user_id) WHERE ended_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sessions`);
  }
}
