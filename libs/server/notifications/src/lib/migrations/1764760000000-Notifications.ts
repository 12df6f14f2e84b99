import { MigrationInterface, QueryRunner } from 'typeorm';

/** What the notifications table (created with publishing) lacks: gathering bursts and an e-mail outbox with retries. */
export class Notifications1764760000000 implements MigrationInterface {
  name = 'Notifications1764760000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE notifications
        ADD COLUMN channel_ids uuid[] NOT NULL DEFAULT '{}',
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN email_attempts int NOT NULL DEFAULT 0,
        ADD COLUMN email_next_at timestamptz,
        ADD COLUMN email_error text,
        ADD COLUMN emailed_at timestamptz`);
    // At most one unread notification per person, post and kind (or page and kind): later events update it.
    await q.query(`CREATE UNIQUE INDEX notifications_unread_post ON notifications (user_id, post_id, kind) WHERE read_at IS NULL AND post_id IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX notifications_unread_channel ON notifications (user_id, channel_id, kind) WHERE read_at IS NULL AND post_id IS NULL AND channel_id IS NOT NULL`);
    await q.query(`DROP INDEX notifications_email`);
    await q.query(`CREATE INDEX notifications_email_due ON notifications (email_next_at) WHERE email_state = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX notifications_email_due`);
    await q.query(`CREATE INDEX notifications_email ON notifications (created_at) WHERE email_state = 'pending'`);
    await q.query(`DROP INDEX notifications_unread_channel`);
    await q.query(`DROP INDEX notifications_unread_post`);
    await q.query(`
      ALTER TABLE notifications
        DROP COLUMN emailed_at,
        DROP COLUMN email_error,
        DROP COLUMN email_next_at,
        DROP COLUMN email_attempts,
        DROP COLUMN updated_at,
        DROP COLUMN channel_ids`);
  }
}
