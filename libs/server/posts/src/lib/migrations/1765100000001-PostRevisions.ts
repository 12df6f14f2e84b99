import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Post revisions (who changed the content at which version), the version a post was submitted at
 * and the version last approved: four eyes refuse anyone who changed it since that approval.
 */
export class PostRevisions1765100000001 implements MigrationInterface {
  name = 'PostRevisions1765100000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE post_revisions (
        post_id uuid NOT NULL REFERENCES posts(id),
        version int NOT NULL CHECK (version >= 1),
        content_hash text,
        editor_id uuid NOT NULL REFERENCES users(id),
        kind text NOT NULL CHECK (kind IN ('created', 'edited')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (post_id, version)
      )`);
    await q.query(`ALTER TABLE posts ADD COLUMN submitted_version int, ADD COLUMN last_approved_version int`);

    // Earlier versions: their editors are in the audit log (one entry per content change, in order); their hashes are not.
    await q.query(`
      INSERT INTO post_revisions (post_id, version, content_hash, editor_id, kind, created_at)
      SELECT p.id, e.version, CASE WHEN e.version = p.version THEN p.content_hash END, e.actor_id,
             CASE WHEN e.version = 1 THEN 'created' ELSE 'edited' END, e.at
        FROM (SELECT a.target_id, a.actor_id, a.at, row_number() OVER (PARTITION BY a.target_id ORDER BY a.at, a.id) AS version
                FROM audit_entries a
               WHERE a.target_type = 'post' AND a.action IN ('post.created', 'post.updated', 'post.updated_back_to_review')) e
        JOIN posts p ON p.id::text = e.target_id
        JOIN users u ON u.id = e.actor_id
       WHERE e.version <= p.version`);
    // A post the log does not cover still gets its current version, credited to its author.
    await q.query(`
      INSERT INTO post_revisions (post_id, version, content_hash, editor_id, kind)
      SELECT id, version, content_hash, author_id, CASE WHEN version = 1 THEN 'created' ELSE 'edited' END FROM posts
      ON CONFLICT (post_id, version) DO NOTHING`);
    // Only a standing approval tells which version was approved; elsewhere every recorded editor counts.
    await q.query(`UPDATE posts SET last_approved_version = version WHERE approved_hash IS NOT NULL AND approved_hash = content_hash`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE posts DROP COLUMN submitted_version, DROP COLUMN last_approved_version`);
    await q.query(`DROP TABLE post_revisions`);
  }
}
