import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { GroupAccessGuard } from './group-access.guard.js';
import { GROUP_ACCESS, type GroupAccessPolicy, type GroupRef } from './group-access.policy.js';

const access = (policy: GroupAccessPolicy) => applyDecorators(SetMetadata(GROUP_ACCESS, policy), UseGuards(GroupAccessGuard));

/** The group id is a property of the parent object (field resolvers). */
export const fromParent = <P>(groupId: (parent: P) => string): GroupRef => ({ from: 'parent', groupId });
/** The group id is an argument. */
export const fromGroupArg = (arg = 'groupId'): GroupRef => ({ from: 'arg', arg, kind: 'group' });
/** The argument is a meeting id: its group decides. */
export const fromMeetingArg = (arg = 'meetingId'): GroupRef => ({ from: 'arg', arg, kind: 'meeting' });
/** The argument is a goal id: its group decides. */
export const fromGoalArg = (arg = 'goalId'): GroupRef => ({ from: 'arg', arg, kind: 'goal' });

/** Active members of the group, and admins. */
export const GroupMembersOrAdmin = (ref: GroupRef) => access({ need: 'member', ref, admins: true });
/** The group's organisers (members with the FACILITATOR standing), and admins. */
export const GroupOrganisersOrAdmin = (ref: GroupRef) => access({ need: 'organiser', ref, admins: true });
/** Active members of the group only: things a person does for themself (check-ins, feedback). */
export const GroupMembersOnly = (ref: GroupRef) => access({ need: 'member', ref, admins: false });
/** Members of the association in good standing (ACTIVE or GRACE), and admins. */
export const InGoodStanding = () => access({ need: 'goodStanding', admins: true });
