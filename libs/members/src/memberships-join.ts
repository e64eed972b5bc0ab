import { checkJoinIdentifiers, joinedReader, rowFieldsAsked, type RowJoin } from '../../core/src/index.js';
import { CURRENT_STATUSES } from './membership.enums.js';
import { type Membership } from './membership.type.js';
import { type MembershipTierRow } from './membership-tier.type.js';
import { TIER_ROWS } from './tiers.repository.js';

/** The `memberships` columns a Membership is made from (field → column), as the membership loader reads them. */
const MEMBERSHIP_ROW_COLUMNS: Readonly<Record<Exclude<keyof Membership, 'tierRow'>, string>> = {
  id: 'id',
  userId: 'user_id',
  tierId: 'tier_id',
  status: 'status',
  startedAt: 'started_at',
  currentPeriodEnd: 'current_period_end',
  graceEndsAt: 'grace_ends_at',
  autoRenew: 'auto_renew',
  complimentary: 'complimentary',
  cancelledAt: 'cancelled_at',
  declineReason: 'decline_reason',
  createdAt: 'created_at',
};
const MEMBERSHIP_FIELDS = Object.keys(MEMBERSHIP_ROW_COLUMNS);
/** The tier's fields as the tiers loader reads them (TIER_ROWS), named `tier.<field>` beside the membership's. */
const TIER_FIELDS = Object.keys(TIER_ROWS.columns);

/** Constant SQL (the statuses are our enum's values): the membership "current" statuses come first. */
const CURRENT_FIRST = `(jm.status IN (${CURRENT_STATUSES.map((s) => `'${s}'`).join(', ')})) DESC, jm.created_at DESC`;

/**
 * The membership and tier fields a list reads with its rows (`membershipColumnsAsked`), and `key`, the same for the
 * same columns (for a loader's name). Undefined where a port takes it: every column.
 */
export interface MembershipColumns {
  membership: readonly string[];
  /** Empty: the tier is not read (not asked for). */
  tier: readonly string[];
  key: string;
}

/** Read whatever else is asked: the guards (owner: userId), Membership.tier (tierId), periods and the scheduled change (id). */
const MEMBERSHIP_ALWAYS = ['id', 'userId', 'tierId'];
/** The Membership GraphQL fields that read no column of their own (a field named like a row field reads it). */
const MEMBERSHIP_FIELD_NEEDS: Readonly<Record<string, readonly string[]>> = { id: [], tier: [], user: [], periods: [], scheduledTierChange: [] };
/** The MembershipTier field that reads other columns than its name (`MembershipTier.from`). */
const TIER_FIELD_NEEDS: Readonly<Record<string, readonly string[]>> = { price: ['priceAmount', 'priceCurrency'] };

/** core's allow-list, with undefined (read every column) for a field it does not know. */
function needed(asked: ReadonlySet<string>, all: readonly string[], always: readonly string[], needs: Readonly<Record<string, readonly string[]>>): readonly string[] | undefined {
  const fields = rowFieldsAsked(asked, all, always, needs);
  return fields === all ? undefined : fields;
}

/**
 * The columns a list needs to answer `membershipFields` (the Membership fields its rows ask for) and `tierFields`
 * (the tier's, undefined when the tier is not asked for), or undefined (read every column) when one of them is a field
 * this port does not know: an allow-list, so it can only read too much. A membership read with fewer columns than
 * every one must not be primed into `MembersLoader.membershipByUserId` (another part of the request may ask more of
 * it): the list hands it to `User.membership` with `carryMembership`.
 */
export function membershipColumnsAsked(membershipFields: ReadonlySet<string>, tierFields: ReadonlySet<string> | undefined): MembershipColumns | undefined {
  const membership = needed(membershipFields, MEMBERSHIP_FIELDS, MEMBERSHIP_ALWAYS, MEMBERSHIP_FIELD_NEEDS);
  const tier = tierFields ? needed(tierFields, TIER_FIELDS, ['id'], TIER_FIELD_NEEDS) : [];
  if (!membership || !tier) return undefined;
  return { membership, tier, key: `${membership.join(',')}/${tier.join(',')}` };
}

const lateralColumns = (membershipFields: readonly string[], tierFields: readonly string[]) =>
  [
    ...membershipFields.map((field) => `jm.${MEMBERSHIP_ROW_COLUMNS[field as keyof typeof MEMBERSHIP_ROW_COLUMNS]} AS "${field}"`),
    ...tierFields.map((field) => `${TIER_ROWS.columns[field].replace(/^c\./, 'jt.')} AS "tier.${field}"`),
  ].join(', ');

/**
 * Members' port for reading a person's membership inside another library's statement: each row's current
 * membership, or else the latest (what `MembersLoader.membershipByUserId` answers), with its tier (what
 * Membership.tier shows), through a LEFT JOIN LATERAL aliased `alias` on `userIdColumn` (a column of the
 * caller's row). `read` gives the Membership of a result row (undefined: none), for priming that loader, or with
 * `columns` (`membershipColumnsAsked`) only the fields a list's selection needs, for `carryMembership`.
 * The tables and their columns stay named here, where they are owned.
 */
export function membershipsJoin(alias: string, userIdColumn: string, columns?: MembershipColumns): RowJoin<Membership> {
  checkJoinIdentifiers('membershipsJoin', alias, userIdColumn);
  if (/^(jm|jt)\./.test(userIdColumn)) throw new Error(`membershipsJoin: "${userIdColumn}" would name the join's own tables (jm, jt)`);
  const membershipFields = columns?.membership ?? MEMBERSHIP_FIELDS;
  const tierFields = columns?.tier ?? TIER_FIELDS;
  const outputs = [...membershipFields, ...tierFields.map((field) => `tier.${field}`)];
  const readMembership = joinedReader<Membership>(alias, membershipFields, 'id');
  const readTier = tierFields.length ? joinedReader<MembershipTierRow>(`${alias}.tier`, tierFields, 'id') : undefined;
  return {
    alias,
    join: `LEFT JOIN LATERAL (SELECT ${lateralColumns(membershipFields, tierFields)} FROM memberships jm JOIN membership_tiers jt ON jt.id = jm.tier_id
                               WHERE jm.user_id = ${userIdColumn} ORDER BY ${CURRENT_FIRST} LIMIT 1) ${alias} ON true`,
    select: outputs.map((output) => `${alias}."${output}" AS "${alias}.${output}"`).join(', '),
    read: (row) => {
      const membership = readMembership(row);
      if (membership && readTier) membership.tierRow = readTier(row);
      return membership;
    },
  };
}
