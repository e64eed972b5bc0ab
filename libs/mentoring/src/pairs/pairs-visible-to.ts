import { StaffPermission, type Viewer, viewerHasPermission } from '../../../core/src/index.js';
import { type PairsOf } from './pairs.repository.js';

/** Whose pairs of a cohort a viewer sees: MENTORING_COORDINATOR staff every pair (null); anyone else only the pairs they are in. */
export function pairsVisibleTo(viewer: Viewer): PairsOf {
  return viewerHasPermission(viewer, StaffPermission.MENTORING_COORDINATOR) ? null : viewer.id;
}
