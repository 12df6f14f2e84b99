import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1764300000000 implements MigrationInterface {
  name = 'Foundation1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        parent_id uuid REFERENCES organizations(id),
        path text NOT NULL UNIQUE,
        own_timezone text,
        require_admin_totp boolean NOT NULL DEFAULT false,
        allow_self_approval boolean NOT NULL DEFAULT false,
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (parent_id IS NOT NULL OR own_timezone IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX organizations_path_prefix ON organizations (path text_pattern_ops)`);
    await q.query(`CREATE INDEX organizations_parent ON organizations (parent_id)`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(email)),
        name text NOT NULL,
        password_hash text NOT NULL,
        totp_secret text,
        totp_pending_secret text,
        totp_last_step bigint,
        last_login_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email ON users (email)`);

    await q.query(`
      CREATE TABLE memberships (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations(id),
        role text NOT NULL CHECK (role IN ('admin', 'supervisor', 'editor', 'viewer')),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (user_id, organization_id)
      )`);
    await q.query(`CREATE INDEX memberships_organization ON memberships (organization_id)`);

    await q.query(`
      CREATE TABLE audit_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        actor_email text,
        organization_id uuid,
        organization_path text,
        action text NOT NULL,
        target_type text NOT NULL,
        target_id text,
        before jsonb,
        after jsonb,
        ip text
      )`);
    await q.query(`CREATE INDEX audit_entries_path_at ON audit_entries (organization_path text_pattern_ops, at)`);
    await q.query(`CREATE INDEX audit_entries_at ON audit_entries (at)`);
    // The audit log is append-only for everyone, the application included.
    await q.query(`
      CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_entries is append-only';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_entries_no_change BEFORE UPDATE OR DELETE ON audit_entries
      FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
      FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only()`);

    await q.query(`
      CREATE TABLE login_attempts (
        id bigserial PRIMARY KEY,
        email text NOT NULL,
        ip text NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        succeeded boolean NOT NULL
      )`);
    await q.query(`CREATE INDEX login_attempts_email_at ON login_attempts (email, at)`);
    await q.query(`CREATE INDEX login_attempts_ip_at ON login_attempts (ip, at)`);

    await q.query(`CREATE TABLE server_secrets (name text PRIMARY KEY, value text NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE server_secrets`);
    await q.query(`DROP TABLE login_attempts`);
    await q.query(`DROP TABLE audit_entries`);
    await q.query(`DROP FUNCTION audit_entries_append_only`);
    await q.query(`DROP TABLE memberships`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TABLE organizations`);
  }
}
