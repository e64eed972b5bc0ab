import { registerEnumType } from '@nestjs/graphql';

export enum CohortStatus {
  DRAFT = 'DRAFT',
  APPLICATIONS_OPEN = 'APPLICATIONS_OPEN',
  MATCHING = 'MATCHING',
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
}
registerEnumType(CohortStatus, {
  name: 'CohortStatus',
  valuesMap: {
    DRAFT: { description: 'Being set up; only admins see it.' },
    APPLICATIONS_OPEN: { description: 'Members may apply as mentors or mentees.' },
    MATCHING: { description: 'Applications are closed; admins review, propose and adjust pairs.' },
    ACTIVE: { description: 'Pairs are published and meeting.' },
    COMPLETED: { description: 'The cohort has ended.' },
  },
});

export enum MentoringRole {
  MENTOR = 'MENTOR',
  MENTEE = 'MENTEE',
}
registerEnumType(MentoringRole, { name: 'MentoringRole' });

export enum ApplicationStatus {
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(ApplicationStatus, { name: 'ApplicationStatus' });

export enum MeetingFormat {
  VIDEO = 'VIDEO',
  IN_PERSON = 'IN_PERSON',
  EITHER = 'EITHER',
}
registerEnumType(MeetingFormat, { name: 'MeetingFormat' });

export enum PairStatus {
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  ENDED_EARLY = 'ENDED_EARLY',
}
registerEnumType(PairStatus, { name: 'PairStatus' });

export enum MentoringGoalStatus {
  OPEN = 'OPEN',
  COMPLETED = 'COMPLETED',
  DROPPED = 'DROPPED',
}
registerEnumType(MentoringGoalStatus, { name: 'MentoringGoalStatus' });

export enum MatchOverrideKind {
  /** An admin fixed the pair: always proposed. */
  LOCK = 'LOCK',
  /** An admin ruled the pair out. */
  EXCLUDE = 'EXCLUDE',
}
