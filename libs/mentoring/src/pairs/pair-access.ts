import { forbidden, notFound, StaffPermission, type Viewer, viewerHasPermission } from '../../../core/src/index.js';
import type { MentoringPairEntity } from '../entities/mentoring-pair.entity.js';

export const isParticipant = (viewer: Viewer, pair: Pick<MentoringPairEntity, 'mentorUserId' | 'menteeUserId'>): boolean =>
  pair.mentorUserId === viewer.id || pair.menteeUserId === viewer.id;

/**
 * Pair data is for its two people and admins. Anyone else is told the pair does not exist; an admin
 * may read but not act for the pair where `adminMayAct` is false (goals, check-ins, feedback).
 */
export function assertPairAccess(viewer: Viewer, pair: MentoringPairEntity | null, adminMayAct: boolean): asserts pair is MentoringPairEntity {
  if (pair && isParticipant(viewer, pair)) return;
  if (pair && viewerHasPermission(viewer, StaffPermission.MENTORING_COORDINATOR)) {
    if (adminMayAct) return;
    throw forbidden('Only the mentor and the mentee of the pair may do that');
  }
  throw notFound('Mentoring pair');
}
