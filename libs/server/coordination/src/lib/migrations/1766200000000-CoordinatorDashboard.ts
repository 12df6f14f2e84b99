import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the coordinator's dashboard and the minimum warnings need. Each page's counts are read by
 * channel through two partial indexes: its published publications by time (this week, 4 weeks, the
 * series, the last one), and the few still waiting or gone wrong. A warning is sent once per page
 * and week: its row is inserted with the notifications, and the primary key refuses a second one.
 */
export class CoordinatorDashboard1766200000000 implements MigrationInterface {
  name = 'CoordinatorDashboard1766200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX publications_channel_published ON publications (channel_id, published_at) WHERE status = 'published'`);
    await q.query(`CREATE INDEX publications_channel_open ON publications (channel_id) WHERE status IN ('scheduled', 'publishing', 'failed', 'missed', 'unconfirmed')`);
    await q.query(`
      CREATE TABLE minimum_warnings (
        channel_id uuid NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
        -- Monday of the week in the page's organization's zone.
        week_start date NOT NULL,
        shortfall int NOT NULL,
        recipients int NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (channel_id, week_start)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE minimum_warnings`);
    await q.query(`DROP INDEX publications_channel_open`);
    await q.query(`DROP INDEX publications_channel_published`);
  }
}
