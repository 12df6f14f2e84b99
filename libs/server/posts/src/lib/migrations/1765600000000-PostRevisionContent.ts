import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each revision keeps the content it had (text, title, link, variants, images, channels, rubric,
 * time), so a reviewer sees what changed since the version last reviewed. Versions written before
 * this keep none, except each post's current one, taken from the post itself.
 */
export class PostRevisionContent1765600000000 implements MigrationInterface {
  name = 'PostRevisionContent1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE post_revisions ADD COLUMN content jsonb`);
    await q.query(`
      UPDATE post_revisions r
         SET content = jsonb_build_object(
               'rubric', p.rubric,
               'title', p.title,
               'text', p.text,
               'link', p.link,
               'mediaIds', to_jsonb(p.media_ids),
               'variants', p.variants,
               'channelIds', coalesce((SELECT jsonb_agg(x.channel_id ORDER BY x.channel_id) FROM publications x WHERE x.post_id = p.id), '[]'::jsonb),
               'scheduledAt', to_char(p.scheduled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
        FROM posts p
       WHERE r.post_id = p.id AND r.version = p.version`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE post_revisions DROP COLUMN content`);
  }
}
