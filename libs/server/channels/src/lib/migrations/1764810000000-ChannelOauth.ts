import { MigrationInterface, QueryRunner } from 'typeorm';

export class ChannelOauth1764810000000 implements MigrationInterface {
  name = 'ChannelOauth1764810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE channel_oauth_connections (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        platform text NOT NULL CHECK (platform IN ('vk', 'ok')),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        state_hash text NOT NULL UNIQUE,
        browser_hash text NOT NULL,
        code_verifier text,
        state_used_at timestamptz,
        credentials text,
        connected_at timestamptz,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Expired rows are swept on every start.
    await q.query(`CREATE INDEX channel_oauth_connections_expires ON channel_oauth_connections (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE channel_oauth_connections`);
  }
}
