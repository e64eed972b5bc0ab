/**
 * Min-cost flow by successive shortest augmenting paths with Johnson potentials: Bellman–Ford (queue
 * based) once when some cost is negative, then Dijkstra on reduced costs with an indexed binary heap,
 * stopping each search as soon as the sink is settled. Costs must be integers so that every sum is exact.
 *
 * Two ways to send flow:
 * - `solve`: from one source to the sink. With `stopWhenCostNonNegative` augmentation stops before the
 *   first path whose cost is >= 0; since path costs never decrease, the result is then a minimum-cost
 *   flow of any value (e.g. a maximum-weight matching when arc costs are negated weights).
 * - `routeSupplies`: from many supply nodes, one search per unit from its own node (Hungarian-style).
 *
 * Residual arcs: the forward arcs of the edges sit in compressed rows by tail node; a reverse arc only
 * has residual capacity while its edge carries flow, so each node keeps a linked list of just those
 * instead of scanning the reverse arcs of every edge that enters it.
 */
import { IndexedMinHeap } from './indexed-min-heap.js';

export interface MinCostFlowOptions {
  source: number;
  sink: number;
  /** Stop once this much flow has been sent. Default: unbounded. */
  maxFlow?: number;
  /** Stop before augmenting along a path that would not lower the total cost. */
  stopWhenCostNonNegative?: boolean;
}

export interface MinCostFlowSolution {
  flow: number;
  cost: number;
  augmentations: number;
}

export class MinCostFlow {
  private edgeCount = 0;
  private edgeFrom: Int32Array;
  private edgeTo: Int32Array;
  private edgeCapacity: Int32Array;
  private edgeCost: Float64Array;

  /**
   * Arcs 0..m-1 are the edges' forward arcs in compressed-row order (those leaving node v are
   * rowStart[v]..rowStart[v+1]-1); arc a + m is the reverse of arc a.
   */
  private m = 0;
  private rowStart = new Int32Array(0);
  private arcTo = new Int32Array(0);
  private arcResidual = new Int32Array(0);
  private arcCost = new Float64Array(0);
  /** Edge id → its forward arc. */
  private edgeArc = new Int32Array(0);
  /** Doubly linked lists of reverse arcs with residual capacity, per tail node (indexes are arc − m). */
  private flowingHead = new Int32Array(0);
  private flowingNext = new Int32Array(0);
  private flowingPrev = new Int32Array(0);
  private built = false;

  /** Search state, allocated once by build(). */
  private potential: Float64Array | null = null;
  private distance = new Float64Array(0);
  private settledRound = new Int32Array(0);
  private parentArc = new Int32Array(0);
  /** Nodes given a finite distance in the current search, to reset afterwards. */
  private touched = new Int32Array(0);
  private touchedCount = 0;
  private heap = new IndexedMinHeap(0, this.distance);
  private round = 0;

  constructor(
    readonly nodeCount: number,
    expectedEdges = 16,
  ) {
    if (!Number.isInteger(nodeCount) || nodeCount < 0) throw new RangeError(`invalid node count ${nodeCount}`);
    const size = Math.max(1, expectedEdges);
    this.edgeFrom = new Int32Array(size);
    this.edgeTo = new Int32Array(size);
    this.edgeCapacity = new Int32Array(size);
    this.edgeCost = new Float64Array(size);
  }

  /** Adds a directed edge and returns its id (0, 1, 2, …). */
  addEdge(from: number, to: number, capacity: number, cost: number): number {
    if (this.built) throw new Error('edges cannot be added once flow has been sent');
    if (!this.isNode(from) || !this.isNode(to)) throw new RangeError(`edge ${from} → ${to} has an unknown node`);
    if (!Number.isInteger(capacity) || capacity < 0 || capacity > 0x7fffffff) {
      throw new RangeError(`edge capacity must be a non-negative 32-bit integer (got ${capacity})`);
    }
    if (!Number.isSafeInteger(cost)) throw new RangeError(`edge cost must be a safe integer (got ${cost})`);
    if (this.edgeCount === this.edgeFrom.length) this.grow();
    const id = this.edgeCount;
    this.edgeFrom[id] = from;
    this.edgeTo[id] = to;
    this.edgeCapacity[id] = capacity;
    this.edgeCost[id] = cost;
    this.edgeCount += 1;
    return id;
  }

  /** Flow on an edge. */
  flow(edge: number): number {
    if (!Number.isInteger(edge) || edge < 0 || edge >= this.edgeCount) throw new RangeError(`unknown edge ${edge}`);
    return this.built ? this.arcResidual[this.edgeArc[edge]! + this.m]! : 0;
  }

  /**
   * Sends flow from `source` to `sink` along successive shortest paths (up to `maxFlow`, and with
   * `stopWhenCostNonNegative` only while a path lowers the total cost).
   */
  solve(options: MinCostFlowOptions): MinCostFlowSolution {
    const { source, sink } = options;
    if (!this.isNode(source) || !this.isNode(sink) || source === sink) throw new RangeError('invalid source or sink');
    const maxFlow = options.maxFlow ?? Number.POSITIVE_INFINITY;
    const solution: MinCostFlowSolution = { flow: 0, cost: 0, augmentations: 0 };
    while (solution.flow < maxFlow) {
      if (!this.augment(source, sink, maxFlow - solution.flow, options.stopWhenCostNonNegative === true, solution)) break;
    }
    return solution;
  }

