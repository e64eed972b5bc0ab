import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { MembershipPeriodEntity } from './entities/membership-period.entity.js';
import { MembershipEntity } from './entities/membership.entity.js';
import { CURRENT_STATUSES, MembershipStatus, PeriodSource } from './membership.enums.js';
import { type Membership } from './membership.type.js';
import { membershipsJoin } from './memberships-join.js';

/** Each key's current membership, or else the latest, with its tier. */
const CURRENT_OR_LATEST = membershipsJoin('m', 'k.user_id');

/** A person's current membership with the tier facts other features ask about. */
export interface CurrentMembershipRow {
  status: MembershipStatus;
  graceEndsAt: Date | null;
  tierId: string;
  tierName: string;
  eventDiscountPercent: number;
}

export interface NewPeriod {
  startsAt: Date;
  endsAt: Date | null;
  source: PeriodSource;
  sourceRef?: string | null;
}

@Injectable()
export class MembershipsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(MembershipEntity);
  }

  findById(id: string, manager?: EntityManager): Promise<MembershipEntity | null> {
    return this.repo(manager).findOneBy({ id });
  }

  lockById(manager: EntityManager, id: string): Promise<MembershipEntity | null> {
    return this.repo(manager).createQueryBuilder('m').where('m.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  findCurrentForUser(manager: EntityManager, userId: string): Promise<MembershipEntity | null> {
    return this.repo(manager)
      .createQueryBuilder('m')
      .where('m.user_id = :userId', { userId })
      .andWhere('m.status IN (:...statuses)', { statuses: CURRENT_STATUSES })
      .getOne();
  }

  insert(manager: EntityManager, membership: Partial<MembershipEntity>): Promise<MembershipEntity> {
    return this.repo(manager).save(this.repo(manager).create(membership));
  }

  save(manager: EntityManager, membership: MembershipEntity): Promise<MembershipEntity> {
    return this.repo(manager).save(membership);
  }

  async recordStatusChange(
    manager: EntityManager,
    membershipId: string,
    from: MembershipStatus | null,
    to: MembershipStatus,
    actorId: string | null,
    reason: string | null,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO membership_status_changes (membership_id, from_status, to_status, actor_id, reason) VALUES ($1, $2, $3, $4, $5)`,
      [membershipId, from, to, actorId, reason],
    );
  }

  /** Adds a period unless one with the same source reference exists. True when it was added. */
  async addPeriod(manager: EntityManager, membershipId: string, period: NewPeriod): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO membership_periods (membership_id, starts_at, ends_at, source, source_ref)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (membership_id, source_ref) WHERE source_ref IS NOT NULL DO NOTHING
       RETURNING id`,
      [membershipId, period.startsAt, period.endsAt, period.source, period.sourceRef ?? null],
    );
    return rows.length > 0;
  }

  /** For each user: the current membership, or else the most recent one (one statement for a page). */
  async currentOrLatestByUserIds(userIds: readonly string[], manager?: EntityManager): Promise<Array<MembershipEntity | undefined>> {
    const rows = await this.repo(manager)
      .createQueryBuilder('m')
      .where(
        `m.id IN (SELECT DISTINCT ON (x.user_id) x.id FROM memberships x WHERE x.user_id = ANY(:userIds)
                  ORDER BY x.user_id, (x.status IN (:...current)) DESC, x.created_at DESC)`,
        { userIds, current: CURRENT_STATUSES },
      )
      .getMany();
    const byUser = new Map(rows.map((r) => [r.userId, r]));
    return userIds.map((id) => byUser.get(id));
  }

  /**
   * As currentOrLatestByUserIds, as the plain rows a Membership shows (the per-request loader's batch), each
   * with its tier's row (`tierRow`, as the tiers loader reads it): Membership.tier needs no statement of its own.
   * Read through the same port other libraries join (`membershipsJoin`), so both answer alike.
   */
  async currentOrLatestRowsByUserIds(userIds: readonly string[]): Promise<Array<Membership | undefined>> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT ${CURRENT_OR_LATEST.select} FROM unnest($1::uuid[]) WITH ORDINALITY AS k(user_id, ord) ${CURRENT_OR_LATEST.join} ORDER BY k.ord`,
      [userIds],
    );
    return rows.map((row) => CURRENT_OR_LATEST.read(row));
  }

  /** Each person's current membership (at most one: a unique index) with its tier; one statement, in order. */
  async currentWithTierByUserIds(userIds: readonly string[], manager?: EntityManager): Promise<Array<CurrentMembershipRow | undefined>> {
    const rows: Array<CurrentMembershipRow & { ord: string }> = await (manager ?? this.dataSource.manager).query(
      `SELECT u.ord, c.status, c.grace_ends_at AS "graceEndsAt", c.tier_id AS "tierId", c.tier_name AS "tierName",
              c.event_discount_percent AS "eventDiscountPercent"
         FROM unnest($1::uuid[]) WITH ORDINALITY AS u(user_id, ord)
         JOIN LATERAL (SELECT m.status, m.grace_ends_at, m.tier_id, t.name AS tier_name, t.event_discount_percent
                         FROM memberships m JOIN membership_tiers t ON t.id = m.tier_id
                        WHERE m.user_id = u.user_id AND m.status = ANY($2::text[]) LIMIT 1) c ON true`,
      [userIds, CURRENT_STATUSES],
    );
    const byOrd = new Map(rows.map((r) => [Number(r.ord), r]));
    return userIds.map((_, i) => {
      const row = byOrd.get(i + 1);
      return row && { status: row.status, graceEndsAt: row.graceEndsAt, tierId: row.tierId, tierName: row.tierName, eventDiscountPercent: row.eventDiscountPercent };
    });
  }

  /** Of `ids`, the memberships that were cancelled or have ended (CANCELLED, LAPSED, DECLINED, or cancellation asked). */
  async endedAmong(ids: readonly string[], manager?: EntityManager): Promise<string[]> {
    if (!ids.length) return [];
    const rows: Array<{ id: string }> = await (manager ?? this.dataSource.manager).query(
      `SELECT id FROM memberships WHERE id = ANY($1::uuid[]) AND (cancelled_at IS NOT NULL OR status IN ('CANCELLED', 'LAPSED', 'DECLINED'))`,
      [[...new Set(ids)]],
    );
    return rows.map((r) => r.id);
  }

  async periodsByMembershipIds(ids: readonly string[]): Promise<MembershipPeriodEntity[][]> {
    const rows = await this.dataSource
      .getRepository(MembershipPeriodEntity)
      .createQueryBuilder('p')
      .where('p.membership_id = ANY(:ids)', { ids })
      .orderBy('p.starts_at', 'ASC')
      .getMany();
    const grouped = new Map<string, MembershipPeriodEntity[]>(ids.map((id) => [id, []]));
    for (const row of rows) grouped.get(row.membershipId)?.push(row);
    return ids.map((id) => grouped.get(id) ?? []);
  }
}
