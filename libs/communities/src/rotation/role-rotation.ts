import { minCostAssignment } from './min-cost-assignment.js';

/**
 * Fair role rotation, as pure functions of a group's history (no clock, no database).
 *
 * The ledger counts, for each active member and rotating role, the turns they have held: meetings
 * where they held the role and were not recorded absent (an absent holder did not do the job, so the
 * turn stays owed to them), counted from when they joined and from when the role was (re)introduced,
 * plus a starting credit given at joining (the lowest count among members then), so a newcomer is
 * neither owed the group's whole history nor pushed to the back of the queue.
 *
 * Each meeting, every role goes to a member with the fewest turns of that role (so for every role the
 * counts of active members never drift more than one apart), with as few people holding two roles as
 * that allows (a maximum matching, so nobody doubles up while a fair assignment without doubling
 * exists). Among equally fair choices it prefers who is most behind across all roles, then who has
 * waited longest since any role, then seniority: deterministic for a given history.
 */

export interface RotationRole {
  role: string;
  /** When the role joined the group's rotation: turns before that belong to an earlier rotation. */
  addedAt: Date;
}

export interface RotationMember {
  userId: string;
  joinedAt: Date;
  /** Starting credit per role, fixed at joining (see `joinBase`). */
  base: Record<string, number>;
}

export interface Holding {
  meetingId: string;
  userId: string;
  role: string;
  startsAt: Date;
  /** Recorded absent from that meeting: the turn was not taken. */
  absent: boolean;
}

export interface LedgerInput {
  roles: RotationRole[];
  members: RotationMember[];
  holdings: Holding[];
  /** The meeting being assigned: its own current holdings do not count. */
  excludeMeetingId?: string;
}

export interface Ledger {
  roles: string[];
  /** Active members, most senior first. */
  members: string[];
  /** Turns per member per role (credit included). */
  counts: Map<string, Map<string, number>>;
  /** Start of the last meeting where the member took any turn (ms), or -Infinity. */
  lastHeld: Map<string, number>;
}

export interface Assignment {
  role: string;
  userId: string;
}

const bySeniority = (a: RotationMember, b: RotationMember) =>
  a.joinedAt.getTime() - b.joinedAt.getTime() || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0);

export function buildLedger(input: LedgerInput): Ledger {
  const members = [...input.members].sort(bySeniority);
  const addedAt = new Map(input.roles.map((r) => [r.role, r.addedAt.getTime()]));
  const joinedAt = new Map(members.map((m) => [m.userId, m.joinedAt.getTime()]));
  const counts = new Map<string, Map<string, number>>();
  const lastHeld = new Map<string, number>();
  for (const member of members) {
    const row = new Map<string, number>();
    for (const { role } of input.roles) {
      const credited = member.joinedAt.getTime() >= addedAt.get(role)!;
      row.set(role, credited ? (member.base[role] ?? 0) : 0);
    }
    counts.set(member.userId, row);
    lastHeld.set(member.userId, -Infinity);
  }
  for (const holding of input.holdings) {
    if (holding.meetingId === input.excludeMeetingId || holding.absent) continue;
    const row = counts.get(holding.userId);
    const since = addedAt.get(holding.role);
    if (!row || since === undefined) continue;
    const at = holding.startsAt.getTime();
    if (at < since || at < joinedAt.get(holding.userId)!) continue;
    row.set(holding.role, row.get(holding.role)! + 1);
    lastHeld.set(holding.userId, Math.max(lastHeld.get(holding.userId)!, at));
  }
  return { roles: input.roles.map((r) => r.role), members: members.map((m) => m.userId), counts, lastHeld };
}

/**
 * The credit a member joining now starts with: for each role, the highest count among active
 * members. The newcomer joins each role's queue at the back: first turn in the role's next cycle
 * (or in the current one, when it has just begun), never ahead of those already waiting.
 */
export function joinBase(ledger: Ledger): Record<string, number> {
  const base: Record<string, number> = {};
  for (const role of ledger.roles) base[role] = ledger.members.length ? Math.max(...ledger.members.map((m) => count(ledger, m, role))) : 0;
  return base;
}

