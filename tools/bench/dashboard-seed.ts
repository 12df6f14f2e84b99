/**
 * The region both dashboard benches measure, filled straight in SQL: ~100 organizations (a root, 9
 * districts, 90 towns; three zones) with `pages` pages, most with a weekly minimum and some with a
 * rubric target, and `weeks` weeks of history at ~3 publications a week per page (a few failed or
 * missed), this week's and next week's still scheduled, some in review.
 */
import { performance } from 'node:perf_hooks';
import type { Client } from 'pg';

export const DISTRICTS = 9;
export const TOWNS_PER_DISTRICT = 10;
export const ZONES = ['Europe/Moscow', 'Asia/Yekaterinburg', 'Asia/Sakhalin'];
/** The region's coordinator, as both benches sign in. */
export const ADMIN = { email: 'coordinator@region.gov.ru', password: 'пароль-координатора-1', name: 'Координатор' };

export interface RegionSize {
  pages: number;
  weeks: number;
}

const log = (line: string) => console.log(`[bench] ${line}`);
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

export async function fillRegion(db: Client, rootId: string, o: RegionSize): Promise<void> {
  const started = performance.now();
  const { rows } = await db.query<{ path: string; user_id: string }>(`SELECT o.path, m.user_id FROM organizations o JOIN memberships m ON m.organization_id = o.id WHERE o.id = $1`, [rootId]);
  const [{ path: rootPath, user_id: userId }] = rows;
  // Ids the API accepts (version 4): the rows find each other by name.
  await db.query(
    `WITH d AS (SELECT gen_random_uuid() AS id, d FROM generate_series(1, $3) d)
     INSERT INTO organizations (id, name, parent_id, path, own_timezone)
     SELECT id, 'Район ' || d, $1::uuid, $2 || id || '/', ($4::text[])[d % 3 + 1] FROM d`,
    [rootId, rootPath, DISTRICTS, ZONES],
  );
  await db.query(
    `WITH t AS (SELECT gen_random_uuid() AS id, d, t FROM generate_series(1, $1) d CROSS JOIN generate_series(1, $2) t)
     INSERT INTO organizations (id, name, parent_id, path)
     SELECT t.id, 'Город ' || t.d || '.' || t.t, o.id, o.path || t.id || '/' FROM t JOIN organizations o ON o.name = 'Район ' || t.d`,
    [DISTRICTS, TOWNS_PER_DISTRICT],
  );
  await db.query(
    `WITH orgs AS (SELECT id, row_number() OVER (ORDER BY path) - 1 AS n, count(*) OVER () AS total FROM organizations WHERE path LIKE $2)
     INSERT INTO channels (organization_id, platform, name, target, remote_target_id, credentials, state, can_post, weekly_minimum, rubric_mix)
     SELECT orgs.id, (ARRAY['vk', 'ok', 'telegram'])[k % 3 + 1], 'Страница ' || k, 'club' || (100000 + k), (100000 + k)::text, 'v2.bench',
            CASE WHEN k % 100 = 7 THEN 'needs_attention' ELSE 'active' END, true,
            CASE WHEN k % 7 = 0 THEN NULL ELSE 2 + k % 3 END,
            CASE WHEN k % 2 = 0 THEN '{"official": 40, "useful": 40, "entertaining": 20}'::jsonb END
       FROM generate_series(0, $1 - 1) k JOIN orgs ON orgs.n = k % orgs.total`,
    [o.pages, `${rootPath}%`],
  );
  // Slot s of page k: from the Monday (UTC) o.weeks weeks back, every 56 hours, shifted by k hours; two weeks ahead too.
  const slots = Math.ceil(((o.weeks + 2) * 7 * 24) / 56);
  await db.query(`CREATE TEMP TABLE slots AS
    SELECT c.id AS channel_id, c.organization_id, c.platform, k.k, s.s,
           date_trunc('week', now()) - make_interval(weeks => $2) + make_interval(hours => s.s * 56 + (k.k % 48)) AS at
      FROM generate_series(0, $1 - 1) k(k) JOIN channels c ON c.remote_target_id = (100000 + k.k)::text CROSS JOIN generate_series(0, $3 - 1) s(s)`, [o.pages, o.weeks, slots]);
  await db.query(`DELETE FROM slots WHERE at > date_trunc('week', now()) + interval '14 days' OR (k + s) % 11 = 0`); // some slots empty
  await db.query(`SET session_replication_role = replica`);
  await db.query(
    `INSERT INTO posts (id, organization_id, author_id, rubric, text, scheduled_at, status, content_hash, approved_hash)
     SELECT md5('post' || k || '.' || s)::uuid, organization_id, $1::uuid, (ARRAY['official', 'official', 'useful', 'useful', 'entertaining'])[(k + s) % 5 + 1], 'Текст ' || k || '.' || s, at,
            CASE WHEN at > now() THEN CASE WHEN (k + s) % 10 = 3 THEN 'in_review' ELSE 'scheduled' END
                 WHEN (k + s) % 40 = 1 THEN 'failed' ELSE 'published' END, 'h', 'h'
       FROM slots`,
    [userId],
  );
  await db.query(
    `INSERT INTO publications (post_id, channel_id, platform, status, published_at, next_attempt_at, updated_at)
     SELECT md5('post' || k || '.' || s)::uuid, channel_id, platform,
            CASE WHEN at > now() THEN CASE WHEN (k + s) % 10 = 3 THEN 'pending' ELSE 'scheduled' END
                 WHEN (k + s) % 40 = 1 THEN 'failed' WHEN (k + s) % 80 = 2 THEN 'missed' ELSE 'published' END,
            CASE WHEN at <= now() AND (k + s) % 40 <> 1 AND (k + s) % 80 <> 2 THEN at + interval '20 seconds' END,
            CASE WHEN at > now() THEN at END, least(at, now())
       FROM slots`,
  );
  await db.query(`SET session_replication_role = origin`);
  await db.query(`DELETE FROM publication_counts`);
  await db.query(`INSERT INTO publication_counts (status, platform, n) SELECT status, platform, count(*) FROM publications GROUP BY status, platform`);
  await db.query(`VACUUM ANALYZE`);
  const mix = await db.query<{ status: string; n: string }>(`SELECT status, count(*) AS n FROM publications GROUP BY status ORDER BY count(*) DESC`);
  const orgs = (await db.query<{ n: string }>(`SELECT count(*) AS n FROM organizations`)).rows[0].n;
  log(`filled in ${seconds(started)} s: ${orgs} organizations, ${o.pages} pages, ${o.weeks} weeks back and 2 ahead; ${mix.rows.map((r) => `${r.status} ${Number(r.n).toLocaleString('en')}`).join(', ')}`);
}
