import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every approval and rejection with the version it judged: the version last reviewed is what a
 * reviewer compares the current one with. Earlier reviews are read from the audit log (which keeps
 * no hashes), each judging the latest version made before it; those before any known version are left out.
 */
export class PostReviews1765600000001 implements MigrationInterface {
  name = 'PostReviews1765600000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE post_reviews (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        post_id uuid NOT NULL REFERENCES posts(id),
        version int NOT NULL CHECK (version >= 1),
        outcome text NOT NULL CHECK (outcome IN ('approved', 'rejected')),
        reviewer_id uuid NOT NULL REFERENCES users(id),
        comment text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX post_reviews_post ON post_reviews (post_id, created_at)`);
    await q.query(`
      INSERT INTO post_reviews (post_id, version, outcome, reviewer_id, comment, created_at)
      SELECT p.id, v.version, CASE a.action WHEN 'post.approved' THEN 'approved' ELSE 'rejected' END, a.actor_id,
             CASE WHEN a.action = 'post.rejected' THEN a.after->>'comment' END, a.at
        FROM audit_entries a
        JOIN posts p ON p.id::text = a.target_id
        JOIN users u ON u.id = a.actor_id
        CROSS JOIN LATERAL (SELECT max(r.version) AS version FROM post_revisions r
                             WHERE r.post_id = p.id AND r.created_at <= a.at) v
       WHERE a.target_type = 'post' AND a.action IN ('post.approved', 'post.rejected') AND v.version IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE post_reviews`);
  }
}
