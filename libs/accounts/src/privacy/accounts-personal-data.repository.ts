import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PersonalDataRegistry } from '../../../core/src/index.js';

/** What accounts hold about a person, for their export (never a password hash, token hash or TOTP secret). */
@Injectable()
export class AccountsPersonalDataRepository implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: PersonalDataRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.addExporter('account', async (userId) => ({
      area: 'account',
      records: {
        account: (await this.dataSource.query(`SELECT id, email, full_name, role, staff_permissions, created_at, updated_at FROM users WHERE id = $1`, [userId]))[0] ?? null,
        sessions: await this.dataSource.query(`SELECT id, created_at, revoked_at, revoked_reason, second_factor_at FROM sessions WHERE user_id = $1 ORDER BY created_at`, [userId]),
        apiTokens: await this.dataSource.query(
          `SELECT id, kind, name, scopes, secret_prefix, created_at, expires_at, last_used_at, revoked_at FROM api_tokens WHERE owner_id = $1 ORDER BY created_at`,
          [userId],
        ),
        twoFactor: (await this.dataSource.query(`SELECT confirmed_at FROM account_totp WHERE user_id = $1`, [userId]))[0] ?? null,
      },
    }));
  }
}
