import { Kind, type SelectionSetNode } from 'graphql';
import { fieldsAt, rememberedPerField, type SelectionInfo } from '../../core/src/index.js';
import { userFieldsAsked } from '../../accounts/src/index.js';
import { MEMBER_USER_FIELDS, membershipColumnsAsked } from '../../members/src/index.js';
import { type RegistrantParts } from './registrations.repository.js';
import { eventColumnsFor } from './events.loader.js';
import { type EventRow } from './types/event.type.js';
import { LEAN_FIELDS_ASKED } from './registration-lean-fields.js';


/** The selection sets of the field named `name` in `selectionSet`, through fragments and inline fragments. */
function subSelections(selectionSet: SelectionSetNode, name: string, info: SelectionInfo, out: SelectionSetNode[]): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value === name && selection.selectionSet) out.push(selection.selectionSet);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      subSelections(selection.selectionSet, name, info, out);
    } else {
      const fragment = info.fragments[selection.name.value];
      if (fragment) subSelections(fragment.selectionSet, name, info, out);
    }
  }
}

/** Whether every field of `selectionSet` (through fragments) is one of `allowed`. */
function asksOnly(selectionSet: SelectionSetNode, allowed: ReadonlySet<string>, info: SelectionInfo): boolean {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (!allowed.has(selection.name.value)) return false;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (!asksOnly(selection.selectionSet, allowed, info)) return false;
    } else {
      const fragment = info.fragments[selection.name.value];
      if (fragment && !asksOnly(fragment.selectionSet, allowed, info)) return false;
    }
  }
  return true;
}

/** Whether a registration connection's nodes ask only for lean fields (`edges { node { … } }`, in every field node). */
function nodesAskOnlyLeanFields(info: SelectionInfo): boolean {
  let level = info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  for (const name of ['edges', 'node']) {
    const next: SelectionSetNode[] = [];
    for (const selectionSet of level) subSelections(selectionSet, name, info, next);
    level = next;
  }
  return level.every((selectionSet) => asksOnly(selectionSet, LEAN_FIELDS_ASKED, info));
}

const USER = ['edges', 'node', 'user'];
const MEMBERSHIP = [...USER, 'membership'];

/**
 * What a registration connection's selection asks of each row, read in the list's statement when asked:
 * the registration's other columns, the registrant and the registrant's membership, each with only the columns its
 * fields need (`userFieldsAsked`, `membershipColumnsAsked`; undefined: every column) (remembered per field: a nested
 * connection is resolved once per parent row with the same field node).
 */
export const registrationPartsAsked = rememberedPerField((info): RegistrantParts => {
  const userFields = fieldsAt(info, USER);
  const membershipFields = fieldsAt(info, MEMBERSHIP);
  const parts = {
    details: !nodesAskOnlyLeanFields(info),
    user: userFields !== undefined,
    membership: membershipFields !== undefined,
    userFields: userFields && userFieldsAsked(userFields, MEMBER_USER_FIELDS),
    membershipColumns: membershipFields && membershipColumnsAsked(membershipFields, fieldsAt(info, [...MEMBERSHIP, 'tier'])),
  };
  return { ...parts, key: `${+parts.details}${+parts.user}${+parts.membership}.${parts.userFields?.join(',') ?? ''}.${parts.membershipColumns?.key ?? ''}` };
});

/**
 * The event fields a list of the viewer's registrations reads with each row (`edges { node { event { … } } }`,
 * EVENT_FIELD_COLUMNS, with id and startsAt for the cursor), remembered per field.
 */
export const registrationEventColumnsAsked = rememberedPerField((info): Array<keyof EventRow> => eventColumnsFor(fieldsAt(info, ['edges', 'node', 'event']) ?? new Set()));
