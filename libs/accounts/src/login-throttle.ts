import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig, AppError, ErrorCode } from '../../core/src/index.js';

/**
 * Counts failed log-ins per email and per client address in PostgreSQL, so every API process
 * sees the same counts. Too many failures in the window: TOO_MANY_REQUESTS, before any password check.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async assertAllowed(email: string, clientAddress: string): Promise<void> {
    const { maxPerEmail, maxPerAddress, windowSeconds } = this.config.loginThrottle;
    const [row]: Array<{ by_email: number; by_address: number }> = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE email = $1)::int AS by_email,
              count(*) FILTER (WHERE client_address = $2)::int AS by_address
         FROM login_failures
        WHERE (email = $1 OR client_address = $2) AND created_at > now() - make_interval(secs => $3)`,
      [email, clientAddress, windowSeconds],
    );
    if (row.by_email >= maxPerEmail || row.by_address >= maxPerAddress) {
      throw new AppError(ErrorCode.TOO_MANY_REQUESTS, 'Too many failed log-ins; wait a few minutes and try again', {
        reason: 'LOGIN_THROTTLED',
      });
    }
  }

  async recordFailure(email: string, clientAddress: string): Promise<void> {
    await this.dataSource.query(`INSERT INTO login_failures (email, client_address) VALUES ($1, $2)`, [email, clientAddress]);
  }

  async clear(email: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_failures WHERE email = $1`, [email]);
  }

  async prune(): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_failures WHERE created_at < now() - make_interval(secs => $1)`, [
      this.config.loginThrottle.windowSeconds * 2,
    ]);
  }
}
