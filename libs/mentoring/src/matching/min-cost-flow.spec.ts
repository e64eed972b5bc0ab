import { describe, expect, it } from '@jest/globals';
import { MinCostFlow } from './min-cost-flow.js';
import { createRandom } from '../../../../test/utils/random.js';

/** Min-cost perfect assignment of a square cost matrix by trying every permutation. */
function bruteForceAssignment(costs: number[][]): number {
  const n = costs.length;
  let best = Number.POSITIVE_INFINITY;
  const used = new Array<boolean>(n).fill(false);
  const walk = (row: number, total: number): void => {
    if (row === n) {
      best = Math.min(best, total);
      return;
    }
    for (let col = 0; col < n; col += 1) {
      if (used[col]) continue;
      used[col] = true;
      walk(row + 1, total + costs[row]![col]!);
      used[col] = false;
    }
  };
  walk(0, 0);
  return best;
}

function assignmentNetwork(costs: number[][]): { network: MinCostFlow; cell: number[][]; sink: number } {
  const n = costs.length;
  const sink = 2 * n + 1;
  const network = new MinCostFlow(sink + 1);
  for (let i = 0; i < n; i += 1) network.addEdge(0, 1 + i, 1, 0);
  const cell = costs.map((row, i) => row.map((cost, j) => network.addEdge(1 + i, 1 + n + j, 1, cost)));
  for (let j = 0; j < n; j += 1) network.addEdge(1 + n + j, sink, 1, 0);
  return { network, cell, sink };
}

