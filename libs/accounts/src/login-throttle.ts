import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig, AppError, ErrorCode } from '../../core/src/index.js';

/** Advisory-lock namespaces (first key of the two-key form): one lock per email, one per client address. */
const EMAIL_LOCK = 0x4c47_0001;
const ADDRESS_LOCK = 0x4c47_0002;

/**
 * Counts log-in attempts per email and per client address in PostgreSQL, so every API process sees
 * the same counts. An attempt is admitted and recorded in one transaction that holds a lock per email
 * and per address: it counts as a failure until the password proves right (then `clear` removes it),
 * so N simultaneous guesses can never pass the limit. Too many: TOO_MANY_REQUESTS, before any password check.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async admit(email: string, clientAddress: string): Promise<void> {
    const { maxPerEmail, maxPerAddress, windowSeconds } = this.config.loginThrottle;
    const allowed = await this.dataSource.transaction(async (manager) => {
      // Always email first, then address: every transaction takes them in the same order, so no deadlock.
      await manager.query(`SELECT pg_advisory_xact_lock($1::int, hashtext($2))`, [EMAIL_LOCK, email]);
      await manager.query(`SELECT pg_advisory_xact_lock($1::int, hashtext($2))`, [ADDRESS_LOCK, clientAddress]);
      const [row]: Array<{ by_email: number; by_address: number }> = await manager.query(
        `SELECT count(*) FILTER (WHERE email = $1)::int AS by_email,
                count(*) FILTER (WHERE client_address = $2)::int AS by_address
           FROM login_failures
          WHERE (email = $1 OR client_address = $2) AND created_at > now() - make_interval(secs => $3)`,
        [email, clientAddress, windowSeconds],
      );
      if (row.by_email >= maxPerEmail || row.by_address >= maxPerAddress) return false;
      await manager.query(`INSERT INTO login_failures (email, client_address) VALUES ($1, $2)`, [email, clientAddress]);
      return true;
    });
    if (!allowed) {
      throw new AppError(ErrorCode.TOO_MANY_REQUESTS, 'Too many failed log-ins; wait a few minutes and try again', {
        reason: 'LOGIN_THROTTLED',
      });
    }
  }

  /** A successful log-in: its own attempt and the email's earlier failures no longer count. */
  async clear(email: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_failures WHERE email = $1`, [email]);
  }

  async prune(): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_failures WHERE created_at < now() - make_interval(secs => $1)`, [
      this.config.loginThrottle.windowSeconds * 2,
    ]);
  }
}
