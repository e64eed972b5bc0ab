import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type SealedColumn, SecretBox, SecretsAtRest } from '../../../core/src/index.js';
import { AccountTotpEntity } from './account-totp.entity.js';

const TOTP_SECRET: SealedColumn = { table: 'account_totp', key: 'user_id', column: 'secret' };

/** The secret is sealed on the way in and opened on the way out (SecretBox): callers see the base32 seed. */
@Injectable()
export class TotpRepository implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly box: SecretBox,
    private readonly secretsAtRest: SecretsAtRest,
  ) {}

  onModuleInit(): void {
    this.secretsAtRest.register(TOTP_SECRET);
  }

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(AccountTotpEntity);
  }

  async find(userId: string, manager?: EntityManager): Promise<AccountTotpEntity | null> {
    return this.opened(await this.repo(manager).findOneBy({ userId }));
  }

  async lock(manager: EntityManager, userId: string): Promise<AccountTotpEntity | null> {
    return this.opened(await this.repo(manager).createQueryBuilder('t').where('t.user_id = :userId', { userId }).setLock('pessimistic_write').getOne());
  }

  private opened(factor: AccountTotpEntity | null): AccountTotpEntity | null {
    if (factor) factor.secret = this.box.open(TOTP_SECRET, factor.secret);
    return factor;
  }

  /** A new unconfirmed secret replaces an unconfirmed one; a confirmed factor is left alone (false). */
  async putPending(manager: EntityManager, userId: string, secret: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO account_totp (user_id, secret) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET secret = EXCLUDED.secret, created_at = now() WHERE account_totp.confirmed_at IS NULL
       RETURNING user_id`,
      [userId, this.box.seal(TOTP_SECRET, secret)],
    );
    return rows.length > 0;
  }

  async confirm(manager: EntityManager, userId: string, step: number): Promise<void> {
    await manager.query(`UPDATE account_totp SET confirmed_at = now(), last_used_step = $2 WHERE user_id = $1`, [userId, step]);
  }

  /** Accepts a step once: false when that step (or a later one) was used already. */
  async useStep(manager: EntityManager, userId: string, step: number): Promise<boolean> {
    const [, changed]: [unknown[], number] = await manager.query(
      `UPDATE account_totp SET last_used_step = $2 WHERE user_id = $1 AND (last_used_step IS NULL OR last_used_step < $2)`,
      [userId, step],
    );
    return changed > 0;
  }

  async remove(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM totp_recovery_codes WHERE user_id = $1`, [userId]);
    await manager.query(`DELETE FROM account_totp WHERE user_id = $1`, [userId]);
  }

  async replaceRecoveryCodes(manager: EntityManager, userId: string, hashes: string[]): Promise<void> {
    await manager.query(`DELETE FROM totp_recovery_codes WHERE user_id = $1`, [userId]);
    await manager.query(`INSERT INTO totp_recovery_codes (user_id, code_hash) SELECT $1, unnest($2::text[])`, [userId, hashes]);
  }

  /** Spends an unused recovery code; false when there is none with that hash. */
  async useRecoveryCode(manager: EntityManager, userId: string, hash: string): Promise<boolean> {
    const [, changed]: [unknown[], number] = await manager.query(
      `UPDATE totp_recovery_codes SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL`,
      [userId, hash],
    );
    return changed > 0;
  }

  async unusedRecoveryCodes(userId: string): Promise<number> {
    const [row]: Array<{ n: number }> = await this.dataSource.query(`SELECT count(*)::int AS n FROM totp_recovery_codes WHERE user_id = $1 AND used_at IS NULL`, [userId]);
    return row.n;
  }

  async requiredFor(): Promise<string[]> {
    const rows: Array<{ totp_required_for: string[] }> = await this.dataSource.query(`SELECT totp_required_for FROM security_settings WHERE id = 1`);
    return rows[0]?.totp_required_for ?? [];
  }

  /** The current list, locked for the caller's change. */
  async lockRequiredFor(manager: EntityManager): Promise<string[]> {
    const rows: Array<{ totp_required_for: string[] }> = await manager.query(`SELECT totp_required_for FROM security_settings WHERE id = 1 FOR UPDATE`);
    return rows[0]?.totp_required_for ?? [];
  }

  async setRequiredFor(manager: EntityManager, rights: string[]): Promise<void> {
    await manager.query(`UPDATE security_settings SET totp_required_for = $1, updated_at = now() WHERE id = 1`, [rights]);
  }
}
