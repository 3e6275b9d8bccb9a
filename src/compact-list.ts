import type { CompactList } from './model.ts';

/**
 * The shared half of every {@link CompactList}: indexing from the end,
 * iteration and copying, on top of a subclass's `length` and `item(i)`.
 */
export abstract class IndexedList<T> implements CompactList<T> {
  abstract readonly length: number;

  /** Item `index`, with `0 <= index < length`. */
  protected abstract item(index: number): T;

  at(index: number): T | undefined {
    const i = index < 0 ? this.length + index : index;
    return i >= 0 && i < this.length ? this.item(i) : undefined;
  }

  toArray(): T[] {
    const items = new Array<T>(this.length);
    for (let i = 0; i < items.length; i++) items[i] = this.item(i);
    return items;
  }

  *[Symbol.iterator](): Iterator<T> {
    for (let i = 0; i < this.length; i++) yield this.item(i);
  }

  /** Printed by Node's inspector and test runners as the plain array it stands for. */
  toJSON(): T[] {
    return this.toArray();
  }
}

/** A list over an array the caller no longer changes; items are copied on the way out. */
class ArrayList<T extends object> extends IndexedList<T> {
  private readonly items: readonly T[];

  constructor(items: readonly T[]) {
    super();
    this.items = items;
  }

  get length(): number {
    return this.items.length;
  }

  protected item(index: number): T {
    return { ...(this.items[index] as T) };
  }
}

/**
 * Wraps small in-memory data (short recordings, tests) as a
 * {@link CompactList}; the array must not change afterwards.
 *
 * @example
 * listOf([{ startNs: 0, state: 'running' }]).at(-1) // → { startNs: 0, state: 'running' }
 */
export function listOf<T extends object>(items: readonly T[]): CompactList<T> {
  return new ArrayList(items);
}
