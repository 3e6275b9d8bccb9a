import { IndexedList } from '../../compact-list.ts';
import type { StateSpan } from '../../model.ts';
import { grown } from '../paged-column.ts';
import { SpanKinds } from './span-kinds.ts';

/**
 * A list's spans live in extents of consecutive slots: 2, 2, 4, 8, …
 * doubling up to {@link MAX_EXTENT}, then that size each. A short-lived
 * goroutine (most have two or three spans) wastes little, and a long-lived
 * one needs few extents.
 */
const FIRST_EXTENT = 2;
const MAX_EXTENT_SHIFT = 12;
const MAX_EXTENT = 1 << MAX_EXTENT_SHIFT;
/** Spans held by the doubling extents (their sizes add up to twice the largest). */
const DOUBLING_SPANS = 2 * MAX_EXTENT;
/** Extents after the first that double: sizes 2 … MAX_EXTENT. */
const DOUBLING_EXTENTS = MAX_EXTENT_SHIFT;

/** Spans sharing one base time: up to 8 consecutive slots of one extent. */
const MAX_GROUP_SHIFT = 3;

/** Slots per page; pages are allocated whole and never moved, and hold extents of one size. */
const PAGE_SHIFT = 15;
const PAGE_SPANS = 1 << PAGE_SHIFT;
const PAGE_MASK = PAGE_SPANS - 1;

/** Marks a start too far from its group's first span for 32 bits (over 4.29 s); the exact time is kept aside. */
const FAR = 0xffffffff;

