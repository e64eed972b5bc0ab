import { Injectable } from '@nestjs/common';
import { AppError, ErrorCode, type RequestContext, Role, StaffPermission, viewerHasPermission } from '../../../core/src/index.js';
import { DiscussionsLoader } from '../discussions.loader.js';
import { DiscussionsErrorReason } from '../discussions.errors.js';
import { SpaceKind } from '../discussions.enums.js';
import { type SpaceEntity } from '../entities/space.entity.js';
import { PlaceDirectory, type PlaceKind } from '../places/place-directory.js';
import { type SpaceRights, spaceRights } from './space-policy.js';

/** Someone other than the viewer (a person being mentioned), as the rules need them. */
export interface Person {
  id: string;
  role: Role;
  staffPermissions: readonly StaffPermission[];
}

/**
 * Gathers the facts the space policy needs (the viewer's role and permissions, good standing from
 * members' port, place membership from the owner's roster) through per-request loaders, so checking
 * every row of a page costs one statement per kind of fact.
 */
@Injectable()
export class SpaceAccess {
  constructor(
    private readonly loaders: DiscussionsLoader,
    private readonly places: PlaceDirectory,
  ) {}

  async rights(ctx: RequestContext, space: SpaceEntity): Promise<SpaceRights> {
    const viewer = ctx.viewer ?? null;
    const [inGoodStanding, standing] = await Promise.all([
      viewer ? this.loaders.inGoodStanding(ctx).load(viewer.id) : false,
      viewer && space.placeId ? this.loaders.viewerInPlace(ctx).load(`${space.kind}:${space.placeId}`) : { inPlace: false, leads: false },
    ]);
    return spaceRights({
      kind: space.kind,
      membersOnly: space.membersOnly,
      viewer: viewer && { admin: viewer.role === Role.ADMIN, communityManager: viewerHasPermission(viewer, StaffPermission.COMMUNITY_MANAGER) },
      inGoodStanding,
      inPlace: standing.inPlace,
      leadsPlace: standing.leads,
    });
  }

  async assertRead(ctx: RequestContext, space: SpaceEntity): Promise<SpaceRights> {
    const rights = await this.rights(ctx, space);
    if (rights.read) return rights;
    if (!ctx.viewer) throw new AppError(ErrorCode.UNAUTHENTICATED, 'Sign in to read this space');
    // A pair's space is private to its two people: anyone else is told it does not exist, as for the pair.
    if (space.kind === SpaceKind.PAIR) throw new AppError(ErrorCode.NOT_FOUND, 'Space not found');
    throw new AppError(ErrorCode.FORBIDDEN, 'Only the people of this space may read it', { reason: DiscussionsErrorReason.CANNOT_READ });
  }

  async assertPost(ctx: RequestContext, space: SpaceEntity): Promise<SpaceRights> {
    const rights = await this.assertRead(ctx, space);
    if (rights.post) return rights;
    throw new AppError(ErrorCode.FORBIDDEN, space.kind === SpaceKind.EVENT ? 'Only people registered for the event may post here' : 'Only members in good standing of this space may post here', {
      reason: DiscussionsErrorReason.CANNOT_POST,
    });
  }

  async assertModerate(ctx: RequestContext, space: SpaceEntity): Promise<SpaceRights> {
    const rights = await this.rights(ctx, space);
    if (rights.moderate) return rights;
    if (!ctx.viewer) throw new AppError(ErrorCode.UNAUTHENTICATED, 'Sign in to do that');
    if (!rights.read && space.kind === SpaceKind.PAIR) throw new AppError(ErrorCode.NOT_FOUND, 'Space not found');
    throw new AppError(ErrorCode.FORBIDDEN, 'Only moderators of this space may do that', { reason: DiscussionsErrorReason.NOT_A_MODERATOR });
  }

  /** Which of these people may read the space (for mentions): one statement per kind of fact. */
  async readers(ctx: RequestContext, space: SpaceEntity, people: readonly Person[]): Promise<Set<string>> {
    if (!people.length) return new Set();
    const standings = await Promise.all(people.map((p) => this.loaders.inGoodStanding(ctx).load(p.id)));
    const inPlace = space.placeId
      ? await this.places.standings(space.kind as PlaceKind, people.map(() => space.placeId!), people.map((p) => p.id))
      : people.map(() => ({ inPlace: false, leads: false }));
    const readers = new Set<string>();
    people.forEach((person, i) => {
      const rights = spaceRights({
        kind: space.kind,
        membersOnly: space.membersOnly,
        viewer: { admin: person.role === Role.ADMIN, communityManager: person.role === Role.ADMIN || person.staffPermissions.includes(StaffPermission.COMMUNITY_MANAGER) },
        inGoodStanding: standings[i],
        inPlace: inPlace[i].inPlace,
        leadsPlace: inPlace[i].leads,
      });
      if (rights.read) readers.add(person.id);
    });
    return readers;
  }
}
