import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { VESTNIK_CONFIG, VestnikConfig } from '@vestnik/server/config';
import { ApiException } from '@vestnik/server/http';

/** Advisory-lock namespaces (first key of the two-key form): one per account, one per address. */
const ACCOUNT_LOCK = 74_182_301;
const ADDRESS_LOCK = 74_182_302;

/** A failure slot held while a password is checked; settle it with the outcome. */
export interface LoginAttemptSlot {
  id: string;
}

/**
 * Failed-login throttling per account and per address, counted in PostgreSQL so every replica sees
 * the same numbers. Each attempt first reserves a failure slot under a lock on its account and
 * address, so parallel attempts cannot all pass the count before any of them is recorded: at most
 * the limit is ever checked. A success turns its slot into a success; the window simply moves on.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(VESTNIK_CONFIG) private readonly config: VestnikConfig,
  ) {}

  /** Counts the attempt as a failure until settled; throws 429 when the account or the address has no slot left. */
  reserve(email: string, ip: string): Promise<LoginAttemptSlot> {
    return this.dataSource.transaction(async (m) => {
      // Always account first, then address: two attempts never wait on each other in a cycle.
      await m.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [ACCOUNT_LOCK, email]);
      await m.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [ADDRESS_LOCK, ip]);
      await this.refuseWhenExhausted(m, email, ip);
      const rows: { id: string }[] = await m.query('INSERT INTO login_attempts (email, ip, succeeded) VALUES ($1, $2, false) RETURNING id', [email, ip]);
      return { id: rows[0].id };
    });
  }

  /** `failed` keeps the slot counted; `succeeded` records a success; `uncounted` drops it (the password was right, a code is still missing). */
  async settle(slot: LoginAttemptSlot, outcome: 'failed' | 'succeeded' | 'uncounted'): Promise<void> {
    if (outcome === 'succeeded') await this.dataSource.query('UPDATE login_attempts SET succeeded = true WHERE id = $1', [slot.id]);
    if (outcome === 'uncounted') await this.dataSource.query('DELETE FROM login_attempts WHERE id = $1', [slot.id]);
  }

  private async refuseWhenExhausted(m: EntityManager, email: string, ip: string): Promise<void> {
    const windowSeconds = this.config.loginThrottleWindowSeconds;
    const rows: { scope: string; failures: string; oldest: Date | null }[] = await m.query(
      `SELECT 'account' AS scope, count(*) AS failures, min(at) AS oldest FROM (
         SELECT at FROM login_attempts WHERE email = $1 AND NOT succeeded AND at > now() - make_interval(secs => $3)
         ORDER BY at DESC LIMIT $4) a
       UNION ALL
       SELECT 'address', count(*), min(at) FROM (
         SELECT at FROM login_attempts WHERE ip = $2 AND NOT succeeded AND at > now() - make_interval(secs => $3)
         ORDER BY at DESC LIMIT $5) b`,
      [email, ip, windowSeconds, this.config.loginMaxFailuresPerAccount, this.config.loginMaxFailuresPerAddress],
    );
    for (const row of rows) {
      const limit = row.scope === 'account' ? this.config.loginMaxFailuresPerAccount : this.config.loginMaxFailuresPerAddress;
      if (Number(row.failures) >= limit && row.oldest) {
        const retryAfterSeconds = Math.max(1, Math.ceil((row.oldest.getTime() + windowSeconds * 1000 - Date.now()) / 1000));
        const minutes = Math.ceil(retryAfterSeconds / 60);
        const who = row.scope === 'account' ? 'для этой учётной записи' : 'с вашего адреса';
        throw new ApiException(429, 'too_many_attempts', `Слишком много неудачных попыток входа ${who}. Повторите через ${minutes} мин.`, {
          retryAfterSeconds,
          scope: row.scope,
        });
      }
    }
  }
}
