import { MigrationInterface, QueryRunner } from 'typeorm';

export class Channels1764500000000 implements MigrationInterface {
  name = 'Channels1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE channels (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        platform text NOT NULL CHECK (platform IN ('vk', 'ok', 'telegram')),
        name text NOT NULL,
        target text NOT NULL,
        remote_target_id text NOT NULL,
        display_name text,
        credentials text NOT NULL,
        state text NOT NULL CHECK (state IN ('active', 'disabled', 'needs_attention')),
        can_post boolean NOT NULL DEFAULT false,
        last_verified_at timestamptz,
        last_error text,
        token_expires_at timestamptz,
        weekly_minimum int CHECK (weekly_minimum BETWEEN 0 AND 100),
        rubric_mix jsonb,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz
      )`);
    // One live channel per page: two channels on one wall would publish everything twice.
    await q.query(`CREATE UNIQUE INDEX channels_one_per_page ON channels (platform, remote_target_id) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX channels_organization ON channels (organization_id) WHERE deleted_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE channels`);
  }
}
