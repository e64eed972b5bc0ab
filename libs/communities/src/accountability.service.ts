import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, conflict, notFound, type Viewer } from '../../core/src/index.js';
import { AccountabilityRepository } from './accountability.repository.js';
import { type ActingContext, auditAdminAction } from './acting-context.js';
import { CommunitiesErrorReason } from './communities.errors.js';
import { GroupStatus, MeetingStatus } from './community.enums.js';
import { AccountabilityCheckInEntity } from './entities/accountability-check-in.entity.js';
import { GroupMeetingsRepository } from './group-meetings.repository.js';
import { GroupMembersRepository } from './group-members.repository.js';
import { GroupNotifier } from './group-notifier.js';
import { type AccountabilityCheckInInput } from './inputs/meeting.inputs.js';
import { MeetingRecordsRepository } from './meeting-records.repository.js';
import { pairPartners } from './pairing/partner-pairing.js';
import { StudyGroupsRepository } from './study-groups.repository.js';
import { AccountabilityPair } from './types/accountability-pair.type.js';

/** Peer accountability: each member's check-in at a meeting, and partners paired up round by round. */
@Injectable()
export class AccountabilityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly groups: StudyGroupsRepository,
    private readonly meetings: GroupMeetingsRepository,
    private readonly members: GroupMembersRepository,
    private readonly records: MeetingRecordsRepository,
    private readonly partners: AccountabilityRepository,
    private readonly notifier: GroupNotifier,
    private readonly audit: AuditService,
  ) {}

  /** One check-in per member per meeting; logging again replaces it. */
  async checkIn(viewer: Viewer, meetingId: string, input: AccountabilityCheckInInput): Promise<AccountabilityCheckInEntity> {
    return this.dataSource.transaction(async (manager) => {
      const meeting = await this.meetings.findById(meetingId, manager);
      if (!meeting) throw notFound('Meeting');
      if (meeting.status === MeetingStatus.CANCELLED) throw conflict('The meeting is cancelled', CommunitiesErrorReason.MEETING_CANCELLED);
      return this.records.upsertCheckIn(manager, meeting.id, viewer.id, { done: input.done, next: input.next, blockers: input.blockers?.trim() || null });
    });
  }

  /** A new round of partners among the active members, avoiding earlier pairings; each person is told. */
  async pair(ctx: ActingContext, groupId: string): Promise<AccountabilityPair[]> {
    return this.dataSource.transaction(async (manager) => {
      const group = await this.groups.lockById(manager, groupId);
      if (!group) throw notFound('Study group');
      if (group.status === GroupStatus.ARCHIVED) throw conflict('The group is archived', CommunitiesErrorReason.GROUP_ARCHIVED);
      const active = await this.notifier.contacts(manager, groupId);
      if (active.length < 2) throw conflict('Pairing needs at least two active members', CommunitiesErrorReason.NOT_ENOUGH_MEMBERS);
      const history = await this.partners.rounds(manager, groupId);
      const groups = pairPartners(active.map((m) => m.userId), history);
      const round = history.length + 1;
      await this.partners.insertRound(manager, groupId, round, groups);
      const name = new Map(active.map((m) => [m.userId, m.fullName]));
      for (const pair of groups) {
        for (const userId of pair) {
          const others = pair.filter((id) => id !== userId).map((id) => name.get(id)).join(' and ');
          await this.notifier.toUser(manager, userId, {
            template: 'study-group-partners', subject: `${group.name}: your accountability partner${pair.length > 2 ? 's' : ''}`,
            text: `For this round of ${group.name}, your accountability partner${pair.length > 2 ? 's are' : ' is'} ${others}. Check in with each other before the next meeting.`,
            dedupeKey: () => `study-group-partners:${groupId}:${round}:${userId}`,
          });
        }
      }
      await auditAdminAction(this.audit, manager, ctx, { action: 'study-group.pair-partners', targetType: 'StudyGroup', targetId: groupId, after: { round, groups } });
      const now = new Date();
      return groups.map((memberIds) => Object.assign(new AccountabilityPair(), { round, memberIds, createdAt: now }));
    });
  }
}
