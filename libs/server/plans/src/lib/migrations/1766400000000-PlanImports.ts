import { MigrationInterface, QueryRunner } from 'typeorm';

/** Uploaded content plans: checked rows wait here for the coordinator's confirmation. */
export class PlanImports1766400000000 implements MigrationInterface {
  name = 'PlanImports1766400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE plan_imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        created_by uuid NOT NULL REFERENCES users(id),
        file_name text NOT NULL,
        timezone text NOT NULL,
        state text NOT NULL CHECK (state IN ('previewed', 'confirmed')),
        rows jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        confirmed_at timestamptz
      )`);
    await q.query(`CREATE INDEX plan_imports_organization ON plan_imports (organization_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE plan_imports`);
  }
}
