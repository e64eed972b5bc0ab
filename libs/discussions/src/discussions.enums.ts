import { registerEnumType } from '@nestjs/graphql';

export enum SpaceKind {
  FORUM = 'FORUM',
  STUDY_GROUP = 'STUDY_GROUP',
  COHORT = 'COHORT',
  PAIR = 'PAIR',
  EVENT = 'EVENT',
}
registerEnumType(SpaceKind, {
  name: 'SpaceKind',
  description: 'What a discussion space belongs to; who may read and post follows that place.',
  valuesMap: {
    FORUM: { description: 'A topic forum of the association. Members-only forums: members in good standing read; public ones: anyone reads. Members in good standing post.' },
    STUDY_GROUP: { description: "A study group's space: its active members read; those of them in good standing post. Its organisers moderate it." },
    COHORT: { description: "A mentoring cohort's space: people whose application to the cohort was approved read; those in good standing post." },
    PAIR: { description: 'A mentoring pair\'s space: private to its mentor and mentee (admins may read, as they may read the pair). Both post while in good standing.' },
    EVENT: { description: "An event's space: people with a confirmed registration read and post (membership is not needed: events admit non-members)." },
  },
});

export enum ModerationAction {
  HIDE = 'HIDE',
  RESTORE = 'RESTORE',
}
registerEnumType(ModerationAction, {
  name: 'ModerationAction',
  valuesMap: {
    HIDE: { description: 'Hide the post from everyone but moderators (its body reads as empty).' },
    RESTORE: { description: 'Show a hidden post again.' },
  },
});

export enum ReactionKind {
  LIKE = 'LIKE',
  THANKS = 'THANKS',
  INSIGHTFUL = 'INSIGHTFUL',
  CELEBRATE = 'CELEBRATE',
  QUESTION = 'QUESTION',
}
registerEnumType(ReactionKind, { name: 'ReactionKind' });
export const REACTION_KINDS = Object.values(ReactionKind);
