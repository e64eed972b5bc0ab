export * from './community.enums.js';
export * from './communities.errors.js';
export * from './communities.limits.js';
export * from './communities.module.js';
export * from './study-group-upkeep.service.js';
export * from './role-rotation.service.js';
export * from './meeting-role-offers.service.js';
export * from './group-membership.service.js';
export * from './meeting-series.service.js';
export * from './roster/study-group-roster.js';
export { StudyGroup } from './types/study-group.type.js';

import { AccountabilityCheckInEntity } from './entities/accountability-check-in.entity.js';
import { AccountabilityPartnerEntity } from './entities/accountability-partner.entity.js';
import { GroupGoalEntity } from './entities/group-goal.entity.js';
import { GroupMeetingEntity } from './entities/group-meeting.entity.js';
import { MeetingAttendanceEntity } from './entities/meeting-attendance.entity.js';
import { MeetingFeedbackEntity } from './entities/meeting-feedback.entity.js';
import { MeetingRoleAssignmentEntity } from './entities/meeting-role-assignment.entity.js';
import { MeetingRoleOfferEntity } from './entities/meeting-role-offer.entity.js';
import { StudyGroupMemberEntity } from './entities/study-group-member.entity.js';
import { StudyGroupRoleEntity } from './entities/study-group-role.entity.js';
import { StudyGroupEntity } from './entities/study-group.entity.js';
export const COMMUNITIES_ENTITIES = [
  StudyGroupEntity,
  StudyGroupRoleEntity,
  StudyGroupMemberEntity,
  GroupMeetingEntity,
  MeetingRoleAssignmentEntity,
  MeetingAttendanceEntity,
  AccountabilityCheckInEntity,
  GroupGoalEntity,
  AccountabilityPartnerEntity,
  MeetingFeedbackEntity,
  MeetingRoleOfferEntity,
];
