import { type Membership } from './membership.type.js';

/**
 * On a person object a list made for its own rows, the membership it read with them (null: none): a symbol only this
 * module holds, so nothing else reads or writes it (no JSON, no GraphQL field sees a symbol key). It was a WeakMap:
 * 50 `set`s a request were 6.4% of the attendees list's CPU, and ephemerons add to every garbage collection.
 */
const CARRIED = Symbol('carried membership');
type Carrier = { [CARRIED]?: Membership | null };

/**
 * Hands `User.membership` of `user` the membership a list read with its row (null: the person has none), in place of
 * `MembersLoader.membershipByUserId`: for a membership read with only the columns the list's selection asks for
 * (`membershipColumnsAsked`), which must not be primed into the request's shared loader. `user` must be the list's
 * own object for that row (never one a loader hands to other fields), so that only the fields below the list's
 * selection see it.
 */
export function carryMembership(user: object, membership: Membership | null): void {
  // Not enumerable: spreads, logs and deep equality see the person as read.
  Object.defineProperty(user, CARRIED, { value: membership, writable: true, configurable: true });
}

/** The membership a list carried for `user` (null: none), or undefined when none was carried. */
export function carriedMembership(user: object): Membership | null | undefined {
  return (user as Carrier)[CARRIED];
}
