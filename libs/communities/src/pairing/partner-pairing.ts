/**
 * Accountability partners: splits a group into pairs (one trio when the count is odd), avoiding
 * people who have been partners before. Pure and deterministic.
 *
 * A pair costs (times paired before) × W + (the round they were last paired in, 0 if never), with W
 * large enough that one repeat outweighs any recency difference: so the pairing first has as few
 * repeats as possible, then repeats the oldest pairings. A trio costs its three pairs.
 * Exact (dynamic programming over subsets) up to EXACT_LIMIT people; beyond, greedy cheapest
 * pairs then pairwise exchanges while they lower the cost.
 */
export const EXACT_LIMIT = 14;

export type PartnerGroup = string[];

export interface PairingCosts {
  cost(a: string, b: string): number;
}

export function pairingCosts(history: PartnerGroup[][]): PairingCosts {
  const times = new Map<string, number>();
  const last = new Map<string, number>();
  const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
  history.forEach((round, index) => {
    for (const group of round) {
      for (let i = 0; i < group.length; i++) {
        for (let j = i + 1; j < group.length; j++) {
          const k = key(group[i], group[j]);
          times.set(k, (times.get(k) ?? 0) + 1);
          last.set(k, index + 1);
        }
      }
    }
  });
  const weight = (history.length + 1) * 64;
  return { cost: (a, b) => (times.get(key(a, b)) ?? 0) * weight + (last.get(key(a, b)) ?? 0) };
}

export function groupCost(costs: PairingCosts, group: PartnerGroup): number {
  let total = 0;
  for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) total += costs.cost(group[i], group[j]);
  return total;
}

export function pairPartners(memberIds: string[], history: PartnerGroup[][]): PartnerGroup[] {
  const members = [...new Set(memberIds)].sort();
  if (members.length < 2) return [];
  const costs = pairingCosts(history);
  const groups = members.length <= EXACT_LIMIT ? exactPairing(members, costs) : improvedGreedyPairing(members, costs);
  return groups.map((g) => [...g].sort()).sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

function exactPairing(members: string[], costs: PairingCosts): PartnerGroup[] {
  const n = members.length;
  const c = members.map((a) => members.map((b) => costs.cost(a, b)));
  const memo = new Map<number, { cost: number; take: number[] }>();
  const solve = (mask: number, trio: number): { cost: number; take: number[] } => {
    if (mask === 0) return { cost: trio ? Infinity : 0, take: [] };
    const key = mask * 2 + trio;
    const known = memo.get(key);
    if (known) return known;
    let i = 0;
    while (!(mask & (1 << i))) i++;
    let best = { cost: Infinity, take: [] as number[] };
    for (let j = i + 1; j < n; j++) {
      if (!(mask & (1 << j))) continue;
      const rest = mask & ~(1 << i) & ~(1 << j);
      const pair = c[i][j] + solve(rest, trio).cost;
      if (pair < best.cost) best = { cost: pair, take: [i, j] };
      if (!trio) continue;
      for (let l = j + 1; l < n; l++) {
        if (!(rest & (1 << l))) continue;
        const triple = c[i][j] + c[i][l] + c[j][l] + solve(rest & ~(1 << l), 0).cost;
        if (triple < best.cost) best = { cost: triple, take: [i, j, l] };
      }
    }
    memo.set(key, best);
    return best;
  };
  const groups: PartnerGroup[] = [];
  let mask = (1 << n) - 1;
  let trio = n % 2;
  while (mask) {
    const { take } = solve(mask, trio);
    groups.push(take.map((index) => members[index]));
    for (const index of take) mask &= ~(1 << index);
    if (take.length === 3) trio = 0;
  }
  return groups;
}

function improvedGreedyPairing(members: string[], costs: PairingCosts): PartnerGroup[] {
  const candidates: Array<{ a: string; b: string; cost: number }> = [];
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) candidates.push({ a: members[i], b: members[j], cost: costs.cost(members[i], members[j]) });
  }
  candidates.sort((x, y) => x.cost - y.cost || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : 1));
  const taken = new Set<string>();
  const groups: PartnerGroup[] = [];
  for (const { a, b } of candidates) {
    if (taken.has(a) || taken.has(b)) continue;
    groups.push([a, b]);
    taken.add(a);
    taken.add(b);
  }
  // Pairwise exchanges between two pairs while one lowers the total.
  for (let improved = true, rounds = 0; improved && rounds < 100; rounds++) {
    improved = false;
    for (let x = 0; x < groups.length; x++) {
      for (let y = x + 1; y < groups.length; y++) {
        const [a, b] = groups[x];
        const [c, d] = groups[y];
        const now = costs.cost(a, b) + costs.cost(c, d);
        const options: Array<[PartnerGroup, PartnerGroup]> = [[[a, c], [b, d]], [[a, d], [b, c]]];
        for (const [p, q] of options) {
          if (groupCost(costs, p) + groupCost(costs, q) < now) {
            groups[x] = p;
            groups[y] = q;
            improved = true;
            break;
          }
        }
      }
    }
  }
  const leftover = members.find((m) => !taken.has(m));
  if (leftover) {
    let best = 0;
    let bestCost = Infinity;
    groups.forEach((group, index) => {
      const added = groupCost(costs, [...group, leftover]) - groupCost(costs, group);
      if (added < bestCost) {
        bestCost = added;
        best = index;
      }
    });
    groups[best] = [...groups[best], leftover];
  }
  return groups;
}
