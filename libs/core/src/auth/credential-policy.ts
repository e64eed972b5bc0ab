import { AppError, ErrorCode } from '../errors/app-error.js';
import type { AccessPolicy } from './auth.decorators.js';
import type { Viewer } from './role.js';

/**
 * An API token acts through its scopes only: it may read what its owner may read, but it changes
 * things only through staff operations its scopes cover. Mutations that act as the person
 * (root mutations that change a password, register, pay, make more tokens) need a signed-in session.
 */
export function refuseTokenOutsideStaffOperations(policy: AccessPolicy, parentType: string): void {
  if (parentType !== 'Mutation' || policy.kind === 'public' || policy.kind === 'permission' || policy.kind === 'role') return;
  throw new AppError(ErrorCode.FORBIDDEN, 'An API token may not do that; sign in with a session', { reason: 'API_TOKEN_NOT_ALLOWED' });
}

/** Staff whose rights the association says need two-factor sign-in use them only from a session that showed it. */
export function refuseStaffWithoutSecondFactor(viewer: Viewer): void {
  if (!viewer.secondFactorMissing) return;
  throw new AppError(ErrorCode.FORBIDDEN, 'Your staff rights require two-factor sign-in: turn it on (startTotpEnrollment), or sign in again with your code', {
    reason: 'TOTP_REQUIRED_FOR_STAFF',
  });
}
