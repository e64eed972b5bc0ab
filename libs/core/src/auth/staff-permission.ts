import { registerEnumType } from '@nestjs/graphql';
import { Role, type Viewer } from './role.js';

/**
 * Narrower staff rights than ADMIN, assignable to any account. ADMIN holds every one of them.
 * Stored on the account (`users.staff_permissions`) and read with the viewer, so a revoked
 * permission stops working on the next request.
 */
export enum StaffPermission {
  /** Tiers, approvals, complimentary grants, CSV import and export, invitations. */
  MEMBERSHIP_MANAGER = 'MEMBERSHIP_MANAGER',
  /** Payments, refunds, offline payments, reconciliation, the dues report. */
  FINANCE = 'FINANCE',
  /** Create, publish and cancel events; registrations, waitlists and offers. */
  EVENT_MANAGER = 'EVENT_MANAGER',
  /** Check people in at the door, and nothing else. */
  CHECK_IN = 'CHECK_IN',
  /** Mentoring programs, cohorts, applications and matching. */
  MENTORING_COORDINATOR = 'MENTORING_COORDINATOR',
  /** Study groups, forums, moderation and the community report. */
  COMMUNITY_MANAGER = 'COMMUNITY_MANAGER',
}
registerEnumType(StaffPermission, {
  name: 'StaffPermission',
  description: 'A staff right narrower than ADMIN; an ADMIN holds every one.',
});

export const ALL_STAFF_PERMISSIONS: readonly StaffPermission[] = Object.values(StaffPermission);

/** True when the viewer is an ADMIN or holds at least one of `permissions`. */
export function viewerHasPermission(viewer: Viewer | null | undefined, ...permissions: StaffPermission[]): boolean {
  if (!viewer) return false;
  if (viewer.role === Role.ADMIN) return true;
  const held = viewer.permissions ?? [];
  return permissions.some((p) => held.includes(p));
}

/** True when the viewer is an ADMIN or holds any staff permission (may open the staff console). */
export function viewerIsStaff(viewer: Viewer | null | undefined): boolean {
  return !!viewer && (viewer.role === Role.ADMIN || (viewer.permissions?.length ?? 0) > 0);
}
