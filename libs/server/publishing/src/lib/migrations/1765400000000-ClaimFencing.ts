import { MigrationInterface, QueryRunner } from 'typeorm';

export class ClaimFencing1765400000000 implements MigrationInterface {
  name = 'ClaimFencing1765400000000';

  async up(q: QueryRunner): Promise<void> {
    // Bumped by every claim; each write made for a claim names it, so a claim taken back (even by
    // the same worker, claiming again) can no longer change the publication.
    await q.query(`ALTER TABLE publications ADD COLUMN claim_token int NOT NULL DEFAULT 0`);
    // When the publication's idempotency key first went out: repeats are safe only within the
    // platform's window from here. Only open publications can go again, so only they are filled
    // in (from their last send, the best known); settled history is left untouched.
    await q.query(`ALTER TABLE publications ADD COLUMN first_sent_at timestamptz`);
    await q.query(`UPDATE publications SET first_sent_at = sent_at WHERE sent_at IS NOT NULL AND status IN ('scheduled', 'publishing')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE publications DROP COLUMN first_sent_at`);
    await q.query(`ALTER TABLE publications DROP COLUMN claim_token`);
  }
}
