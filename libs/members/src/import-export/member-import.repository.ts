import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CURRENT_STATUSES, PeriodSource } from '../membership.enums.js';
import { type ImportTier, type MemberImportRow } from './member-row.validator.js';
import { peopleSql } from '../../../accounts/src/index.js';

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  accountsCreated: number;
}

const CURRENT = CURRENT_STATUSES.map((s) => `'${s}'`).join(', ');

/**
 * Set-based SQL for the member import: the validated rows go into a temporary table in one
 * statement, and every later step is one statement over all of them, whatever the row count.
 * Every method runs on the caller's transaction (`manager`).
 */
@Injectable()
export class MemberImportRepository {
  async tiers(manager: EntityManager, lock: boolean): Promise<ImportTier[]> {
    const rows: Array<{ id: string; name: string; active: boolean; billing_interval: ImportTier['billingInterval']; grace_period_days: number }> =
      await manager.query(`SELECT id, name, active, billing_interval, grace_period_days FROM membership_tiers ${lock ? 'FOR SHARE' : ''}`);
    return rows.map((r) => ({ id: r.id, name: r.name, active: r.active, billingInterval: r.billing_interval, gracePeriodDays: r.grace_period_days }));
  }

  /** One import at a time: two overlapping files could otherwise both create the same membership. */
  async lockImports(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('guildhall:member-import'))`);
  }

  /** Loads the rows into `member_import` (dropped at the end of the transaction). */
  async stage(manager: EntityManager, rows: MemberImportRow[]): Promise<void> {
    await manager.query(`CREATE TEMPORARY TABLE member_import (
      line int NOT NULL, email text NOT NULL, full_name text NOT NULL, tier_id uuid NOT NULL, status text NOT NULL,
      current_period_end timestamptz, joined_at timestamptz, grace_ends_at timestamptz, period_ref text,
      headline text, location text, employer text, skills text[] NOT NULL,
      user_id uuid, membership_id uuid, old_status text, outcome text, account_created boolean NOT NULL DEFAULT false
    ) ON COMMIT DROP`);
    const iso = (d: Date | null) => (d ? d.toISOString() : null);
    await manager.query(
      `INSERT INTO member_import (line, email, full_name, tier_id, status, current_period_end, joined_at, grace_ends_at,
                                  period_ref, headline, location, employer, skills)
       SELECT r.line, r.email, r.full_name, r.tier_id, r.status, r.current_period_end, r.joined_at, r.grace_ends_at,
              r.period_ref, r.headline, r.location, r.employer, string_to_array(r.skills, $14)
         FROM unnest($1::int[], $2::text[], $3::text[], $4::uuid[], $5::text[], $6::timestamptz[], $7::timestamptz[],
                     $8::timestamptz[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[])
           AS r(line, email, full_name, tier_id, status, current_period_end, joined_at, grace_ends_at, period_ref,
                headline, location, employer, skills)`,
      [
        rows.map((r) => r.line),
        rows.map((r) => r.email),
        rows.map((r) => r.fullName),
        rows.map((r) => r.tierId),
        rows.map((r) => r.status),
        rows.map((r) => iso(r.currentPeriodEnd)),
        rows.map((r) => iso(r.joinedAt)),
        rows.map((r) => iso(r.graceEndsAt)),
        rows.map((r) => r.periodRef),
        rows.map((r) => r.headline),
        rows.map((r) => r.location),
        rows.map((r) => r.employer),
        // Skills never contain the unit separator (control characters are refused), so it can join them.
        rows.map((r) => r.skills.join('\u001f')),
        '\u001f',
      ],
    );
    await manager.query(`ANALYZE member_import`);
  }

  /** Creates the accounts not known yet (emails are stored lower-case) and marks their rows; returns how many. */
  async createMissingAccounts(manager: EntityManager): Promise<number> {
    const [{ n }]: Array<{ n: number }> = await manager.query(
      `WITH created AS (${peopleSql.insertUnclaimed({ from: 'member_import i', email: 'i.email', fullName: 'i.full_name', orderBy: 'i.line' })}),
       marked AS (UPDATE member_import i SET account_created = true FROM created WHERE i.email = created.email RETURNING 1)
       SELECT (SELECT count(*) FROM created)::int AS n, (SELECT count(*) FROM marked) AS marked`,
    );
    return n;
  }

  /** The profiles of the accounts this import created (existing people keep the profile they wrote). */
  async fillCreatedProfiles(manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO member_profiles (user_id, headline, location, employer, skills)
       SELECT ${peopleSql.column('u', 'id')}, i.headline, i.location, i.employer, i.skills
         FROM member_import i JOIN ${peopleSql.from('u')} ON ${peopleSql.column('u', 'email')} = i.email
        WHERE i.account_created
       ON CONFLICT (user_id) DO UPDATE
          SET headline = EXCLUDED.headline, location = EXCLUDED.location, employer = EXCLUDED.employer,
              skills = EXCLUDED.skills, updated_at = now()`,
    );
  }

  /**
   * Matches each row to its account and to that person's current membership (or else their latest),
   * then decides: create (no membership yet), update (tier, status, period end or joining date differ)
   * or unchanged. With `lock`, the people are locked first, as single-person changes lock them
   * (MembershipsService.lockPerson, which locks the account row), so an application cannot race the import.
   */
  async classify(manager: EntityManager, lock: boolean): Promise<void> {
    await manager.query(`UPDATE member_import i SET user_id = ${peopleSql.column('u', 'id')} FROM ${peopleSql.from('u')} WHERE ${peopleSql.column('u', 'email')} = i.email`);
    if (lock) await manager.query(peopleSql.lockByIds('SELECT user_id FROM member_import'));
    await manager.query(
      `UPDATE member_import i
          SET membership_id = m.id,
              old_status = m.status,
              outcome = CASE WHEN ROW(m.tier_id, m.status, m.current_period_end, m.started_at)
                                  IS NOT DISTINCT FROM ROW(i.tier_id, i.status, i.current_period_end, i.joined_at)
                             THEN 'unchanged' ELSE 'update' END
         FROM (SELECT DISTINCT ON (x.user_id) x.id, x.user_id, x.tier_id, x.status, x.current_period_end, x.started_at
                 FROM memberships x
                WHERE x.user_id IN (SELECT user_id FROM member_import WHERE user_id IS NOT NULL)
                ORDER BY x.user_id, (x.status IN (${CURRENT})) DESC, x.created_at DESC) m
        WHERE m.user_id = i.user_id`,
    );
    await manager.query(`UPDATE member_import SET outcome = 'create' WHERE outcome IS NULL`);
  }

  async counts(manager: EntityManager): Promise<Omit<ImportCounts, 'accountsCreated'> & { withoutAccount: number }> {
    const [row]: Array<{ created: number; updated: number; unchanged: number; without_account: number }> = await manager.query(
      `SELECT count(*) FILTER (WHERE outcome = 'create')::int AS created,
              count(*) FILTER (WHERE outcome = 'update')::int AS updated,
              count(*) FILTER (WHERE outcome = 'unchanged')::int AS unchanged,
              count(*) FILTER (WHERE user_id IS NULL)::int AS without_account
         FROM member_import`,
    );
    return { created: row.created, updated: row.updated, unchanged: row.unchanged, withoutAccount: row.without_account };
  }

  /** Writes the decided changes: memberships, their status history and IMPORT periods. */
  async apply(manager: EntityManager, actorId: string | null): Promise<void> {
    await manager.query(
      `UPDATE memberships m
          SET tier_id = i.tier_id, status = i.status, current_period_end = i.current_period_end, started_at = i.joined_at,
              grace_ends_at = i.grace_ends_at, auto_renew = m.auto_renew AND i.status IN ('ACTIVE', 'GRACE'), updated_at = now()
         FROM member_import i
        WHERE i.outcome = 'update' AND m.id = i.membership_id`,
    );
    await manager.query(
      `WITH created AS (
         INSERT INTO memberships (user_id, tier_id, status, started_at, current_period_end, grace_ends_at, auto_renew, complimentary)
         SELECT user_id, tier_id, status, joined_at, current_period_end, grace_ends_at, false, false
           FROM member_import WHERE outcome = 'create' ORDER BY line
         RETURNING id, user_id)
       UPDATE member_import i SET membership_id = created.id FROM created WHERE i.user_id = created.user_id`,
    );
    await manager.query(
      `INSERT INTO membership_status_changes (membership_id, from_status, to_status, actor_id, reason)
       SELECT membership_id, old_status, status, $1, 'import'
         FROM member_import
        WHERE outcome = 'create' OR (outcome = 'update' AND old_status IS DISTINCT FROM status)
        ORDER BY line`,
      [actorId],
    );
    await manager.query(
      `INSERT INTO membership_periods (membership_id, starts_at, ends_at, source, source_ref)
       SELECT membership_id, joined_at, current_period_end, $1, period_ref
         FROM member_import
        WHERE outcome IN ('create', 'update') AND period_ref IS NOT NULL
        ORDER BY line
       ON CONFLICT (membership_id, source_ref) WHERE source_ref IS NOT NULL DO NOTHING`,
      [PeriodSource.IMPORT],
    );
  }
}
