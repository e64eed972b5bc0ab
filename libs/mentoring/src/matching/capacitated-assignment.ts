/**
 * Maximum-score assignment of mentees to mentors with capacities, where a mentee may stay unmatched:
 * the min-cost flow of `propose-matching.ts` (mentee → mentor cost −score, mentee → sink 0, mentor →
 * sink capacity = room), solved by successive shortest paths from one mentee at a time with Johnson
 * potentials, as `MinCostFlow.routeSupplies` does, but on the bipartite structure itself instead of a
 * general residual graph:
 *
 * - the only residual arcs are a mentee's candidate arcs (straight from the candidate graph's rows), a
 *   mentor's reverse arcs to its ≤ 5 mentees, mentee → sink and mentor → sink;
 * - a mentee is reached only through its mentor, by an arc whose reduced cost stays 0 (it lay on a
 *   shortest path when it was made, and both ends' potentials move together afterwards), so it is
 *   settled together with its mentor and only mentors go through the heap;
 * - the initial potentials have a closed form (what Bellman–Ford computes on this graph): 0 for
 *   mentees, each mentor's lowest arc cost, and the lower of 0 and those for the sink.
 *
 * Costs are integers (micro-points) held in doubles, so every sum is exact and the result is a
 * minimum-cost flow, i.e. a maximum-score matching, as with `MinCostFlow`.
 */
import type { CandidateGraph } from './candidate-graph.js';
import { IndexedMinHeap } from './indexed-min-heap.js';

export interface CapacitatedAssignment {
  /** Mentee index → chosen mentor index, or -1. */
  readonly mentorOf: Int32Array;
  /**
   * Final potentials: every residual arc has a reduced cost ≥ 0 (cost + π(tail) − π(head)), which
   * certifies the assignment optimal; an arc left out of the graph that also meets this cannot improve it.
   */
  readonly menteePotential: Float64Array;
  readonly mentorPotential: Float64Array;
}

/** The candidate arrays the solver reads (a `CandidateGraph` or a subset of its pairs). */
export type CandidateRows = Pick<CandidateGraph, 'offsets' | 'mentorIndex' | 'scoreMicros'>;

/**
 * @param mentorRoom places each mentor has left (after locks)
 * @param order mentees to place, in the order their searches run (others stay unmatched)
 */
