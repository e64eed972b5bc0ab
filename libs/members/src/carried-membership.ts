import { type Membership } from './membership.type.js';

/** Per person object a list made for its own rows: the membership it read with them (null: none). */
const CARRIED = new WeakMap<object, Membership | null>();

/**
 * Hands `User.membership` of `user` the membership a list read with its row (null: the person has none), in place of
 * `MembersLoader.membershipByUserId`: for a membership read with only the columns the list's selection asks for
 * (`membershipColumnsAsked`), which must not be primed into the request's shared loader. `user` must be the list's
 * own object for that row (never one a loader hands to other fields), so that only the fields below the list's
 * selection see it.
 */
export function carryMembership(user: object, membership: Membership | null): void {
  CARRIED.set(user, membership);
}

/** The membership a list carried for `user` (null: none), or undefined when none was carried. */
export function carriedMembership(user: object): Membership | null | undefined {
  return CARRIED.get(user);
}
