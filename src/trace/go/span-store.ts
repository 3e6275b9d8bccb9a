import { IndexedList } from '../../compact-list.ts';
import type { StateSpan } from '../../model.ts';
import { PagedColumn } from '../paged-column.ts';
import { SpanKinds } from './span-kinds.ts';

/** Spans per block: a goroutine's spans live in blocks of this many, so a short-lived one wastes little. */
const BLOCK_SPANS = 8;
const BLOCK_SHIFT = 3;
const BLOCK_MASK = BLOCK_SPANS - 1;

/** Spans per page; pages are allocated whole and never moved. */
const PAGE_SHIFT = 15;
const PAGE_SPANS = 1 << PAGE_SHIFT;
const PAGE_MASK = PAGE_SPANS - 1;

/** Marks a start too far from its block's first span for 32 bits (over 4.29 s); the exact time is kept aside. */
const FAR = 0xffffffff;

/**
 * Every goroutine's state spans, column-wise, in about 6 bytes a span where
 * an object per span would cost ten times that: a kind (2 bytes, see
 * {@link SpanKinds}) and a start time stored as 32-bit nanoseconds after
 * the first span of its block (4 bytes), plus one 8-byte time per block.
 * Spans sit in fixed pages that are never copied as the store grows; each
 * goroutine owns a chain of 8-span blocks inside them.
 *
 * The hot path takes the start time from {@link now} rather than as an
 * argument: a time does not fit a small integer, and V8 allocates a box for
 * every such number passed to a call it does not inline — millions of
 * short-lived boxes for a large trace.
 */
export class SpanStore {
  readonly kinds = new SpanKinds();
  /** The time {@link enterNow} uses: the event being read. */
  readonly now = new Float64Array(1);
  private readonly offsetPages: Uint32Array[] = [];
  private readonly kindPages: Uint16Array[] = [];
  private readonly blockStartNs = new PagedColumn((n) => new Float64Array(n));
  /** Exact starts of the spans marked {@link FAR}, by slot. */
  private readonly farStartNs = new Map<number, number>();

  /** A new, empty list for one goroutine. */
  newList(): StoredSpanList {
    return new StoredSpanList(this);
  }

  /** Appends a span starting at `startNs` to `list`. */
  push(list: StoredSpanList, startNs: number, kind: number): void {
    const saved = this.now[0] as number;
    this.now[0] = startNs;
    this.pushNow(list, kind);
    this.now[0] = saved;
  }

  /** Appends a span starting at {@link now} to `list`, or replaces its last span when that one starts no later. */
  enterNow(list: StoredSpanList, kind: number): void {
    if (list.length > 0 && list.tailStartNs >= (this.now[0] as number)) this.write(list, list.tailSlot, kind);
    else this.pushNow(list, kind);
  }

  private pushNow(list: StoredSpanList, kind: number): void {
    const slot = (list.length & BLOCK_MASK) === 0 ? this.newBlock(list) : list.tailSlot + 1;
    this.write(list, slot, kind);
    list.tailSlot = slot;
    list.length++;
  }

  /** Start of span `index` of `list`. */
  startNs(list: StoredSpanList, index: number): number {
    return this.startAt(this.slot(list, index));
  }

  /** Kind of span `index` of `list`. */
  kind(list: StoredSpanList, index: number): number {
    const slot = this.slot(list, index);
    return (this.kindPages[slot >>> PAGE_SHIFT] as Uint16Array)[slot & PAGE_MASK] as number;
  }

  private startAt(slot: number): number {
    const offset = (this.offsetPages[slot >>> PAGE_SHIFT] as Uint32Array)[slot & PAGE_MASK] as number;
    if (offset === FAR) return this.farStartNs.get(slot) as number;
    return this.blockStartNs.get(slot >>> BLOCK_SHIFT) + offset;
  }

  /** Writes a span starting at {@link now} into `slot`, the last slot of `list`. */
  private write(list: StoredSpanList, slot: number, kind: number): void {
    const startNs = this.now[0] as number;
    const page = slot >>> PAGE_SHIFT;
    const at = slot & PAGE_MASK;
    (this.kindPages[page] as Uint16Array)[at] = kind;
    // The block's first span sets the block's base time.
    if ((slot & BLOCK_MASK) === 0) {
      this.blockStartNs.set(slot >>> BLOCK_SHIFT, startNs);
      list.tailBlockStartNs = startNs;
    }
    list.tailStartNs = startNs;
    const offset = startNs - list.tailBlockStartNs;
    if (offset >= 0 && offset < FAR) {
      (this.offsetPages[page] as Uint32Array)[at] = offset;
      if (this.farStartNs.size > 0) this.farStartNs.delete(slot);
    } else {
      (this.offsetPages[page] as Uint32Array)[at] = FAR;
      this.farStartNs.set(slot, startNs);
    }
  }

  private slot(list: StoredSpanList, index: number): number {
    const blockIndex = index >>> BLOCK_SHIFT;
    const block = blockIndex === 0 ? list.firstBlock : ((list.moreBlocks as number[])[blockIndex - 1] as number);
    return (block << BLOCK_SHIFT) | (index & BLOCK_MASK);
  }

  /** Gives `list` a new block and returns the block's first slot. */
  private newBlock(list: StoredSpanList): number {
    const block = this.blockStartNs.push(0);
    const slot = block << BLOCK_SHIFT;
    if ((slot & PAGE_MASK) === 0) {
      this.offsetPages.push(new Uint32Array(PAGE_SPANS));
      this.kindPages.push(new Uint16Array(PAGE_SPANS));
    }
    if (list.length === 0) list.firstBlock = block;
    else (list.moreBlocks ??= []).push(block);
    return slot;
  }
}

/** One goroutine's spans inside a {@link SpanStore}. */
export class StoredSpanList extends IndexedList<StateSpan> {
  length = 0;
  /** The store's block holding the first 8 spans. */
  firstBlock = -1;
  /** The blocks holding the rest, in order; most goroutines need none. */
  moreBlocks: number[] | undefined = undefined;
  /** Where the last span sits in the store, when it starts, and when its block's first span starts. */
  tailSlot = -1;
  tailStartNs = Number.NaN;
  tailBlockStartNs = Number.NaN;
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
