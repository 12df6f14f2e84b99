import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Letters to an address rather than to a user (an invitation goes to someone who may have no account).
 * The content is sealed and erased once sent or given up: it may carry a one-time link.
 */
export class Letters1765200000001 implements MigrationInterface {
  name = 'Letters1765200000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE letters (
        id uuid PRIMARY KEY,
        kind text NOT NULL,
        recipient text NOT NULL,
        recipient_name text,
        content text,
        state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
        attempts int NOT NULL DEFAULT 0,
        next_at timestamptz NOT NULL DEFAULT now(),
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        CHECK (state = 'pending' OR content IS NULL)
      )`);
    await q.query(`CREATE INDEX letters_due ON letters (next_at) WHERE state = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE letters`);
  }
}
