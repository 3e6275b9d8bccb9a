/** Ids below this are kept in a plain array slot; larger ones (rare: damaged traces, very long-lived programs) in a Map. */
const DENSE_LIMIT = 1 << 22;

/** Read access to id-keyed tables; a `Map` or an {@link IdMap}. */
export interface IdLookup<T> {
  get(id: number): T | undefined;
  has(id: number): boolean;
}

/**
 * A map from runtime ids (goroutine, P) to values, tuned for the way the
 * runtime hands ids out: small and nearly consecutive. Those live in an
 * array indexed by id, which is several times faster than a `Map` on the
 * reader's hot path; anything else falls back to a `Map`.
 *
 * @example
 * const states = new IdMap<string>(); states.set(7, 'running'); states.get(7) // → 'running'
 */
export class IdMap<T> implements IdLookup<T> {
  private readonly dense: (T | undefined)[] = [];
  private readonly sparse = new Map<number, T>();

  get(id: number): T | undefined {
    if (id >= 0 && id < DENSE_LIMIT) return this.dense[id];
    return this.sparse.get(id);
  }

  has(id: number): boolean {
    return this.get(id) !== undefined;
  }

  set(id: number, value: T): void {
    if (id >= 0 && id < DENSE_LIMIT) {
      // Fill any gap first so the array keeps V8's fast packed-with-holes layout instead of a dictionary.
      while (this.dense.length < id) this.dense.push(undefined);
      this.dense[id] = value;
      return;
    }
    this.sparse.set(id, value);
  }

  delete(id: number): void {
    if (id >= 0 && id < DENSE_LIMIT) {
      this.dense[id] = undefined;
      return;
    }
    this.sparse.delete(id);
  }
}

/**
 * An id-keyed map of small non-negative integers (slot numbers), held in a
 * typed array: no garbage-collected array to copy as it grows, no boxed
 * values. `get` returns -1 for an id not in it.
 *
 * @example
 * const slots = new IdSlots(); slots.set(7, 0); [slots.get(7), slots.get(8)] // → [0, -1]
 */
export class IdSlots {
  private dense = new Int32Array(1024).fill(-1);
  private readonly sparse = new Map<number, number>();

  get(id: number): number {
    if (id >= 0 && id < this.dense.length) return this.dense[id] as number;
    if (id >= 0 && id < DENSE_LIMIT) return -1;
    return this.sparse.get(id) ?? -1;
  }

  set(id: number, slot: number): void {
    if (id >= 0 && id < DENSE_LIMIT) {
      if (id >= this.dense.length) this.grow(id);
      this.dense[id] = slot;
    } else {
      this.sparse.set(id, slot);
    }
  }

  /** The slots, in ascending id order. */
  values(): number[] {
    const values: number[] = [];
    const sparseIds = [...this.sparse.keys()].sort((a, b) => a - b);
    for (const id of sparseIds) if (id < 0) values.push(this.sparse.get(id) as number);
    for (let id = 0; id < this.dense.length; id++) {
      const slot = this.dense[id] as number;
      if (slot >= 0) values.push(slot);
    }
    for (const id of sparseIds) if (id >= 0) values.push(this.sparse.get(id) as number);
    return values;
  }

  private grow(id: number): void {
    const bigger = new Int32Array(Math.min(DENSE_LIMIT, Math.max(id + 1, Math.ceil(this.dense.length * 1.5)))).fill(-1);
    bigger.set(this.dense);
    this.dense = bigger;
  }
}
