import { Client } from 'pg';
import { sleep } from './node-process';

export interface EngineRun {
  /** From "due now" to the last publication settled. */
  seconds: number;
  byStatus: Record<string, number>;
  /** Published per second, from "due now" to the last one published. */
  perSecond: number;
  latenessP50: number;
  latenessP99: number;
  /** When each platform's last publication went out, seconds after "due now". */
  lastByPlatform: Record<string, number>;
  /** Publications published, per platform. */
  publishedByPlatform: Record<string, number>;
  transactionsPerPublication: number;
  walBytesPerPublication: number;
  /** What the database's busy connections were doing, sampled at every poll: wait event (CPU when none) and, for a lock, the statement waiting. */
  waits: Record<string, number>;
}

interface DatabaseCounters {
  lsn: string;
  commits: number;
}

/** Watches one run of the engine through its database: makes the approved posts due, waits, sums up. */
export class EngineWatch {
  private dueAt = new Date();
  private before: DatabaseCounters = { lsn: '0/0', commits: 0 };
  private readonly waits: Record<string, number> = {};

  constructor(private readonly db: Client) {}

  /**
   * Moves every approved post's time to now (approval needs a minute's lead, so they were set for
   * tomorrow). With `spreadSeconds`, each publication falls due at a random moment within that
   * span instead; its own due time is kept in `bench_due` for the lateness.
   */
  async makeDue(postIds: string[], spreadSeconds: number, inSeconds = 0): Promise<void> {
    this.before = await this.counters();
    await this.db.query('BEGIN');
    await this.db.query(`UPDATE posts SET scheduled_at = now() + make_interval(secs => $2) WHERE id = ANY($1)`, [postIds, inSeconds]);
    await this.db.query(`UPDATE publications SET next_attempt_at = now() + make_interval(secs => $3 + $2 * random()) WHERE post_id = ANY($1)`, [postIds, spreadSeconds, inSeconds]);
    await this.db.query(`CREATE TABLE bench_due AS SELECT id, next_attempt_at AS due_at FROM publications WHERE post_id = ANY($1)`, [postIds]);
    this.dueAt = (await this.db.query<{ due: Date }>('SELECT now() + make_interval(secs => $1) AS due', [inSeconds])).rows[0].due;
    await this.db.query('COMMIT');
  }

  /** Polls until nothing is pending, scheduled or publishing; false when `timeoutSeconds` ran out first. */
  async settled(timeoutSeconds: number, progress: (line: string) => void): Promise<boolean> {
    const deadline = Date.now() + timeoutSeconds * 1000;
    let lastReport = 0;
    for (;;) {
      const { rows } = await this.db.query<{ open: number; published: number }>(
        `SELECT count(*) FILTER (WHERE status IN ('pending', 'scheduled', 'publishing'))::int AS open, count(*) FILTER (WHERE status = 'published')::int AS published FROM publications`,
      );
      if (rows[0].open === 0) return true;
      await this.sampleWaits();
      if (Date.now() - lastReport >= 5_000) {
        lastReport = Date.now();
        progress(`${((Date.now() - this.dueAt.getTime()) / 1000).toFixed(0)} s: ${rows[0].published} published, ${rows[0].open} open`);
      }
      if (Date.now() > deadline) return false;
      await sleep(250);
    }
  }

  async result(): Promise<EngineRun> {
    await sleep(1_000); // cumulative statistics reach pg_stat_database within a second
    const after = await this.counters();
    const byStatus = Object.fromEntries(
      (await this.db.query<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM publications GROUP BY status`)).rows.map((r) => [r.status, r.n]),
    );
    const since = (column: string) => `extract(epoch FROM ${column} - $1::timestamptz)`;
    const [times] = (
      await this.db.query<{ settled: number; published: number; p50: number; p99: number }>(
        `SELECT ${since('max(pub.updated_at)')} AS settled, ${since('max(pub.published_at)')} AS published,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM pub.published_at - d.due_at)) AS p50,
                percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM pub.published_at - d.due_at)) AS p99
           FROM publications pub JOIN bench_due d ON d.id = pub.id`,
        [this.dueAt],
      )
    ).rows;
    const lastByPlatform = Object.fromEntries(
      (await this.db.query<{ platform: string; last: number }>(`SELECT platform, ${since('max(published_at)')} AS last FROM publications GROUP BY platform`, [this.dueAt])).rows.map((r) => [
        r.platform,
        Number(r.last),
      ]),
    );
    const publishedByPlatform = Object.fromEntries(
      (await this.db.query<{ platform: string; n: number }>(`SELECT platform, count(*)::int AS n FROM publications WHERE status = 'published' GROUP BY platform`)).rows.map((r) => [r.platform, r.n]),
    );
    const { rows } = await this.db.query<{ wal: string }>(`SELECT pg_wal_lsn_diff($1, $2)::bigint AS wal`, [after.lsn, this.before.lsn]);
    const published = byStatus['published'] ?? 0;
    const total = Object.values(byStatus).reduce((a, n) => a + n, 0);
    return {
      seconds: Number(times.settled),
      byStatus,
      perSecond: published / Number(times.published),
      latenessP50: Number(times.p50),
      latenessP99: Number(times.p99),
      lastByPlatform,
      publishedByPlatform,
      waits: this.waits,
      transactionsPerPublication: (after.commits - this.before.commits) / total,
      walBytesPerPublication: Number(rows[0].wal) / total,
    };
  }

  /** One look at the busy connections (not this one): a lock wait names the statement kind that waits. */
  private async sampleWaits(): Promise<void> {
    const { rows } = await this.db.query<{ what: string }>(
      `SELECT coalesce(wait_event_type || ':' || wait_event, 'CPU') ||
              CASE WHEN wait_event_type = 'Lock' THEN ' (' || split_part(regexp_replace(query, '\\s+', ' ', 'g'), ' ', 1) || ' ' || split_part(regexp_replace(query, '\\s+', ' ', 'g'), ' ', 2) || ')' ELSE '' END AS what
         FROM pg_stat_activity WHERE state = 'active' AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
    );
    for (const r of rows) this.waits[r.what] = (this.waits[r.what] ?? 0) + 1;
  }

  private async counters(): Promise<DatabaseCounters> {
    const { rows } = await this.db.query<{ lsn: string; commits: string }>(
      `SELECT pg_current_wal_lsn()::text AS lsn, xact_commit AS commits FROM pg_stat_database WHERE datname = current_database()`,
    );
    return { lsn: rows[0].lsn, commits: Number(rows[0].commits) };
  }
}