describe('MinCostFlow', () => {
  it('sends the maximum flow at minimum cost on a small network', () => {
    // 0 → 1 → 3 costs 2 per unit (cap 2), 0 → 2 → 3 costs 4 per unit (cap 2), 1 → 2 shortcut costs 1.
    const network = new MinCostFlow(4);
    const a = network.addEdge(0, 1, 2, 1);
    const b = network.addEdge(0, 2, 2, 2);
    const c = network.addEdge(1, 3, 1, 1);
    const d = network.addEdge(2, 3, 3, 2);
    const e = network.addEdge(1, 2, 1, 1);
    const solution = network.solve({ source: 0, sink: 3 });
    // Max flow 4 = cap(1→3) + cap(2→3); 0→1 carries 2 (one via 1→2), 0→2 carries 2.
    expect(solution.flow).toBe(4);
    expect(solution.cost).toBe(2 + (1 + 1 + 2) + 2 * (2 + 2));
    expect([a, b, c, d, e].map((edge) => network.flow(edge))).toEqual([2, 2, 1, 3, 1]);
  });

  it('solves a 3×3 assignment with a known optimum', () => {
    const costs = [
      [4, 1, 3],
      [2, 0, 5],
      [3, 2, 2],
    ];
    const { network, cell, sink } = assignmentNetwork(costs);
    const solution = network.solve({ source: 0, sink });
    expect(solution).toMatchObject({ flow: 3, cost: 5 });
    const chosen = cell.map((row) => row.findIndex((edge) => network.flow(edge) === 1));
    expect(chosen).toEqual([1, 0, 2]);
  });

  it('matches brute force on random 5×5 assignments with negative costs', () => {
    const random = createRandom(7);
    for (let round = 0; round < 60; round += 1) {
      const costs = Array.from({ length: 5 }, () => Array.from({ length: 5 }, () => random.int(-50, 50)));
      const { network, sink } = assignmentNetwork(costs);
      expect(network.solve({ source: 0, sink }).cost).toBe(bruteForceAssignment(costs));
    }
  });

  it('stops before a path that would not lower the cost', () => {
    // Maximum-weight matching: weights 10 (a–x), 9 (a–y), 1 (b–x). Taking b–x and a–y (10) does not
    // beat a–x alone (10), so only one unit is sent.
    const network = new MinCostFlow(6);
    network.addEdge(0, 1, 1, 0);
    network.addEdge(0, 2, 1, 0);
    const ax = network.addEdge(1, 3, 1, -10);
    network.addEdge(1, 4, 1, -9);
    network.addEdge(2, 3, 1, -1);
    network.addEdge(3, 5, 1, 0);
    network.addEdge(4, 5, 1, 0);
    expect(network.solve({ source: 0, sink: 5, stopWhenCostNonNegative: true })).toMatchObject({ flow: 1, cost: -10 });
    expect(network.flow(ax)).toBe(1);
  });

  it('takes an improving second path that reroutes earlier flow', () => {
    // Weights a–x 10, a–y 9, b–x 8: the optimum is a–y + b–x = 17, reached by undoing a–x.
    const network = new MinCostFlow(6);
    network.addEdge(0, 1, 1, 0);
    network.addEdge(0, 2, 1, 0);
    const ax = network.addEdge(1, 3, 1, -10);
    const ay = network.addEdge(1, 4, 1, -9);
    const bx = network.addEdge(2, 3, 1, -8);
    network.addEdge(3, 5, 1, 0);
    network.addEdge(4, 5, 1, 0);
    expect(network.solve({ source: 0, sink: 5, stopWhenCostNonNegative: true })).toMatchObject({ flow: 2, cost: -17 });
    expect([ax, ay, bx].map((edge) => network.flow(edge))).toEqual([0, 1, 1]);
  });

  it('respects maxFlow and reports no flow when the sink is unreachable', () => {
    const limited = new MinCostFlow(3);
    limited.addEdge(0, 1, 5, 1);
    limited.addEdge(1, 2, 5, 1);
    expect(limited.solve({ source: 0, sink: 2, maxFlow: 3 })).toMatchObject({ flow: 3, cost: 6 });

    const cut = new MinCostFlow(3);
    cut.addEdge(0, 1, 5, 1);
    expect(cut.solve({ source: 0, sink: 2 })).toEqual({ flow: 0, cost: 0, augmentations: 0 });
  });

  it('rejects fractional costs, bad capacities and unknown nodes', () => {
    const network = new MinCostFlow(2);
    expect(() => network.addEdge(0, 1, 1, 0.5)).toThrow(RangeError);
    expect(() => network.addEdge(0, 1, -1, 0)).toThrow(RangeError);
    expect(() => network.addEdge(0, 2, 1, 0)).toThrow(RangeError);
  });

  it('grows past its expected edge count', () => {
    const network = new MinCostFlow(41, 1);
    for (let v = 0; v < 40; v += 1) network.addEdge(v, v + 1, 1, 1);
    expect(network.solve({ source: 0, sink: 40 })).toMatchObject({ flow: 1, cost: 40 });
  });
  it('routes each supply along shortest paths from its own node', () => {
    // The greedy trap as supplies: weights a–x 10, a–y 9, b–x 8 (cost −weight), each mentee (x, y) may
    // also go straight to the sink at cost 0 (stay unmatched). Routing x first takes a; routing y then
    // reroutes x to b.
    const [x, y, a, b, sink] = [0, 1, 2, 3, 4];
    const network = new MinCostFlow(5);
    const xa = network.addEdge(x, a, 1, -10);
    const xb = network.addEdge(x, b, 1, -8);
    const ya = network.addEdge(y, a, 1, -9);
    network.addEdge(x, sink, 1, 0);
    network.addEdge(y, sink, 1, 0);
    network.addEdge(a, sink, 1, 0);
    network.addEdge(b, sink, 1, 0);
    const solution = network.routeSupplies(
      [
        [x, 1],
        [y, 1],
      ],
      sink,
    );
    expect(solution).toEqual({ flow: 2, cost: -17, augmentations: 2 });
    expect([xa, xb, ya].map((edge) => network.flow(edge))).toEqual([0, 1, 1]);
  });

  it('leaves supplies that cannot reach the sink unrouted', () => {
    const network = new MinCostFlow(4);
    network.addEdge(0, 3, 1, 2);
    network.addEdge(1, 2, 5, 1); // node 2 is a dead end
    expect(network.routeSupplies([[0, 3], [1, 1]], 3)).toEqual({ flow: 1, cost: 2, augmentations: 1 });
    expect(() => network.routeSupplies([[3, 1]], 3)).toThrow(RangeError);
  });

  it('finds the same maximum-weight b-matching both ways on random bipartite graphs', () => {
    const random = createRandom(2024);
    for (let round = 0; round < 80; round += 1) {
      const left = random.int(1, 9);
      const right = random.int(1, 6);
      const capacity = Array.from({ length: right }, () => random.int(1, 3));
      const weights = Array.from({ length: left }, () =>
        Array.from({ length: right }, () => (random.chance(0.6) ? random.int(1, 100) : 0)),
      );

      // Exhaustive: each left node takes a right node with room, or none.
      const room = [...capacity];
      const best = (i: number): number => {
        if (i === left) return 0;
        let value = best(i + 1);
        for (let j = 0; j < right; j += 1) {
          if (weights[i]![j] === 0 || room[j] === 0) continue;
          room[j]! -= 1;
          value = Math.max(value, weights[i]![j]! + best(i + 1));
          room[j]! += 1;
        }
        return value;
      };
      const optimum = best(0);

      // Source → right (capacity) → left (−weight) → sink, stopping at the first non-improving path.
      const fromSource = new MinCostFlow(left + right + 2);
      const sink = left + right + 1;
      capacity.forEach((cap, j) => fromSource.addEdge(0, 1 + j, cap, 0));
      weights.forEach((row, i) =>
        row.forEach((weight, j) => {
          if (weight > 0) fromSource.addEdge(1 + j, 1 + right + i, 1, -weight);
        }),
      );
      for (let i = 0; i < left; i += 1) fromSource.addEdge(1 + right + i, sink, 1, 0);
      expect(0 - fromSource.solve({ source: 0, sink, stopWhenCostNonNegative: true }).cost).toBe(optimum);

      // Left nodes supply one unit each: to a right node (−weight) or straight to the sink (0).
      const bySupply = new MinCostFlow(left + right + 1);
      const supplySink = left + right;
      weights.forEach((row, i) =>
        row.forEach((weight, j) => {
          if (weight > 0) bySupply.addEdge(i, left + j, 1, -weight);
        }),
      );
      for (let i = 0; i < left; i += 1) bySupply.addEdge(i, supplySink, 1, 0);
      capacity.forEach((cap, j) => bySupply.addEdge(left + j, supplySink, cap, 0));
      const supplies = Array.from({ length: left }, (_, i) => [i, 1] as const);
      const routed = bySupply.routeSupplies(supplies, supplySink);
      expect(routed.flow).toBe(left);
      expect(0 - routed.cost).toBe(optimum);
    }
  });
});
