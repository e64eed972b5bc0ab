import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { StudyGroup } from '../../communities/src/index.js';
import { CurrentRequest, Public, type RequestContext } from '../../core/src/index.js';
import { Event } from '../../events/src/index.js';
import { Cohort, MentoringPair } from '../../mentoring/src/index.js';
import { SpaceAccess } from './access/space-access.service.js';
import { DiscussionsLoader } from './discussions.loader.js';
import { SpaceKind } from './discussions.enums.js';
import { type PlaceKind } from './places/place-directory.js';
import { Space } from './types/space.type.js';

/** The space of a place, made on first use; its readers only (others get UNAUTHENTICATED, FORBIDDEN, or NOT_FOUND for a pair). */
async function placeSpace(loaders: DiscussionsLoader, access: SpaceAccess, ctx: RequestContext, kind: PlaceKind, placeId: string): Promise<Space> {
  const space = await loaders.placeSpace(ctx).load(`${kind}:${placeId}`);
  await access.assertRead(ctx, space);
  return Space.from(space);
}

const DESCRIPTION = 'Its discussion space (made on first use). Readers only: see SpaceKind for who they are.';

@Resolver(() => StudyGroup)
export class StudyGroupSpaceResolver {
  constructor(private readonly loaders: DiscussionsLoader, private readonly access: SpaceAccess) {}

  @Public()
  @ResolveField(() => Space, { description: DESCRIPTION })
  space(@Parent() group: StudyGroup, @CurrentRequest() ctx: RequestContext): Promise<Space> {
    return placeSpace(this.loaders, this.access, ctx, SpaceKind.STUDY_GROUP, group.id);
  }
}

@Resolver(() => Cohort)
export class CohortSpaceResolver {
  constructor(private readonly loaders: DiscussionsLoader, private readonly access: SpaceAccess) {}

  @Public()
  @ResolveField(() => Space, { description: DESCRIPTION })
  space(@Parent() cohort: Cohort, @CurrentRequest() ctx: RequestContext): Promise<Space> {
    return placeSpace(this.loaders, this.access, ctx, SpaceKind.COHORT, cohort.id);
  }
}

@Resolver(() => MentoringPair)
export class PairSpaceResolver {
  constructor(private readonly loaders: DiscussionsLoader, private readonly access: SpaceAccess) {}

  @Public()
  @ResolveField(() => Space, { description: DESCRIPTION })
  space(@Parent() pair: MentoringPair, @CurrentRequest() ctx: RequestContext): Promise<Space> {
    return placeSpace(this.loaders, this.access, ctx, SpaceKind.PAIR, pair.id);
  }
}

@Resolver(() => Event)
export class EventSpaceResolver {
  constructor(private readonly loaders: DiscussionsLoader, private readonly access: SpaceAccess) {}

  @Public()
  @ResolveField(() => Space, { description: DESCRIPTION })
  space(@Parent() event: Event, @CurrentRequest() ctx: RequestContext): Promise<Space> {
    return placeSpace(this.loaders, this.access, ctx, SpaceKind.EVENT, event.id);
  }
}
