import { checkJoinIdentifiers, joinedReader, type RowJoin } from '../../core/src/index.js';
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

const LATERAL_COLUMNS = [
  ...Object.entries(MEMBERSHIP_ROW_COLUMNS).map(([field, column]) => `jm.${column} AS "${field}"`),
  ...Object.entries(TIER_ROWS.columns).map(([field, sql]) => `${sql.replace(/^c\./, 'jt.')} AS "tier.${field}"`),
].join(', ');

/**
 * Members' port for reading a person's membership inside another library's statement: each row's current
 * membership, or else the latest (what `MembersLoader.membershipByUserId` answers), with its tier (what
 * Membership.tier shows), through a LEFT JOIN LATERAL aliased `alias` on `userIdColumn` (a column of the
 * caller's row). `read` gives the Membership of a result row (undefined: none), for priming that loader.
 * The tables and their columns stay named here, where they are owned.
 */
export function membershipsJoin(alias: string, userIdColumn: string): RowJoin<Membership> {
  checkJoinIdentifiers('membershipsJoin', alias, userIdColumn);
  if (/^(jm|jt)\./.test(userIdColumn)) throw new Error(`membershipsJoin: "${userIdColumn}" would name the join's own tables (jm, jt)`);
  const outputs = [...MEMBERSHIP_FIELDS, ...TIER_FIELDS.map((field) => `tier.${field}`)];
  const readMembership = joinedReader<Membership>(alias, MEMBERSHIP_FIELDS, 'id');
  const readTier = joinedReader<MembershipTierRow>(`${alias}.tier`, TIER_FIELDS, 'id');
  return {
    alias,
    join: `LEFT JOIN LATERAL (SELECT ${LATERAL_COLUMNS} FROM memberships jm JOIN membership_tiers jt ON jt.id = jm.tier_id
                               WHERE jm.user_id = ${userIdColumn} ORDER BY ${CURRENT_FIRST} LIMIT 1) ${alias} ON true`,
    select: outputs.map((output) => `${alias}."${output}" AS "${alias}.${output}"`).join(', '),
    read: (row) => {
      const membership = readMembership(row);
      if (membership) membership.tierRow = readTier(row);
      return membership;
    },
  };
}
