/**
 * What registration lists read beside each row, in their own statement, through other libraries' ports: the
 * registrant and their membership (as the request's fields ask), or the event.
 */

import { joinedReader, rememberedByKey, type RowJoin } from '../../core/src/index.js';
import { type User, usersJoin } from '../../accounts/src/index.js';
import { type Membership, type MembershipColumns, membershipsJoin } from '../../members/src/index.js';
import { EVENT_ROW_COLUMNS } from './event-row-columns.js';
import { type EventRow } from './types/event.type.js';
import { type RegistrationRow } from './types/registration.type.js';

const EVENT_FIELDS = Object.keys(EVENT_ROW_COLUMNS) as Array<keyof EventRow>;

/** Each registration's registrant, through accounts' port: a User per row (every field, or the parts' `userFields`), outputs named `u.<field>`. */
const registrant = rememberedByKey(
  (parts: RegistrantParts) => parts.userFields?.join(',') ?? '*',
  (parts) => usersJoin('u', 'c.user_id', parts.userFields),
);
/** The registrant's membership (current, else latest) with its tier, through members' port (every column, or the parts' `membershipColumns`), outputs named `m.<field>`. */
const registrantMembership = rememberedByKey(
  (parts: RegistrantParts) => parts.membershipColumns?.key ?? '*',
  (parts) => membershipsJoin('m', 'c.user_id', parts.membershipColumns),
);

/** What a list of registrations reads with each row, in its own statement (as the request's fields ask). */
export interface RegistrantParts {
  /** Registration fields beyond the lean ones (price, times, codes, waitlist place): every column is read. */
  details: boolean;
  /** The registrant (`Registration.user`). */
  user: boolean;
  /** The registrant's membership with its tier (`Registration.user.membership`). */
  membership: boolean;
  /** Only these registrant fields (`userFieldsAsked`); undefined: every column. */
  userFields?: ReadonlyArray<keyof User>;
  /** Only these membership and tier columns (`membershipColumnsAsked`); undefined: every column. */
  membershipColumns?: MembershipColumns;
  /** The same for the same parts (a loader's name). */
  key: string;
}

/**
 * Whether the registrants were read with fewer columns than the users and membership loaders read: they are then
 * carried on the rows (Registration.user answers the row's own registrant, `carryMembership` its membership), and
 * never primed into the request's shared loaders, where another field may ask more of the same person.
 */
export function registrantsCarried(parts: RegistrantParts): boolean {
  return parts.userFields !== undefined || parts.membershipColumns !== undefined;
}

/** An event's registration with what was read with it: the registrant, and their membership (undefined: none, or not read). */
export type RegistrationWithRegistrant = RegistrationRow & { user?: User; membership?: Membership };

export function registrantJoins(parts: RegistrantParts): Array<RowJoin<unknown>> {
  return [...(parts.user ? [registrant(parts)] : []), ...(parts.membership ? [registrantMembership(parts)] : [])];
}

/**
 * The registration of a result row, with the registrant and membership the parts asked the statement for,
 * set on the row itself (its joined outputs `u.*`, `m.*` stay beside them, unread: no copy per row).
 */
export function withRegistrant(row: Record<string, unknown>, parts: RegistrantParts): RegistrationWithRegistrant {
  if (parts.user) row.user = registrant(parts).read(row);
  if (parts.membership) row.membership = registrantMembership(parts).read(row);
  return row as unknown as RegistrationWithRegistrant;
}

/** The event read beside a registration (outputs `e.<field>`): its select list, and the EventRow of a result row. */
interface EventBeside {
  select: string;
  read(row: Record<string, unknown>): EventRow;
}

/** The event beside a registration with `fields` (every one when undefined), built once per list of fields. */
export const eventBesideFor = rememberedByKey(
  (fields: ReadonlyArray<keyof EventRow> | undefined) => fields?.join(',') ?? '*',
  (fields = EVENT_FIELDS): EventBeside => {
    // An inner join: the event is always there.
    const read = joinedReader<EventRow>('e', fields, 'id') as (row: Record<string, unknown>) => EventRow;
    return { select: fields.map((field) => `e.${EVENT_ROW_COLUMNS[field]} AS "e.${field}"`).join(', '), read };
  },
);

