import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig, AppError, ErrorCode } from '../../core/src/index.js';

/** Advisory-lock namespaces, apart from the log-in throttle's: one lock per email, one per client address. */
const EMAIL_LOCK = 0x4c47_0011;
const ADDRESS_LOCK = 0x4c47_0012;

/**
 * Account emails people can ask for (a reset link, a new verification link, an email change): counted
 * per email address and per client address in PostgreSQL, as the log-in throttle counts failures.
 * Each request is admitted and recorded under a lock per email and per address in the caller's
 * transaction, so simultaneous requests cannot pass the limit. The answer does not depend on whether
 * an account has the email.
 */
@Injectable()
export class AccountEmailThrottle {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async admit(manager: EntityManager, email: string, clientAddress: string): Promise<void> {
    const { maxPerEmail, maxPerAddress, windowSeconds } = this.config.accountEmailThrottle;
    // Always email first, then address: the same order everywhere, so no deadlock.
    await manager.query(`SELECT pg_advisory_xact_lock($1::int, hashtext($2))`, [EMAIL_LOCK, email]);
    await manager.query(`SELECT pg_advisory_xact_lock($1::int, hashtext($2))`, [ADDRESS_LOCK, clientAddress]);
    const [row]: Array<{ by_email: number; by_address: number }> = await manager.query(
      `SELECT count(*) FILTER (WHERE email = $1)::int AS by_email,
              count(*) FILTER (WHERE client_address = $2)::int AS by_address
         FROM account_email_requests
        WHERE (email = $1 OR client_address = $2) AND created_at > now() - make_interval(secs => $3)`,
      [email, clientAddress, windowSeconds],
    );
    if (row.by_email >= maxPerEmail || row.by_address >= maxPerAddress) {
      throw new AppError(ErrorCode.TOO_MANY_REQUESTS, 'Too many emails asked for; wait a while and try again', {
        reason: 'ACCOUNT_EMAIL_THROTTLED',
      });
    }
    await manager.query(`INSERT INTO account_email_requests (email, client_address) VALUES ($1, $2)`, [email, clientAddress]);
  }

  async prune(): Promise<void> {
    await this.dataSource.query(`DELETE FROM account_email_requests WHERE created_at < now() - make_interval(secs => $1)`, [
      this.config.accountEmailThrottle.windowSeconds * 2,
    ]);
  }
}
