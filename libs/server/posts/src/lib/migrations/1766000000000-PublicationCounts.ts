import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Publication counts by status and platform without counting the table: a trigger on `publications`
 * appends each change (+1 / −1) to `publication_count_changes`, and `publication_counts_compact()`
 * folds the appended changes into `publication_counts`. A reader sums both in one statement, so
 * the answer is exact under any number of writers and replicas.
 *
 * Writers only append: two transactions that change statuses in different orders never wait on a
 * shared counter row (a counter updated in place, even spread over slots, deadlocks when two batch
 * claims touch the same counters in different orders). Only the compactor writes the totals, one at
 * a time (an advisory lock), in one short statement.
 */
export class PublicationCounts1766000000000 implements MigrationInterface {
  name = 'PublicationCounts1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE publication_counts (
        status text NOT NULL,
        platform text NOT NULL,
        n bigint NOT NULL,
        PRIMARY KEY (status, platform)
      )`);
    // No index: rows are only appended, and taken all at once by the compactor.
    await q.query(`CREATE TABLE publication_count_changes (status text NOT NULL, platform text NOT NULL, n int NOT NULL)`);
    await q.query(`
      CREATE FUNCTION publication_count_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO publication_count_changes (status, platform, n) VALUES (NEW.status, NEW.platform, 1);
        ELSIF TG_OP = 'DELETE' THEN
          INSERT INTO publication_count_changes (status, platform, n) VALUES (OLD.status, OLD.platform, -1);
        ELSE
          INSERT INTO publication_count_changes (status, platform, n) VALUES (OLD.status, OLD.platform, -1), (NEW.status, NEW.platform, 1);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION publication_counts_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM publication_count_changes;
        DELETE FROM publication_counts;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION publication_counts_compact() RETURNS bigint LANGUAGE plpgsql AS $$
      DECLARE
        moved bigint;
      BEGIN
        -- One compactor at a time; the others skip: the next scrape or tick folds what is left.
        IF NOT pg_try_advisory_xact_lock(${COMPACT_LOCK_KEY}) THEN
          RETURN 0;
        END IF;
        WITH taken AS (DELETE FROM publication_count_changes RETURNING status, platform, n),
             sums AS (SELECT status, platform, sum(n) AS n, count(*) AS changes FROM taken GROUP BY status, platform),
             folded AS (
               INSERT INTO publication_counts AS c (status, platform, n) SELECT status, platform, n FROM sums
               ON CONFLICT (status, platform) DO UPDATE SET n = c.n + excluded.n
             )
        SELECT coalesce(sum(changes), 0) INTO moved FROM sums;
        RETURN moved;
      END $$`);
    // The triggers lock out writers until this migration commits, so the totals below miss nothing.
    await q.query(`CREATE TRIGGER publications_count_rows AFTER INSERT OR DELETE ON publications FOR EACH ROW EXECUTE FUNCTION publication_count_change()`);
    await q.query(`
      CREATE TRIGGER publications_count_status AFTER UPDATE OF status, platform ON publications
      FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.platform IS DISTINCT FROM NEW.platform)
      EXECUTE FUNCTION publication_count_change()`);
    await q.query(`CREATE TRIGGER publications_count_truncate AFTER TRUNCATE ON publications FOR EACH STATEMENT EXECUTE FUNCTION publication_counts_truncated()`);
    await q.query(`INSERT INTO publication_counts (status, platform, n) SELECT status, platform, count(*) FROM publications GROUP BY status, platform`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER publications_count_truncate ON publications`);
    await q.query(`DROP TRIGGER publications_count_status ON publications`);
    await q.query(`DROP TRIGGER publications_count_rows ON publications`);
    await q.query(`DROP FUNCTION publication_counts_compact()`);
    await q.query(`DROP FUNCTION publication_counts_truncated()`);
    await q.query(`DROP FUNCTION publication_count_change()`);
    await q.query(`DROP TABLE publication_count_changes`);
    await q.query(`DROP TABLE publication_counts`);
  }
}

/** Arbitrary constant, distinct from the migration lock's. */
const COMPACT_LOCK_KEY = 7_418_230_011;
