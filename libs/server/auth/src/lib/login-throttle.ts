import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { VESTNIK_CONFIG, VestnikConfig } from '@vestnik/server/config';
import { ApiException } from '@vestnik/server/http';

/**
 * Failed-login throttling per account and per address, counted in PostgreSQL so every replica sees
 * the same numbers. A success does not wipe the count: the window simply moves on.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(VESTNIK_CONFIG) private readonly config: VestnikConfig,
  ) {}

  /** Throws 429 when the account or the address has too many recent failures. */
  async check(email: string, ip: string): Promise<void> {
    const windowSeconds = this.config.loginThrottleWindowSeconds;
    const rows: { scope: string; failures: string; oldest: Date | null }[] = await this.dataSource.query(
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

  async record(email: string, ip: string, succeeded: boolean): Promise<void> {
    await this.dataSource.query('INSERT INTO login_attempts (email, ip, succeeded) VALUES ($1, $2, $3)', [email, ip, succeeded]);
  }
}
