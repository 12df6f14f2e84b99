import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether Vestnik renews the channel's key itself (a VK ID refresh key is stored with it), so the
 * editor warns only about keys that will really stop working. Known from the credentials when they
 * are stored or next opened for a check; null until then for channels connected before.
 */
export class ChannelTokenRenewable1765500000000 implements MigrationInterface {
  name = 'ChannelTokenRenewable1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE channels ADD COLUMN token_renewable boolean`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE channels DROP COLUMN token_renewable`);
  }
}
