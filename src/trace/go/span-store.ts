import { IndexedList } from '../../compact-list.ts';
import type { StateSpan } from '../../model.ts';
import { grown, PagedColumn } from '../paged-column.ts';
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
 * Every goroutine's state spans, column-wise, in about 5 bytes a span where
 * an object per span would cost ten times that: a kind (1 byte; 2 in a
 * trace with over 256 kinds, see {@link SpanKinds}) and a start time stored
 * as 32-bit nanoseconds after the first span of its block (4 bytes), plus
 * one 8-byte time per block.
 * Spans sit in fixed pages that are never copied as the store grows; each
 * list (one per goroutine, numbered from 0) owns a chain of 8-span blocks
 * inside them, and its own bookkeeping is in columns too.
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
  /** One byte a kind while a trace has at most 256 kinds (nearly always), two once it has more. */
  private kindPages: (Uint8Array | Uint16Array)[] = [];
  private wideKinds = false;
  private readonly blockStartNs = new PagedColumn((n) => new Float64Array(n));
  /** Exact starts of the spans marked {@link FAR}, by slot. */
  private readonly farStartNs = new Map<number, number>();
  // Per list: span count, first block, where its last span sits and when it and its block start.
  private lists = 0;
  private lengths = new Int32Array(1024);
  private firstBlocks = new Int32Array(1024);
  private tailSlots = new Int32Array(1024);
  private tailStartNs = new Float64Array(1024);
  private tailBlockStartNs = new Float64Array(1024);
  /** Blocks after the first, by list; most lists need none. */
  private readonly moreBlocks: (number[] | undefined)[] = [];

  /** A new, empty list; lists are numbered 0, 1, 2, … */
  newList(): number {
    if (this.lists === this.lengths.length) this.grow();
    this.lengths[this.lists] = 0;
    this.moreBlocks.push(undefined);
    return this.lists++;
  }

  /** The model's view of list `list`. */
  view(list: number): StoredSpanList {
    return new StoredSpanList(this, list);
  }

  length(list: number): number {
    return this.lengths[list] as number;
  }

  /** Appends a span starting at `startNs` to `list`. */
  push(list: number, startNs: number, kind: number): void {
    const saved = this.now[0] as number;
    this.now[0] = startNs;
    this.pushNow(list, kind);
    this.now[0] = saved;
  }

  /** Appends a span starting at {@link now} to `list`, or replaces its last span when that one starts no later. */
  enterNow(list: number, kind: number): void {
    if ((this.lengths[list] as number) > 0 && (this.tailStartNs[list] as number) >= (this.now[0] as number)) {
      this.write(list, this.tailSlots[list] as number, kind);
    } else {
      this.pushNow(list, kind);
    }
  }

  /** Start of span `index` of `list`. */
  startNs(list: number, index: number): number {
    const slot = this.slot(list, index);
    const offset = (this.offsetPages[slot >>> PAGE_SHIFT] as Uint32Array)[slot & PAGE_MASK] as number;
    if (offset === FAR) return this.farStartNs.get(slot) as number;
    return this.blockStartNs.get(slot >>> BLOCK_SHIFT) + offset;
  }

  /** Kind of span `index` of `list`. */
  kind(list: number, index: number): number {
    const slot = this.slot(list, index);
    return (this.kindPages[slot >>> PAGE_SHIFT] as Uint8Array | Uint16Array)[slot & PAGE_MASK] as number;
  }

  private pushNow(list: number, kind: number): void {
    const length = this.lengths[list] as number;
    const slot = (length & BLOCK_MASK) === 0 ? this.newBlock(list, length) : (this.tailSlots[list] as number) + 1;
    this.write(list, slot, kind);
    this.tailSlots[list] = slot;
    this.lengths[list] = length + 1;
  }

  /** Writes a span starting at {@link now} into `slot`, the last slot of `list`. */
  private write(list: number, slot: number, kind: number): void {
    const startNs = this.now[0] as number;
    const page = slot >>> PAGE_SHIFT;
    const at = slot & PAGE_MASK;
    if (kind > 0xff && !this.wideKinds) this.widenKinds();
    (this.kindPages[page] as Uint8Array | Uint16Array)[at] = kind;
    // The block's first span sets the block's base time.
    if ((slot & BLOCK_MASK) === 0) {
      this.blockStartNs.set(slot >>> BLOCK_SHIFT, startNs);
      this.tailBlockStartNs[list] = startNs;
    }
    this.tailStartNs[list] = startNs;
    const offset = startNs - (this.tailBlockStartNs[list] as number);
    if (offset >= 0 && offset < FAR) {
      (this.offsetPages[page] as Uint32Array)[at] = offset;
      if (this.farStartNs.size > 0) this.farStartNs.delete(slot);
    } else {
      (this.offsetPages[page] as Uint32Array)[at] = FAR;
      this.farStartNs.set(slot, startNs);
    }
  }

  private slot(list: number, index: number): number {
    const blockIndex = index >>> BLOCK_SHIFT;
    const block = blockIndex === 0 ? (this.firstBlocks[list] as number) : ((this.moreBlocks[list] as number[])[blockIndex - 1] as number);
    return (block << BLOCK_SHIFT) | (index & BLOCK_MASK);
  }

  /** Gives `list` (now `length` spans long) a new block and returns the block's first slot. */
  private newBlock(list: number, length: number): number {
    const block = this.blockStartNs.push(0);
    const slot = block << BLOCK_SHIFT;
    if ((slot & PAGE_MASK) === 0) {
      this.offsetPages.push(new Uint32Array(PAGE_SPANS));
      this.kindPages.push(this.wideKinds ? new Uint16Array(PAGE_SPANS) : new Uint8Array(PAGE_SPANS));
    }
    if (length === 0) this.firstBlocks[list] = block;
    else (this.moreBlocks[list] ??= []).push(block);
    return slot;
  }

  /** Moves every kind page to two bytes a kind. */
  private widenKinds(): void {
    this.kindPages = this.kindPages.map((page) => Uint16Array.from(page));
    this.wideKinds = true;
  }

  private grow(): void {
    const size = this.lengths.length * 2;
    this.lengths = grown(this.lengths, size);
    this.firstBlocks = grown(this.firstBlocks, size);
    this.tailSlots = grown(this.tailSlots, size);
    this.tailStartNs = grown(this.tailStartNs, size);
    this.tailBlockStartNs = grown(this.tailBlockStartNs, size);
  }
}

/** One goroutine's spans inside a {@link SpanStore}, as the model sees them. */
export class StoredSpanList extends IndexedList<StateSpan> {
  private readonly store: SpanStore;
  private readonly list: number;

  constructor(store: SpanStore, list: number) {
    super();
    this.store = store;
    this.list = list;
  }

  get length(): number {
    return this.store.length(this.list);
  }

  /** Start of span `index`, without building the span. */
  startNs(index: number): number {
    return this.store.startNs(this.list, index);
  }

  /** Kind of span `index` (see {@link SpanKinds}). */
  kind(index: number): number {
    return this.store.kind(this.list, index);
  }

  protected item(index: number): StateSpan {
    return this.store.kinds.span(this.kind(index), this.startNs(index));
  }
}
