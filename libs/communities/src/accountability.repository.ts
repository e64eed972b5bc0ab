import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type PartnerGroup } from './pairing/partner-pairing.js';

export interface PairRow {
  round: number;
  pairNo: number;
  memberIds: string[];
  createdAt: Date;
}

@Injectable()
export class AccountabilityRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every earlier round of the group, oldest first. */
  async rounds(manager: EntityManager, groupId: string): Promise<PartnerGroup[][]> {
    const rows: Array<{ round: number; members: string[] }> = await manager.query(
      `SELECT round, array_agg(user_id::text ORDER BY user_id) AS members FROM accountability_partners
        WHERE group_id = $1 GROUP BY round, pair_no ORDER BY round, pair_no`,
      [groupId],
    );
    const rounds = new Map<number, PartnerGroup[]>();
    for (const row of rows) rounds.set(row.round, [...(rounds.get(row.round) ?? []), row.members]);
    return [...rounds.values()];
  }

  async insertRound(manager: EntityManager, groupId: string, round: number, groups: PartnerGroup[]): Promise<void> {
    const rows = groups.flatMap((members, pairNo) => members.map((userId) => ({ userId, pairNo })));
    await manager.query(
      `INSERT INTO accountability_partners (group_id, round, user_id, pair_no)
       SELECT $1, $2, user_id, pair_no FROM unnest($3::uuid[], $4::int[]) AS x(user_id, pair_no)`,
      [groupId, round, rows.map((r) => r.userId), rows.map((r) => r.pairNo)],
    );
  }

  /** The latest round of each group. */
  async latestByGroupIds(groupIds: readonly string[]): Promise<PairRow[][]> {
    const rows: Array<PairRow & { groupId: string }> = await this.dataSource.query(
      `SELECT p.group_id AS "groupId", p.round, p.pair_no AS "pairNo", array_agg(p.user_id::text ORDER BY p.user_id) AS "memberIds", min(p.created_at) AS "createdAt"
         FROM accountability_partners p
         JOIN (SELECT group_id, max(round) AS round FROM accountability_partners WHERE group_id = ANY($1) GROUP BY group_id) latest
           ON latest.group_id = p.group_id AND latest.round = p.round
        GROUP BY p.group_id, p.round, p.pair_no ORDER BY p.group_id, p.pair_no`,
      [groupIds],
    );
    const grouped = new Map<string, PairRow[]>(groupIds.map((id) => [id, []]));
    for (const { groupId, ...row } of rows) grouped.get(groupId)?.push(row);
    return groupIds.map((id) => grouped.get(id)!);
  }
}
