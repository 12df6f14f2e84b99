import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One-time links: invitations to an organization and password resets by an admin. Only a SHA-256
 * of the token is kept. A reset leaves the account without a password until the link is used.
 */
export class Invitations1765200000000 implements MigrationInterface {
  name = 'Invitations1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('membership', 'password_reset')),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        email text NOT NULL CHECK (email = lower(email)),
        name text,
        role text CHECK (role IN ('admin', 'supervisor', 'editor', 'viewer')),
        user_id uuid REFERENCES users(id) ON DELETE CASCADE,
        token_hash bytea NOT NULL CHECK (octet_length(token_hash) = 32),
        invited_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        revoked_at timestamptz,
        CHECK ((kind = 'membership') = (role IS NOT NULL)),
        CHECK ((kind = 'password_reset') = (user_id IS NOT NULL)),
        CHECK (accepted_at IS NULL OR revoked_at IS NULL)
      )`);
    await q.query(`CREATE UNIQUE INDEX invitations_token ON invitations (token_hash)`);
    // One open invitation per address and organization, one open reset per person.
    await q.query(`CREATE UNIQUE INDEX invitations_open_membership ON invitations (organization_id, email) WHERE kind = 'membership' AND accepted_at IS NULL AND revoked_at IS NULL`);
    await q.query(`CREATE UNIQUE INDEX invitations_open_reset ON invitations (user_id) WHERE kind = 'password_reset' AND accepted_at IS NULL AND revoked_at IS NULL`);
    await q.query(`ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Accounts waiting for a reset get a hash nothing verifies against: they stay locked until reset again.
    await q.query(`UPDATE users SET password_hash = '!' WHERE password_hash IS NULL`);
    await q.query(`ALTER TABLE users ALTER COLUMN password_hash SET NOT NULL`);
    await q.query(`DROP TABLE invitations`);
  }
}
