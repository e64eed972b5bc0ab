import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ACCOUNT_AREA, AppError, ErrorCode, PersonalDataRegistry, RetentionRegistry } from '../../../core/src/index.js';

/** What accounts hold about a person, for their export (never a password hash, token hash or TOTP secret). */
@Injectable()
export class AccountsPersonalDataRepository implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: PersonalDataRegistry,
    private readonly retention: RetentionRegistry,
  ) {}

  onModuleInit(): void {
    this.retention.addPurge('loginFailures', async (cutoff) => {
      const [, deleted]: [unknown[], number] = await this.dataSource.query(`DELETE FROM login_failures WHERE created_at < $1`, [cutoff]);
      return deleted;
    });
    this.registry.addEraser(ACCOUNT_AREA, async (manager, subject) => {
      const [user]: Array<{ role: string }> = await manager.query(`SELECT role FROM users WHERE id = $1 FOR UPDATE`, [subject.userId]);
      if (user?.role === 'ADMIN') {
        const admins: unknown[] = await manager.query(`SELECT id FROM users WHERE role = 'ADMIN' FOR UPDATE`);
        if (admins.length <= 1) throw new AppError(ErrorCode.CONFLICT, 'The last admin cannot be erased; make another admin first', { reason: 'LAST_ADMIN' });
      }
      await manager.query(
        `UPDATE users SET email = 'erased-' || id || '@erased.invalid', full_name = 'Erased member', password_hash = '!', role = 'USER', staff_permissions = '{}',
                email_verified_at = NULL
          WHERE id = $1`,
        [subject.userId],
      );
      await manager.query(`UPDATE sessions SET revoked_at = COALESCE(revoked_at, now()), revoked_reason = COALESCE(revoked_reason, 'account erased'), user_agent = NULL, client_address = NULL WHERE user_id = $1`, [subject.userId]);
      await manager.query(`DELETE FROM account_tokens WHERE user_id = $1 OR lower(email) = lower($2)`, [subject.userId, subject.email]);
      await manager.query(`DELETE FROM account_email_requests WHERE lower(email) = lower($1)`, [subject.email]);
      await manager.query(`UPDATE api_tokens SET name = 'erased', revoked_at = COALESCE(revoked_at, now()) WHERE owner_id = $1`, [subject.userId]);
      await manager.query(`DELETE FROM totp_recovery_codes WHERE user_id = $1`, [subject.userId]);
      await manager.query(`DELETE FROM account_totp WHERE user_id = $1`, [subject.userId]);
      await manager.query(`DELETE FROM login_failures WHERE email = $1`, [subject.email]);
    });
    this.registry.addExporter('account', async (userId) => ({
      area: 'account',
      records: {
        account: (await this.dataSource.query(`SELECT id, email, full_name, role, staff_permissions, email_verified_at, created_at, updated_at FROM users WHERE id = $1`, [userId]))[0] ?? null,
        sessions: await this.dataSource.query(
          `SELECT id, created_at, last_used_at, user_agent, client_address, revoked_at, revoked_reason, second_factor_at FROM sessions WHERE user_id = $1 ORDER BY created_at`,
          [userId],
        ),
        apiTokens: await this.dataSource.query(
          `SELECT id, kind, name, scopes, secret_prefix, created_at, expires_at, last_used_at, revoked_at FROM api_tokens WHERE owner_id = $1 ORDER BY created_at`,
          [userId],
        ),
        twoFactor: (await this.dataSource.query(`SELECT confirmed_at FROM account_totp WHERE user_id = $1`, [userId]))[0] ?? null,
      },
    }));
  }
}
