import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../../core/src/index.js';
import { SpaceKind } from '../discussions.enums.js';
import { type SpaceEntity } from '../entities/space.entity.js';

/** `title`, `canPost`, `canModerate`, `threads` are resolved per viewer. */
@ObjectType('Space', { description: 'A discussion space: a topic forum, or the space of a study group, mentoring cohort, mentoring pair or event.' })
export class Space {
  @Field(() => ID) id: string;
  @Field(() => SpaceKind) kind: SpaceKind;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field({ description: 'Forums: true = only members in good standing (and staff) read it; false = anyone reads it. Always true for other kinds.' })
  membersOnly: boolean;
  @Field({ description: 'Q&A forum: a thread\'s author (or a moderator) may mark one reply as the answer.' })
  questionsAndAnswers: boolean;
  @Field(() => ID, { nullable: true, description: 'The study group, cohort, pair or event this space belongs to (null for a forum).' })
  placeId: string | null;
  forumTitle: string;
  entity: SpaceEntity;

  static from(entity: SpaceEntity): Space {
    return {
      id: entity.id, kind: entity.kind, description: entity.description, membersOnly: entity.placeId ? true : entity.membersOnly,
      questionsAndAnswers: entity.questionsAndAnswers, placeId: entity.placeId, forumTitle: entity.title, entity,
    };
  }
}

@ObjectType()
export class SpaceConnection extends Connection(Space) {}
