import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The "needs a person" list, newest first: a few thousand rows among millions, so the list walks
 * this index from the newest and stops at its limit instead of scanning every publication.
 */
export class PublicationsAttention1766000000001 implements MigrationInterface {
  name = 'PublicationsAttention1766000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX publications_attention ON publications (updated_at DESC) WHERE status IN ('unconfirmed', 'failed', 'missed')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX publications_attention`);
  }
}
