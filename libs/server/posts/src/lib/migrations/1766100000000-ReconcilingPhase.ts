import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A publication whose answer was lost can wait in `publishing` with phase `reconciling` while the
 * platform is asked whether the post is there (the lifecycle's `reconcile` transitions).
 */
export class ReconcilingPhase1766100000000 implements MigrationInterface {
  name = 'ReconcilingPhase1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE publications DROP CONSTRAINT publications_phase_check`);
    await q.query(`ALTER TABLE publications ADD CONSTRAINT publications_phase_check CHECK (phase IN ('claimed', 'sending', 'reconciling'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Nothing may stay reconciling under the narrower rule: those publications are taken back as unsure, for a person to check.
    await q.query(
      `UPDATE publications SET status = 'unconfirmed', phase = NULL, claimed_by = NULL, lease_until = NULL, claim_token = claim_token + 1, last_error_code = 'worker_lost', updated_at = now() WHERE phase = 'reconciling'`,
    );
    await q.query(`ALTER TABLE publications DROP CONSTRAINT publications_phase_check`);
    await q.query(`ALTER TABLE publications ADD CONSTRAINT publications_phase_check CHECK (phase IN ('claimed', 'sending'))`);
  }
}
