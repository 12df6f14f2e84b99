import { MigrationInterface, QueryRunner } from 'typeorm';

/** MAX channels: the fourth platform a channel may be on. */
export class MaxPlatform1766500000000 implements MigrationInterface {
  name = 'MaxPlatform1766500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE channels DROP CONSTRAINT channels_platform_check`);
    await q.query(`ALTER TABLE channels ADD CONSTRAINT channels_platform_check CHECK (platform IN ('vk', 'ok', 'telegram', 'max'))`);
  }

  /** Refuses while a MAX channel exists: remove those first, nothing is dropped silently. */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE channels DROP CONSTRAINT channels_platform_check`);
    await q.query(`ALTER TABLE channels ADD CONSTRAINT channels_platform_check CHECK (platform IN ('vk', 'ok', 'telegram'))`);
  }
}
