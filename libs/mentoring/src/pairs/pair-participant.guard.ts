import { applyDecorators, CanActivate, ExecutionContext, Injectable, UseGuards } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Authenticated, forbidden, type RequestContext, StaffPermission, unauthenticated, viewerHasPermission } from '../../../core/src/index.js';
import type { MentoringPairEntity } from '../entities/mentoring-pair.entity.js';
import { isParticipant } from './pair-access.js';

/**
 * For field resolvers of a pair (goals, check-ins): the viewer must be its mentor, its mentee or an
 * admin. Runs after the global auth guard, which has resolved the viewer.
 */
@Injectable()
export class PairParticipantGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const gql = GqlExecutionContext.create(context);
    const viewer = gql.getContext<RequestContext>().viewer;
    if (!viewer) throw unauthenticated();
    const pair = gql.getRoot<MentoringPairEntity>();
    if (viewerHasPermission(viewer, StaffPermission.MENTORING_COORDINATOR) || isParticipant(viewer, pair)) return true;
    throw forbidden(`Only the pair's mentor, its mentee or an admin may read MentoringPair.${gql.getInfo().fieldName}`);
  }
}

/** The pair's two people, or an admin. */
export const PairParticipantOrAdmin = () => applyDecorators(Authenticated(), UseGuards(PairParticipantGuard));