/**
 * Every goroutine's state spans, column-wise, in about 5 bytes a span where
 * an object per span would cost ten times that: a kind (1 byte; 2 in a
 * trace with over 256 kinds, see {@link SpanKinds}) and a start time stored
 * as 32-bit nanoseconds after the first span of its group (4 bytes), plus
 * one 8-byte base time per group of 8 spans (of 2 or 4 in the smallest
 * extents).
 * Spans sit in fixed pages that are never copied as the store grows; each
 * list (one per goroutine, numbered from 0) owns extents inside them that
 * double in size as it grows, and its own bookkeeping is in columns too.
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
  /** Base time of each group of slots, one array per page. */
  private readonly basePages: Float64Array[] = [];
  /** Log2 of each page's group size. */
  private groupShifts = new Uint8Array(64);
  /** Where the page taking extents of each size (2 << index) has its next free slot, and where it ends. */
  private readonly nextFreeSlots = new Int32Array(DOUBLING_EXTENTS);
  private readonly pageEndSlots = new Int32Array(DOUBLING_EXTENTS);
  /** Exact starts of the spans marked {@link FAR}, by slot. */
  private readonly farStartNs = new Map<number, number>();
  // Per list: span count, first extent and where its last span sits.
  private lists = 0;
  private lengths = new Int32Array(1024);
  private firstSlots = new Int32Array(1024);
  private tailSlots = new Int32Array(1024);
  /** First slots of the extents after the first, by list; only lists longer than one extent have them. */
  private readonly moreExtents = new Map<number, number[]>();
  /** The last list whose extents {@link slot} looked up, and those extents: lists are mostly read in order. */
  private cachedList = -1;
  private cachedExtents: number[] = [];

  /** A new, empty list; lists are numbered 0, 1, 2, … */
  newList(): number {
    if (this.lists === this.lengths.length) this.grow();
    this.lengths[this.lists] = 0;
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
    if ((this.lengths[list] as number) > 0 && this.slotStartNs(this.tailSlots[list] as number) >= (this.now[0] as number)) {
      this.write(this.tailSlots[list] as number, kind);
    } else {
      this.pushNow(list, kind);
    }
  }

  /** Start of span `index` of `list`. */
  startNs(list: number, index: number): number {
    return this.slotStartNs(this.slot(list, index));
  }

  /** Kind of span `index` of `list`. */
  kind(list: number, index: number): number {
    const slot = this.slot(list, index);
    return (this.kindPages[slot >>> PAGE_SHIFT] as Uint8Array | Uint16Array)[slot & PAGE_MASK] as number;
  }

  private slotStartNs(slot: number): number {
    const page = slot >>> PAGE_SHIFT;
    const at = slot & PAGE_MASK;
    const offset = (this.offsetPages[page] as Uint32Array)[at] as number;
    if (offset === FAR) return this.farStartNs.get(slot) as number;
    return ((this.basePages[page] as Float64Array)[at >>> (this.groupShifts[page] as number)] as number) + offset;
  }

  private pushNow(list: number, kind: number): void {
    const length = this.lengths[list] as number;
    const slot = startsExtent(length) ? this.newExtent(list, length) : (this.tailSlots[list] as number) + 1;
    this.write(slot, kind);
    this.tailSlots[list] = slot;
    this.lengths[list] = length + 1;
  }

  /** Writes a span starting at {@link now} into `slot`, the last slot of its list. */
  private write(slot: number, kind: number): void {
    const startNs = this.now[0] as number;
    const page = slot >>> PAGE_SHIFT;
    const at = slot & PAGE_MASK;
    if (kind > 0xff && !this.wideKinds) this.widenKinds();
    (this.kindPages[page] as Uint8Array | Uint16Array)[at] = kind;
    const shift = this.groupShifts[page] as number;
    const bases = this.basePages[page] as Float64Array;
    // The group's first span sets the group's base time.
    if ((at & ((1 << shift) - 1)) === 0) bases[at >>> shift] = startNs;
    const offset = startNs - (bases[at >>> shift] as number);
    const offsets = this.offsetPages[page] as Uint32Array;
    if (offset >= 0 && offset < FAR) {
      // Slots are never reused: only a replaced span can have left an exact start behind.
      if (offsets[at] === FAR) this.farStartNs.delete(slot);
      offsets[at] = offset;
    } else {
      offsets[at] = FAR;
      this.farStartNs.set(slot, startNs);
    }
  }

  private slot(list: number, index: number): number {
    if (index < FIRST_EXTENT) return (this.firstSlots[list] as number) + index;
    if (list !== this.cachedList) {
      this.cachedExtents = this.moreExtents.get(list) as number[];
      this.cachedList = list;
    }
    if (index < DOUBLING_SPANS) {
      // Extent k (k >= 1) holds spans 2^k … 2^(k+1) - 1.
      const extent = 31 - Math.clz32(index);
      return (this.cachedExtents[extent - 1] as number) + index - (1 << extent);
    }
    const beyond = index - DOUBLING_SPANS;
    return (this.cachedExtents[DOUBLING_EXTENTS + (beyond >>> MAX_EXTENT_SHIFT)] as number) + (beyond & (MAX_EXTENT - 1));
  }

  /** Gives `list` (now `length` spans long) a new extent and returns its first slot. */
  private newExtent(list: number, length: number): number {
    const size = length === 0 ? FIRST_EXTENT : Math.min(length, MAX_EXTENT);
    const sizeShift = 31 - Math.clz32(size);
    const sizeIndex = sizeShift - 1;
    if (this.nextFreeSlots[sizeIndex] === this.pageEndSlots[sizeIndex]) this.newPage(sizeIndex, Math.min(sizeShift, MAX_GROUP_SHIFT));
    const slot = this.nextFreeSlots[sizeIndex] as number;
    this.nextFreeSlots[sizeIndex] = slot + size;
    if (length === 0) {
      this.firstSlots[list] = slot;
    } else {
      const more = this.moreExtents.get(list);
      if (more === undefined) this.moreExtents.set(list, [slot]);
      else more.push(slot);
    }
    return slot;
  }

  /** Starts a page for the extents of size index `sizeIndex`, whose spans share a base time in groups of 2^groupShift. */
  private newPage(sizeIndex: number, groupShift: number): void {
    const page = this.offsetPages.length;
    this.offsetPages.push(new Uint32Array(PAGE_SPANS));
    this.kindPages.push(this.wideKinds ? new Uint16Array(PAGE_SPANS) : new Uint8Array(PAGE_SPANS));
    this.basePages.push(new Float64Array(PAGE_SPANS >>> groupShift));
    if (page === this.groupShifts.length) this.groupShifts = grown(this.groupShifts, page * 2);
    this.groupShifts[page] = groupShift;
    this.nextFreeSlots[sizeIndex] = page << PAGE_SHIFT;
    this.pageEndSlots[sizeIndex] = (page + 1) << PAGE_SHIFT;
  }

  /** Moves every kind page to two bytes a kind. */
  private widenKinds(): void {
    this.kindPages = this.kindPages.map((page) => Uint16Array.from(page));
    this.wideKinds = true;
  }

  private grow(): void {
    const size = Math.ceil(this.lengths.length * 1.5);
    this.lengths = grown(this.lengths, size);
    this.firstSlots = grown(this.firstSlots, size);
    this.tailSlots = grown(this.tailSlots, size);
  }
}

/** True when a list `length` spans long needs a new extent for its next span. */
function startsExtent(length: number): boolean {
  if ((length & (FIRST_EXTENT - 1)) !== 0) return false;
  if (length < DOUBLING_SPANS) return (length & (length - 1)) === 0;
  return ((length - DOUBLING_SPANS) & (MAX_EXTENT - 1)) === 0;
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