  /**
   * Routes each supply node's units to `sink`, in the order given, each unit along a shortest path from
   * that node — successive shortest paths from many sources. The result is a minimum-cost flow for these
   * supplies; units that cannot reach the sink are left unrouted (`flow` is then below the total supply).
   * Searches start at one supply node and stop at the sink, so they stay local when supplies have cheap
   * routes nearby (the Hungarian method's row-by-row augmentation).
   */
  routeSupplies(supplies: ReadonlyArray<readonly [node: number, units: number]>, sink: number): MinCostFlowSolution {
    if (!this.isNode(sink)) throw new RangeError('invalid sink');
    for (const [node, units] of supplies) {
      if (!this.isNode(node) || node === sink || !Number.isInteger(units) || units < 0) {
        throw new RangeError(`invalid supply ${units} at node ${node}`);
      }
    }
    const solution: MinCostFlowSolution = { flow: 0, cost: 0, augmentations: 0 };
    for (const [node, units] of supplies) {
      let left = units;
      while (left > 0) {
        const before = solution.flow;
        if (!this.augment(node, sink, left, false, solution)) break;
        left -= solution.flow - before;
      }
    }
    return solution;
  }

  /**
   * One Dijkstra search on reduced costs from `start`, stopping when `sink` is settled, then one
   * augmentation along the path found. Returns false when there is no path (or it would not lower the
   * cost and `stopWhenNonNegative`).
   *
   * Potentials: nodes settled at distance d get π += d − d(sink); the others keep π. That is the usual
   * π += min(d, d(sink)) shifted by the constant d(sink), which leaves reduced costs unchanged but only
   * touches the nodes the search settled.
   */
  private augment(start: number, sink: number, limit: number, stopWhenNonNegative: boolean, solution: MinCostFlowSolution): boolean {
    this.build();
    const { m, rowStart, arcResidual, flowingHead, flowingNext, distance, settledRound, parentArc, heap } = this;
    const potential = this.potential ?? (this.potential = this.initialPotentials());
    const round = (this.round += 1);
    this.touchedCount = 0;
    this.reach(start, 0, -1);
    while (!heap.isEmpty) {
      const u = heap.pop();
      settledRound[u] = round;
      if (u === sink) break;
      const base = distance[u]! + potential[u]!;
      for (let a = rowStart[u]!, end = rowStart[u + 1]!; a < end; a += 1) {
        if (arcResidual[a] !== 0) this.relax(a, base, round, potential);
      }
      // Reverse arcs: only those of edges carrying flow into u.
      for (let r = flowingHead[u]!; r >= 0; r = flowingNext[r]!) this.relax(r + m, base, round, potential);
    }
    heap.clear();

    const { touched, touchedCount } = this;
    const reach = distance[sink]!;
    let found = reach !== Number.POSITIVE_INFINITY;
    if (found) {
      const pathCost = reach + potential[sink]! - potential[start]!;
      if (stopWhenNonNegative && pathCost >= 0) found = false;
      else {
        for (let i = 0; i < touchedCount; i += 1) {
          const v = touched[i]!;
          if (settledRound[v] === round) potential[v]! += distance[v]! - reach;
        }
        let push = limit;
        for (let v = sink; v !== start; v = this.tail(parentArc[v]!)) push = Math.min(push, arcResidual[parentArc[v]!]!);
        for (let v = sink; v !== start; v = this.tail(parentArc[v]!)) this.pushOn(parentArc[v]!, push);
        solution.flow += push;
        solution.cost += push * pathCost;
        solution.augmentations += 1;
      }
    }
    for (let i = 0; i < touchedCount; i += 1) distance[touched[i]!] = Number.POSITIVE_INFINITY;
    return found;
  }

  /** Dijkstra relaxation of residual arc `a` leaving a node settled at reduced distance `base` − π. */
  private relax(a: number, base: number, round: number, potential: Float64Array): void {
    const v = this.arcTo[a]!;
    if (this.settledRound[v] === round) return;
    const candidate = base + this.arcCost[a]! - potential[v]!;
    if (candidate < this.distance[v]!) this.reach(v, candidate, a);
  }

  /** Records a shorter tentative distance to `v`, through `arc`. */
  private reach(v: number, distance: number, arc: number): void {
    if (this.distance[v] === Number.POSITIVE_INFINITY) this.touched[this.touchedCount++] = v;
    this.distance[v] = distance;
    this.parentArc[v] = arc;
    this.heap.upsert(v);
  }

  private tail(arc: number): number {
    return arc < this.m ? this.arcTo[arc + this.m]! : this.arcTo[arc - this.m]!;
  }