export function solveCapacitatedAssignment(graph: CandidateRows, mentorRoom: Int32Array, order: Int32Array): CapacitatedAssignment {
  const { offsets, mentorIndex, scoreMicros } = graph;
  const menteeCount = offsets.length - 1;
  const mentorCount = mentorRoom.length;
  const capacityStride = Math.max(1, ...mentorRoom);

  const mentorOf = new Int32Array(menteeCount).fill(-1);
  const load = new Int32Array(mentorCount);
  /** Mentor m's mentees are slots[m * stride .. m * stride + load[m] - 1]. */
  const slots = new Int32Array(mentorCount * capacityStride);

  // Potentials (π): reduced cost of arc u → v is cost + π(u) − π(v) ≥ 0.
  const menteePotential = new Float64Array(menteeCount);
  const mentorPotential = new Float64Array(mentorCount);
  for (let c = 0; c < mentorIndex.length; c += 1) {
    const m = mentorIndex[c]!;
    if (-scoreMicros[c]! < mentorPotential[m]!) mentorPotential[m] = -scoreMicros[c]!;
  }
  let sinkPotential = 0;
  for (let m = 0; m < mentorCount; m += 1) {
    if (mentorRoom[m]! > 0 && mentorPotential[m]! < sinkPotential) sinkPotential = mentorPotential[m]!;
  }

  // Search state: distances of mentors, how each was reached, which were settled this round.
  const distance = new Float64Array(mentorCount).fill(Number.POSITIVE_INFINITY);
  const reachedFrom = new Int32Array(mentorCount);
  const settledRound = new Int32Array(mentorCount);
  const touched = new Int32Array(mentorCount);
  const settledMentors = new Int32Array(mentorCount);
  const settledMentees = new Int32Array(menteeCount);
  const menteeDistance = new Float64Array(menteeCount);
  const heap = new IndexedMinHeap(mentorCount, distance);

  for (let round = 1; round <= order.length; round += 1) {
    const start = order[round - 1]!;
    let touchedCount = 0;
    let mentorsSettled = 0;
    let menteesSettled = 0;
    /** Distance of the sink and its last arc: a mentee (≥ 0) leaving for the sink, or ~mentor. */
    let sinkDistance = Number.POSITIVE_INFINITY;
    let sinkFrom = 0;

    // Settles mentee j at distance d: its candidate arcs (all but the one to its own mentor, which is
    // full) and its arc to the sink.
    const settleMentee = (j: number, d: number): void => {
      settledMentees[menteesSettled++] = j;
      menteeDistance[j] = d;
      const base = d + menteePotential[j]!;
      const own = mentorOf[j]!;
      for (let c = offsets[j]!, end = offsets[j + 1]!; c < end; c += 1) {
        const m = mentorIndex[c]!;
        if (m === own || settledRound[m] === round) continue;
        const candidate = base - scoreMicros[c]! - mentorPotential[m]!;
        if (candidate < distance[m]!) {
          if (distance[m] === Number.POSITIVE_INFINITY) touched[touchedCount++] = m;
          distance[m] = candidate;
          reachedFrom[m] = j;
          heap.upsert(m);
        }
      }
      const toSink = base - sinkPotential;
      if (toSink < sinkDistance) {
        sinkDistance = toSink;
        sinkFrom = j;
      }
    };

    settleMentee(start, 0);
    while (!heap.isEmpty) {
      const m = heap.pop();
      const d = distance[m]!;
      if (sinkDistance <= d) break;
      settledRound[m] = round;
      settledMentors[mentorsSettled++] = m;
      if (load[m]! < mentorRoom[m]!) {
        const toSink = d + mentorPotential[m]! - sinkPotential;
        if (toSink < sinkDistance) {
          sinkDistance = toSink;
          sinkFrom = ~m;
        }
      }
      const base = m * capacityStride;
      for (let k = 0; k < load[m]!; k += 1) settleMentee(slots[base + k]!, d);
    }
    heap.clear();

    // Augment: walk back from the sink, moving each mentee on the path to the mentor it was reached from.
    if (sinkFrom >= 0) {
      // The path ends with a mentee leaving its mentor for the sink (or the start staying unmatched).
      const j = sinkFrom;
      if (j !== start) {
        const m = mentorOf[j]!;
        mentorOf[j] = -1;
        shiftChain(m, j);
      }
    } else {
      const m = ~sinkFrom;
      load[m]! += 1;
      slots[m * capacityStride + load[m]! - 1] = -1; // filled by the chain below
      shiftChain(m, -1);
    }

    // Potentials of settled nodes: π += d − d(sink), which keeps every reduced cost ≥ 0.
    for (let i = 0; i < mentorsSettled; i += 1) {
      const m = settledMentors[i]!;
      mentorPotential[m]! += distance[m]! - sinkDistance;
    }
    for (let i = 0; i < menteesSettled; i += 1) {
      const j = settledMentees[i]!;
      menteePotential[j]! += menteeDistance[j]! - sinkDistance;
    }
    for (let i = 0; i < touchedCount; i += 1) distance[touched[i]!] = Number.POSITIVE_INFINITY;
  }
  return { mentorOf, menteePotential, mentorPotential };

  /**
   * Mentor m takes the mentee it was reached from, in the slot `vacated` left (-1: the new slot); that
   * mentee leaves its own mentor, which takes the mentee it was reached from, and so on back to the start.
   */
  function shiftChain(mentor: number, vacated: number): void {
    let m = mentor;
    let leaving = vacated;
    for (;;) {
      const j = reachedFrom[m]!;
      replaceInSlots(slots, load, capacityStride, m, leaving, j);
      const previous = mentorOf[j]!;
      mentorOf[j] = m;
      if (previous < 0) return; // j is the start
      m = previous;
      leaving = j;
    }
  }
}

function replaceInSlots(slots: Int32Array, load: Int32Array, stride: number, m: number, from: number, to: number): void {
  const base = m * stride;
  for (let k = base; k < base + load[m]!; k += 1) {
    if (slots[k] === from) {
      slots[k] = to;
      return;
    }
  }
}
