import { MigrationInterface, QueryRunner } from 'typeorm';

/** An organization may require four eyes in its whole subtree; sub-organizations then cannot allow self-approval. */
export class FourEyesInSubtree1765100000000 implements MigrationInterface {
  name = 'FourEyesInSubtree1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organizations ADD COLUMN require_four_eyes_in_subtree boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organizations DROP COLUMN require_four_eyes_in_subtree`);
  }
}
