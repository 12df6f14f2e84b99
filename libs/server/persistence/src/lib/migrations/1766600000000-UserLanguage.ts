import { MigrationInterface, QueryRunner } from 'typeorm';

/** The editor's language each person chose; Russian until they choose. */
export class UserLanguage1766600000000 implements MigrationInterface {
  name = 'UserLanguage1766600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN language text NOT NULL DEFAULT 'ru' CONSTRAINT users_language_check CHECK (language IN ('ru', 'en'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN language`);
  }
}