export function count(ledger: Ledger, userId: string, role: string): number {
  return ledger.counts.get(userId)?.get(role) ?? 0;
}

/** Highest minus lowest count of a role among active members (0 with fewer than two members). */
export function spread(ledger: Ledger, role: string): number {
  if (ledger.members.length < 2) return 0;
  const values = ledger.members.map((m) => count(ledger, m, role));
  return Math.max(...values) - Math.min(...values);
}

/** For each role, the members with the fewest turns of it: the only fair holders. */
export function fairCandidates(ledger: Ledger, roles: string[]): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const role of roles) {
    const lowest = Math.min(...ledger.members.map((m) => count(ledger, m, role)));
    result.set(role, ledger.members.filter((m) => count(ledger, m, role) === lowest));
  }
  return result;
}

/**
 * Assigns `roles` (roles of the meeting not yet held) to active members. `fixed` are the meeting's
 * assignments that stay (their holders count as already busy in this meeting).
 */
export function assignRoles(ledger: Ledger, roles: string[], fixed: Assignment[] = []): Assignment[] {
  const { members } = ledger;
  if (!members.length || !roles.length) return [];
  const n = members.length;
  const k = roles.length;
  const candidates = fairCandidates(ledger, roles);

  // Urgency. A role's current cycle ends once each of its fair candidates has had a turn, that is
  // |candidates| meetings from now; a member owing several roles needs a meeting for each before
  // those ends. Slack = how many meetings the member can wait and still make every deadline.
  // Covering the least slack comes first, lexicographically (one member at a tighter level outweighs
  // any number at looser ones): in a group whose cycles run together this is König's "match every
  // vertex of maximum degree", which keeps a no-doubling schedule possible to the end of the cycle.
  const allCandidates = fairCandidates(ledger, ledger.roles);
  const deadline = new Map([...allCandidates].map(([role, list]) => [role, list.length]));
  const owed = members.map((m) => ledger.roles.filter((r) => allCandidates.get(r)!.includes(m)).sort((a, b) => deadline.get(a)! - deadline.get(b)! || (a < b ? -1 : 1)));
  const slack = owed.map((roles) => (roles.length ? Math.min(...roles.map((r, j) => deadline.get(r)! - (j + 1))) : Infinity));
  const minSlack = Math.min(...slack);
  const level = slack.map((s) => Math.min(k, s - minSlack));
  const waitRank = new Map(
    members
      .map((m, index) => ({ m, index, at: ledger.lastHeld.get(m) ?? -Infinity }))
      .sort((a, b) => a.at - b.at || a.index - b.index)
      .map((entry, rank) => [entry.m, rank]),
  );
  const busy = new Map<string, number>();
  for (const f of fixed) busy.set(f.userId, (busy.get(f.userId) ?? 0) + 1);

  // Lexicographic weights, from the strongest: roles already held in this meeting (doubling), then
  // urgency, then the member's soonest-ending role first, then who has waited longest.
  const tie = (ledger.roles.length + 1) * (n + 1);
  const unit = k * tie + 1;
  const reward = (lvl: number) => unit * (k + 1) ** (k - lvl);
  const double = k * (reward(0) + tie) + 1;
  const forbidden = (2 * k + 1) * k * double;
  if (!Number.isSafeInteger(forbidden * k)) throw new Error('role rotation: group too large for exact weights');

  const columns: Array<{ member: string; index: number; copy: number }> = [];
  members.forEach((member, index) => {
    for (let copy = 0; copy < k; copy++) columns.push({ member, index, copy });
  });
  const cost = roles.map((role) => {
    const fair = new Set(candidates.get(role));
    return columns.map(({ member, index, copy }) => {
      if (!fair.has(member)) return forbidden;
      const order = owed[index].indexOf(role);
      return (
        ((busy.get(member) ?? 0) + copy) * double -
        reward(level[index]) +
        (order < 0 ? ledger.roles.length : order) * (n + 1) +
        waitRank.get(member)!
      );
    });
  });
  const chosen = minCostAssignment(cost);
  return roles.map((role, row) => {
    const column = columns[chosen[row]];
    if (cost[row][chosen[row]] >= forbidden) throw new Error(`no fair holder for ${role}`);
    return { role, userId: column.member };
  });
}