  /** Moves `amount` units onto `arc`, keeping the lists of flowing reverse arcs up to date. */
  private pushOn(arc: number, amount: number): void {
    const { m, arcResidual } = this;
    const forward = arc < m;
    const reverse = forward ? arc + m : arc - m;
    arcResidual[arc]! -= amount;
    arcResidual[reverse]! += amount;
    if (forward && arcResidual[reverse] === amount) this.linkFlowing(reverse - m);
    if (!forward && arcResidual[arc] === 0) this.unlinkFlowing(arc - m);
  }

  /** Adds reverse arc `r + m` to the list of its tail (the head of forward arc r). */
  private linkFlowing(r: number): void {
    const owner = this.arcTo[r]!;
    const first = this.flowingHead[owner]!;
    this.flowingNext[r] = first;
    this.flowingPrev[r] = -1;
    if (first >= 0) this.flowingPrev[first] = r;
    this.flowingHead[owner] = r;
  }

  private unlinkFlowing(r: number): void {
    const owner = this.arcTo[r]!;
    const previous = this.flowingPrev[r]!;
    const next = this.flowingNext[r]!;
    if (previous >= 0) this.flowingNext[previous] = next;
    else this.flowingHead[owner] = next;
    if (next >= 0) this.flowingPrev[next] = previous;
  }

  private isNode(node: number): boolean {
    return Number.isInteger(node) && node >= 0 && node < this.nodeCount;
  }

  private grow(): void {
    const size = this.edgeFrom.length * 2;
    const resize = <T extends Int32Array | Float64Array>(array: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(array);
      return next;
    };
    this.edgeFrom = resize(this.edgeFrom, (n) => new Int32Array(n));
    this.edgeTo = resize(this.edgeTo, (n) => new Int32Array(n));
    this.edgeCapacity = resize(this.edgeCapacity, (n) => new Int32Array(n));
    this.edgeCost = resize(this.edgeCost, (n) => new Float64Array(n));
  }

  /** Lays the forward arcs out by tail node; reverse arcs start empty. */
  private build(): void {
    if (this.built) return;
    const n = this.nodeCount;
    const m = this.edgeCount;
    const rowStart = new Int32Array(n + 1);
    for (let e = 0; e < m; e += 1) rowStart[this.edgeFrom[e]! + 1]! += 1;
    for (let v = 0; v < n; v += 1) rowStart[v + 1]! += rowStart[v]!;
    const next = rowStart.slice(0, n);
    this.m = m;
    this.arcTo = new Int32Array(2 * m);
    this.arcResidual = new Int32Array(2 * m);
    this.arcCost = new Float64Array(2 * m);
    this.edgeArc = new Int32Array(m);
    for (let e = 0; e < m; e += 1) {
      const a = next[this.edgeFrom[e]!]!++;
      this.arcTo[a] = this.edgeTo[e]!;
      this.arcResidual[a] = this.edgeCapacity[e]!;
      this.arcCost[a] = this.edgeCost[e]!;
      this.arcTo[a + m] = this.edgeFrom[e]!;
      this.arcCost[a + m] = -this.edgeCost[e]!;
      this.edgeArc[e] = a;
    }
    this.rowStart = rowStart;
    this.flowingHead = new Int32Array(n).fill(-1);
    this.flowingNext = new Int32Array(m);
    this.flowingPrev = new Int32Array(m);
    this.distance = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
    this.settledRound = new Int32Array(n);
    this.parentArc = new Int32Array(n);
    this.touched = new Int32Array(n);
    this.heap = new IndexedMinHeap(n, this.distance);
    this.built = true;
  }

  /**
   * Johnson potentials: shortest distances from a virtual node with a 0-cost arc to every node
   * (queue-based Bellman–Ford over the forward arcs, the only ones with residual capacity before any
   * flow is sent), so every residual arc gets a non-negative reduced cost whichever node a search starts
   * from. All zeros when no arc has a negative cost.
   */
  private initialPotentials(): Float64Array {
    const n = this.nodeCount;
    const { m, rowStart, arcTo, arcResidual, arcCost } = this;
    const potential = new Float64Array(n);
    let negative = false;
    for (let a = 0; a < m; a += 1) if (arcResidual[a]! > 0 && arcCost[a]! < 0) negative = true;
    if (!negative) return potential;

    const queued = new Uint8Array(n).fill(1);
    const relaxations = new Int32Array(n);
    const queue = new Int32Array(n + 1); // ring buffer: a node is queued at most once at a time
    for (let v = 0; v < n; v += 1) queue[v] = v;
    let head = 0;
    let tail = n;
    while (head !== tail) {
      const u = queue[head]!;
      head = head + 1 === queue.length ? 0 : head + 1;
      queued[u] = 0;
      for (let a = rowStart[u]!, end = rowStart[u + 1]!; a < end; a += 1) {
        if (arcResidual[a] === 0) continue;
        const v = arcTo[a]!;
        const candidate = potential[u]! + arcCost[a]!;
        if (candidate < potential[v]!) {
          potential[v] = candidate;
          if (!queued[v]) {
            if ((relaxations[v]! += 1) > n) throw new Error('negative-cost cycle in the flow network');
            queued[v] = 1;
            queue[tail] = v;
            tail = tail + 1 === queue.length ? 0 : tail + 1;
          }
        }
      }
    }
    return potential;
  }
}
