import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { MeetingRoleOfferEntity } from './entities/meeting-role-offer.entity.js';

/** Pending offers of a meeting role from its holder to another member. */
@Injectable()
export class MeetingRoleOffersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  find(manager: EntityManager, meetingId: string, role: string): Promise<MeetingRoleOfferEntity | null> {
    return manager.getRepository(MeetingRoleOfferEntity).findOne({ where: { meetingId, role } });
  }

  /** A new offer of the role replaces the one before it. */
  async put(manager: EntityManager, offer: Pick<MeetingRoleOfferEntity, 'meetingId' | 'role' | 'groupId' | 'fromUserId' | 'toUserId' | 'inReturnRole'>): Promise<void> {
    await manager.query(
      `INSERT INTO meeting_role_offers (meeting_id, role, group_id, from_user_id, to_user_id, in_return_role) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (meeting_id, role) DO UPDATE SET from_user_id = EXCLUDED.from_user_id, to_user_id = EXCLUDED.to_user_id,
         in_return_role = EXCLUDED.in_return_role, created_at = now()`,
      [offer.meetingId, offer.role, offer.groupId, offer.fromUserId, offer.toUserId, offer.inReturnRole],
    );
  }

  /** Offers of these roles at the meeting are answered or out of date (their holder changed). */
  async dropForRoles(manager: EntityManager, meetingId: string, roles: string[]): Promise<void> {
    await manager.query(`DELETE FROM meeting_role_offers WHERE meeting_id = $1 AND role = ANY($2)`, [meetingId, roles]);
  }

  /** Pending offers for each meeting, by role. */
  async byMeetingIds(meetingIds: readonly string[]): Promise<MeetingRoleOfferEntity[][]> {
    const rows = await this.dataSource
      .getRepository(MeetingRoleOfferEntity)
      .createQueryBuilder('o')
      .where('o.meeting_id = ANY(:meetingIds)', { meetingIds })
      .orderBy('o.meeting_id')
      .addOrderBy('o.role')
      .getMany();
    const grouped = new Map<string, MeetingRoleOfferEntity[]>(meetingIds.map((id) => [id, []]));
    for (const row of rows) grouped.get(row.meetingId)?.push(row);
    return meetingIds.map((id) => grouped.get(id)!);
  }
}
