import { MigrationInterface, QueryRunner } from 'typeorm';

export class Posts1764600000000 implements MigrationInterface {
  name = 'Posts1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE posts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        author_id uuid NOT NULL REFERENCES users(id),
        rubric text NOT NULL CHECK (rubric IN ('official', 'useful', 'entertaining')),
        title text,
        text text NOT NULL,
        link text,
        media_ids uuid[] NOT NULL DEFAULT '{}',
        variants jsonb NOT NULL DEFAULT '{}',
        scheduled_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('draft', 'in_review', 'scheduled', 'publishing', 'published', 'partially_published', 'failed', 'cancelled')),
        version int NOT NULL DEFAULT 1,
        content_hash text NOT NULL,
        approved_hash text,
        approved_by uuid REFERENCES users(id),
        approved_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX posts_organization_time ON posts (organization_id, scheduled_at)`);
    await q.query(`CREATE INDEX posts_status_time ON posts (status, scheduled_at)`);

    await q.query(`
      CREATE TABLE publications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        post_id uuid NOT NULL REFERENCES posts(id),
        channel_id uuid NOT NULL REFERENCES channels(id),
        platform text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'scheduled', 'publishing', 'published', 'failed', 'unconfirmed', 'missed', 'cancelled')),
        remote_id text,
        url text,
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        published_at timestamptz,
        -- The publishing engine's state: when to try next, who holds it, and whether a request went out.
        next_attempt_at timestamptz,
        phase text CHECK (phase IN ('claimed', 'sending')),
        claimed_by text,
        lease_until timestamptz,
        sent_at timestamptz,
        last_error_code text,
        -- Set when a person sends it out again: lateness is then counted from here.
        requeued_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (post_id, channel_id)
      )`);
    await q.query(`CREATE INDEX publications_channel ON publications (channel_id)`);
    await q.query(`CREATE INDEX publications_due ON publications (next_attempt_at) WHERE status = 'scheduled'`);
    await q.query(`CREATE INDEX publications_leases ON publications (lease_until) WHERE status = 'publishing'`);

    await q.query(`
      CREATE TABLE post_comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        post_id uuid NOT NULL REFERENCES posts(id),
        author_id uuid NOT NULL REFERENCES users(id),
        kind text NOT NULL CHECK (kind IN ('comment', 'rejection')),
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX post_comments_post ON post_comments (post_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE post_comments`);
    await q.query(`DROP TABLE publications`);
    await q.query(`DROP TABLE posts`);
  }
}
