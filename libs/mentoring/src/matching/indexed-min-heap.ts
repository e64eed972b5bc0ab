/** Binary min-heap of node ids keyed by `keys[node]`, with decrease-key. */
export class IndexedMinHeap {
  private readonly heap: Int32Array;
  private readonly position: Int32Array;
  private size = 0;

  constructor(
    capacity: number,
    private readonly keys: Float64Array,
  ) {
    this.heap = new Int32Array(capacity);
    this.position = new Int32Array(capacity).fill(-1);
  }

  get isEmpty(): boolean {
    return this.size === 0;
  }

  clear(): void {
    for (let i = 0; i < this.size; i += 1) this.position[this.heap[i]!] = -1;
    this.size = 0;
  }

  /** Inserts `node`, or moves it up after its key decreased. */
  upsert(node: number): void {
    let at = this.position[node]!;
    if (at < 0) {
      at = this.size;
      this.size += 1;
    }
    this.siftUp(node, at);
  }

  pop(): number {
    const top = this.heap[0]!;
    this.position[top] = -1;
    this.size -= 1;
    if (this.size > 0) this.siftDown(this.heap[this.size]!, 0);
    return top;
  }

  private siftUp(node: number, from: number): void {
    const { heap, position, keys } = this;
    const key = keys[node]!;
    let at = from;
    while (at > 0) {
      const parentAt = (at - 1) >> 1;
      const parent = heap[parentAt]!;
      if (keys[parent]! <= key) break;
      heap[at] = parent;
      position[parent] = at;
      at = parentAt;
    }
    heap[at] = node;
    position[node] = at;
  }

  private siftDown(node: number, from: number): void {
    const { heap, position, keys, size } = this;
    const key = keys[node]!;
    let at = from;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      if (child + 1 < size && keys[heap[child + 1]!]! < keys[heap[child]!]!) child += 1;
      const childNode = heap[child]!;
      if (keys[childNode]! >= key) break;
      heap[at] = childNode;
      position[childNode] = at;
      at = child;
    }
    heap[at] = node;
    position[node] = at;
  }
}
