import { Injectable } from '@nestjs/common';
import { StudyGroupRoster } from '../../../communities/src/index.js';
import { EventRoster } from '../../../events/src/index.js';
import { MentoringRoster } from '../../../mentoring/src/index.js';
import { SpaceKind } from '../discussions.enums.js';

export type PlaceKind = Exclude<SpaceKind, SpaceKind.FORUM>;

/** A place as discussions needs it: its current name. */
export interface Place {
  id: string;
  title: string;
}

/** One person in one place. */
export interface PlaceStanding {
  inPlace: boolean;
  /** A study group's organiser. */
  leads: boolean;
}

/**
 * Asks the feature that owns each kind of place (communities, mentoring, events) through its
 * exported roster: discussions never reads their tables nor repeats their rules.
 */
@Injectable()
export class PlaceDirectory {
  constructor(
    private readonly groups: StudyGroupRoster,
    private readonly mentoring: MentoringRoster,
    private readonly events: EventRoster,
  ) {}

  async places(kind: PlaceKind, ids: readonly string[]): Promise<Array<Place | undefined>> {
    switch (kind) {
      case SpaceKind.STUDY_GROUP:
        return (await this.groups.groups(ids)).map((g) => g && { id: g.id, title: g.name });
      case SpaceKind.COHORT:
        return (await this.mentoring.cohorts(ids)).map((c) => c && { id: c.id, title: c.name });
      case SpaceKind.PAIR:
        return (await this.mentoring.pairs(ids)).map((p) => p && { id: p.id, title: 'Mentoring pair' });
      case SpaceKind.EVENT:
        return (await this.events.events(ids)).map((e) => e && { id: e.id, title: e.title });
    }
  }

  /** `placeIds[i]` and `userIds[i]` form the i-th question. */
  async standings(kind: PlaceKind, placeIds: readonly string[], userIds: readonly string[]): Promise<PlaceStanding[]> {
    switch (kind) {
      case SpaceKind.STUDY_GROUP:
        return (await this.groups.standings(placeIds, userIds)).map((s) => ({ inPlace: s.member, leads: s.organiser }));
      case SpaceKind.COHORT:
        return (await this.mentoring.inCohorts(placeIds, userIds)).map((inPlace) => ({ inPlace, leads: false }));
      case SpaceKind.PAIR: {
        const pairs = await this.mentoring.pairs([...new Set(placeIds)]);
        const byId = new Map(pairs.filter((p) => !!p).map((p) => [p!.id, p!]));
        return placeIds.map((id, i) => ({ inPlace: !!byId.get(id)?.participantIds.includes(userIds[i]), leads: false }));
      }
      case SpaceKind.EVENT:
        return (await this.events.registered(placeIds, userIds)).map((inPlace) => ({ inPlace, leads: false }));
    }
  }
}
