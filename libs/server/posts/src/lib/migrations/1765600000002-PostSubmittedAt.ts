import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a post was last sent to review (submitted, or an approved post edited back to review): the
 * approval queue takes the oldest first. Posts in review before this get the time from the audit
 * log, or their last change.
 */
export class PostSubmittedAt1765600000002 implements MigrationInterface {
  name = 'PostSubmittedAt1765600000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE posts ADD COLUMN submitted_at timestamptz`);
    await q.query(`
      UPDATE posts p
         SET submitted_at = coalesce(
               (SELECT max(a.at) FROM audit_entries a
                 WHERE a.target_type = 'post' AND a.target_id = p.id::text AND a.action IN ('post.submitted', 'post.updated_back_to_review')),
               p.updated_at)
       WHERE p.submitted_version IS NOT NULL OR p.status = 'in_review'`);
    await q.query(`CREATE INDEX posts_review_queue ON posts (submitted_at) WHERE status = 'in_review'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX posts_review_queue`);
    await q.query(`ALTER TABLE posts DROP COLUMN submitted_at`);
  }
}
