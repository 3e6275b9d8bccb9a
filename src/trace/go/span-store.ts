import { IndexedList } from '../../compact-list.ts';
import type { StateSpan } from '../../model.ts';
import { SpanKinds } from './span-kinds.ts';

/** Spans per block: a goroutine's spans live in blocks of this many, so a short-lived one wastes little. */
const BLOCK_SPANS = 8;
const BLOCK_SHIFT = 3;

/** Spans per page; pages are allocated whole and never moved. */
const PAGE_SPANS = 1 << 15;
const PAGE_SHIFT = 15;
const PAGE_MASK = PAGE_SPANS - 1;

/**
 * Every goroutine's state spans, column-wise: a start time (8 bytes) and a
 * kind (2 bytes, see {@link SpanKinds}) per span, where an object per span
 * would cost several times that. Spans sit in fixed pages that are never
 * copied as the store grows, so memory rises in small steps; each goroutine
 * owns a chain of 8-span blocks inside them.
 */
export class SpanStore {
  readonly kinds = new SpanKinds();
  private readonly timePages: Float64Array[] = [];
  private readonly kindPages: Uint16Array[] = [];
  private blocks = 0;

  /** A new, empty list for one goroutine. */
  newList(): StoredSpanList {
    return new StoredSpanList(this);
  }

  /** Appends a span to `list`. */
  push(list: StoredSpanList, startNs: number, kind: number): void {
    const slot = (list.length & (BLOCK_SPANS - 1)) === 0 ? this.newBlock(list) : list.tailSlot + 1;
    (this.timePages[slot >>> PAGE_SHIFT] as Float64Array)[slot & PAGE_MASK] = startNs;
    (this.kindPages[slot >>> PAGE_SHIFT] as Uint16Array)[slot & PAGE_MASK] = kind;
    list.tailSlot = slot;
    list.length++;
  }

  /** Appends a span to `list`, or replaces its last span when that one starts no earlier. */
  enter(list: StoredSpanList, startNs: number, kind: number): void {
    if (list.length > 0) {
      const slot = list.tailSlot;
      const times = this.timePages[slot >>> PAGE_SHIFT] as Float64Array;
      if ((times[slot & PAGE_MASK] as number) >= startNs) {
        times[slot & PAGE_MASK] = startNs;
        (this.kindPages[slot >>> PAGE_SHIFT] as Uint16Array)[slot & PAGE_MASK] = kind;
        return;
      }
    }
    this.push(list, startNs, kind);
  }

  /** Start of span `index` of `list`. */
  startNs(list: StoredSpanList, index: number): number {
    const slot = this.slot(list, index);
    return (this.timePages[slot >>> PAGE_SHIFT] as Float64Array)[slot & PAGE_MASK] as number;
  }

  /** Kind of span `index` of `list`. */
  kind(list: StoredSpanList, index: number): number {
    const slot = this.slot(list, index);
    return (this.kindPages[slot >>> PAGE_SHIFT] as Uint16Array)[slot & PAGE_MASK] as number;
  }

  private slot(list: StoredSpanList, index: number): number {
    return ((list.blocks[index >>> BLOCK_SHIFT] as number) << BLOCK_SHIFT) | (index & (BLOCK_SPANS - 1));
  }

  /** Gives `list` a new block and returns the block's first slot. */
  private newBlock(list: StoredSpanList): number {
    const block = this.blocks++;
    const slot = block << BLOCK_SHIFT;
    if ((slot & PAGE_MASK) === 0) {
      this.timePages.push(new Float64Array(PAGE_SPANS));
      this.kindPages.push(new Uint16Array(PAGE_SPANS));
    }
    list.blocks.push(block);
    return slot;
  }
}

/** One goroutine's spans inside a {@link SpanStore}. */
export class StoredSpanList extends IndexedList<StateSpan> {
  length = 0;
  /** The store's block numbers holding this list's spans, in order. */
  readonly blocks: number[] = [];
  /** Where the last span sits in the store. */
  tailSlot = -1;
  private readonly store: SpanStore;

  constructor(store: SpanStore) {
    super();
    this.store = store;
  }

  /** Start of span `index`, without building the span. */
  startNs(index: number): number {
    return this.store.startNs(this, index);
  }

  /** Kind of span `index` (see {@link SpanKinds}). */
  kind(index: number): number {
    return this.store.kind(this, index);
  }

  protected item(index: number): StateSpan {
    return this.store.kinds.span(this.kind(index), this.startNs(index));
  }
}
