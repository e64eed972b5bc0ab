import { SpaceKind } from '../discussions.enums.js';

/** What the rules look at for one viewer and one space (gathered by SpaceAccess through the owners' ports). */
export interface AccessFacts {
  kind: SpaceKind;
  /** Forums only. */
  membersOnly: boolean;
  /** null: anonymous. */
  viewer: { admin: boolean; communityManager: boolean } | null;
  /** members' MembershipStandingPort. */
  inGoodStanding: boolean;
  /** In the place: an active group member, an approved cohort applicant, one of the pair, a confirmed registrant. */
  inPlace: boolean;
  /** Leads the place: a study group's organiser (FACILITATOR). */
  leadsPlace: boolean;
}

export interface SpaceRights {
  read: boolean;
  post: boolean;
  moderate: boolean;
}

const NONE: SpaceRights = { read: false, post: false, moderate: false };

/**
 * The one rule for who may read, post in and moderate a space. Staff with COMMUNITY_MANAGER (and
 * admins, who hold every permission) read, post and moderate everywhere except a mentoring pair's
 * space, which is private to its two people (admins may read it, as they may read the pair itself,
 * and moderate a post reported there). Losing good standing takes posting away at once, since the
 * standing is read on every request; events admit non-members, so their spaces follow the
 * registration alone.
 */
export function spaceRights(f: AccessFacts): SpaceRights {
  const staff = !!f.viewer && (f.viewer.admin || f.viewer.communityManager);
  switch (f.kind) {
    case SpaceKind.FORUM: {
      if (staff) return { read: true, post: true, moderate: true };
      const member = !!f.viewer && f.inGoodStanding;
      return { read: !f.membersOnly || member, post: member, moderate: false };
    }
    case SpaceKind.STUDY_GROUP:
    case SpaceKind.COHORT: {
      if (staff) return { read: true, post: true, moderate: true };
      if (!f.viewer || !f.inPlace) return NONE;
      return { read: true, post: f.inGoodStanding, moderate: f.kind === SpaceKind.STUDY_GROUP && f.leadsPlace };
    }
    case SpaceKind.PAIR: {
      if (f.viewer && f.inPlace) return { read: true, post: f.inGoodStanding, moderate: false };
      if (f.viewer?.admin) return { read: true, post: false, moderate: true };
      return NONE;
    }
    case SpaceKind.EVENT: {
      if (staff) return { read: true, post: true, moderate: true };
      if (!f.viewer || !f.inPlace) return NONE;
      return { read: true, post: true, moderate: false };
    }
  }
}
