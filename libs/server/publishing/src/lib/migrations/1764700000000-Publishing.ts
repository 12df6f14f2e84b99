import { MigrationInterface, QueryRunner } from 'typeorm';

export class Publishing1764700000000 implements MigrationInterface {
  name = 'Publishing1764700000000';

  async up(q: QueryRunner): Promise<void> {
    // Pacing shared by all replicas: the earliest moment the next request under a key may go out.
    await q.query(`CREATE TABLE rate_buckets (key text PRIMARY KEY, next_at timestamptz NOT NULL)`);
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        organization_id uuid REFERENCES organizations(id),
        kind text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        post_id uuid,
        publication_id uuid,
        channel_id uuid,
        read_at timestamptz,
        email_state text NOT NULL DEFAULT 'none' CHECK (email_state IN ('none', 'pending', 'sent', 'failed')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX notifications_user ON notifications (user_id, created_at DESC)`);
    await q.query(`CREATE INDEX notifications_email ON notifications (created_at) WHERE email_state = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notifications`);
    await q.query(`DROP TABLE rate_buckets`);
  }
}
