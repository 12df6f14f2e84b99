import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { VESTNIK_CONFIG, VestnikConfig } from '@vestnik/server/config';

export interface ClaimedPublication {
  id: string;
  post_id: string;
  channel_id: string;
  platform: 'vk' | 'ok' | 'telegram';
  attempts: number;
  scheduled_at: Date;
  /** When the claim runs out (set by `claim`): after it, another worker may take the publication over. */
  lease_until?: Date;
}

/**
 * Who works on which publication, kept in PostgreSQL: due publications are claimed with
 * `FOR UPDATE SKIP LOCKED` and a lease, so any number of workers share the work without doing
 * it twice, and a dead worker's claims are taken over once its lease runs out.
 */
@Injectable()
export class PublicationClaims {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(VESTNIK_CONFIG) private readonly config: VestnikConfig,
  ) {}

  /** Claims up to `limit` due publications of active channels for this worker. */
  async claim(workerId: string, limit: number): Promise<ClaimedPublication[]> {
    // TypeORM answers an UPDATE with [rows, count].
    const [rows] = await this.dataSource.query(
      `WITH due AS (
         SELECT pub.id FROM publications pub
           JOIN channels c ON c.id = pub.channel_id
          WHERE pub.status = 'scheduled' AND pub.next_attempt_at <= now()
            AND c.state <> 'needs_attention'
          ORDER BY pub.next_attempt_at
          LIMIT $2
          FOR UPDATE OF pub SKIP LOCKED)
       UPDATE publications p SET status = 'publishing', phase = 'claimed', claimed_by = $1,
              lease_until = now() + make_interval(secs => $3), updated_at = now()
         FROM due, posts post
        WHERE p.id = due.id AND post.id = p.post_id
       RETURNING p.id, p.post_id, p.channel_id, p.platform, p.attempts, post.scheduled_at, p.lease_until`,
      [workerId, limit, this.config.publishing.leaseSeconds],
    );
    return rows as ClaimedPublication[];
  }

  /**
   * Takes back claims whose lease ran out (their worker died or hung). A claim that never sent is
   * simply due again. One that may have reached the platform is unconfirmed — except on VK, where
   * the same `guid` makes a repeat safe.
   */
  async recoverExpired(): Promise<{ id: string; post_id: string; status: string }[]> {
    const [rows] = await this.dataSource.query(
      `UPDATE publications SET
          status = CASE WHEN phase = 'sending' AND platform <> 'vk' THEN 'unconfirmed' ELSE 'scheduled' END,
          last_error = CASE WHEN phase = 'sending' AND platform <> 'vk'
                            THEN 'Обработчик остановился во время отправки: неизвестно, вышла ли запись. Проверьте страницу.'
                            ELSE last_error END,
          last_error_code = CASE WHEN phase = 'sending' AND platform <> 'vk' THEN 'worker_lost' ELSE last_error_code END,
          next_attempt_at = now(), phase = NULL, claimed_by = NULL, lease_until = NULL, updated_at = now()
        WHERE status = 'publishing' AND lease_until < now()
       RETURNING id, post_id, status`,
    );
    return rows;
  }

  /** Hands a claim back untouched (e.g. waiting for a rate-limit slot). */
  async release(id: string, workerId: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE publications SET status = 'scheduled', phase = NULL, claimed_by = NULL, lease_until = NULL, next_attempt_at = $3, updated_at = now()
        WHERE id = $1 AND claimed_by = $2 AND phase = 'claimed'`,
      [id, workerId, at],
    );
  }
}
