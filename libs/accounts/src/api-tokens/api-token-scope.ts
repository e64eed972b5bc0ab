import { registerEnumType } from '@nestjs/graphql';
import { ALL_STAFF_PERMISSIONS, Role, StaffPermission } from '../../../core/src/index.js';

export enum ApiTokenKind {
  /** Acts for the person who made it. */
  PERSONAL = 'PERSONAL',
  /** For a system integration; made and revocable by admins, still bounded by its maker's rights. */
  SERVICE = 'SERVICE',
}
registerEnumType(ApiTokenKind, { name: 'ApiTokenKind' });

/** The read-only scope: member data that MEMBERSHIP_MANAGER may read, in queries only. */
export const READ_MEMBERS = 'READ_MEMBERS';
export type ApiTokenScope = StaffPermission | typeof READ_MEMBERS;
export const API_TOKEN_SCOPES: readonly string[] = [...ALL_STAFF_PERMISSIONS, READ_MEMBERS];

/** The staff permissions an account holds now (an ADMIN holds every one). */
export function heldPermissions(role: Role, staffPermissions: readonly StaffPermission[]): StaffPermission[] {
  return role === Role.ADMIN ? [...ALL_STAFF_PERMISSIONS] : [...staffPermissions];
}

/** True when the owner's current rights cover the scope. */
export function ownerGrants(scope: ApiTokenScope, held: readonly StaffPermission[]): boolean {
  return scope === READ_MEMBERS ? held.includes(StaffPermission.MEMBERSHIP_MANAGER) : held.includes(scope);
}

/**
 * The permissions a token carries for one request: its scopes that the owner still holds. READ_MEMBERS
 * lends MEMBERSHIP_MANAGER to queries only, so a read-only token can never change anything.
 */
export function tokenPermissions(scopes: readonly ApiTokenScope[], held: readonly StaffPermission[], readOnlyRequest: boolean): StaffPermission[] {
  const granted = new Set<StaffPermission>();
  for (const scope of scopes) {
    if (!ownerGrants(scope, held)) continue;
    if (scope === READ_MEMBERS) {
      if (readOnlyRequest) granted.add(StaffPermission.MEMBERSHIP_MANAGER);
    } else granted.add(scope);
  }
  return [...granted];
}
