/** Values per page; pages are allocated whole and never moved. */
const PAGE_SHIFT = 15;
const PAGE_MASK = (1 << PAGE_SHIFT) - 1;
/** Times sharing one base: a run of this many consecutive values. */
const RUN_SHIFT = 10;
/** Stored offsets are biased so a value may lie up to 2.1 s either side of its run's base. */
const BIAS = 0x80000000;
/** Marks a value too far from its run's base for 32 bits; the exact value is kept aside. */
const FAR = 0xffffffff;

/**
 * A growable column of nanosecond times in about 4 bytes a value: each run
 * of 1,024 values shares one 8-byte base (the run's first value) and every
 * value is a 32-bit offset from it. Values more than 2.1 s from their base
 * (rare: a run of a busy trace covers milliseconds) are kept exactly in a
 * map beside. Like a `PagedColumn`, it never copies what it holds.
 *
 * Values are appended from {@link now}, as the span store does: a time
 * passed as an argument would be boxed on every call that V8 does not inline.
 *
 * @example
 * const sendNs = new TimeColumn(); sendNs.now[0] = 7.5e9; sendNs.pushNow(); sendNs.get(0) // → 7500000000
 */
export class TimeColumn {
  length = 0;
  /** The time {@link pushNow} appends; may be shared with whoever keeps the clock. */
  readonly now: Float64Array;
  private readonly offsetPages: Uint32Array[] = [];
  private readonly basePages: Float64Array[] = [];
  private readonly farValues = new Map<number, number>();

  constructor(now: Float64Array = new Float64Array(1)) {
    this.now = now;
  }

  get(index: number): number {
    const offset = (this.offsetPages[index >>> PAGE_SHIFT] as Uint32Array)[index & PAGE_MASK] as number;
    if (offset === FAR) return this.farValues.get(index) as number;
    // Unbias the offset first: base + offset can pass 2^53 and lose the last nanosecond.
    return this.base(index) + (offset - BIAS);
  }

  /** How long before {@link now} value `index` lies. */
  ageNow(index: number): number {
    return (this.now[0] as number) - this.get(index);
  }

  /** Appends {@link now} and returns its index. */
  pushNow(): number {
    const index = this.length++;
    const valueNs = this.now[0] as number;
    if ((index & PAGE_MASK) === 0) {
      this.offsetPages.push(new Uint32Array(PAGE_MASK + 1));
      this.basePages.push(new Float64Array((PAGE_MASK + 1) >>> RUN_SHIFT));
    }
    if ((index & ((1 << RUN_SHIFT) - 1)) === 0) {
      (this.basePages[index >>> PAGE_SHIFT] as Float64Array)[(index & PAGE_MASK) >>> RUN_SHIFT] = valueNs;
    }
    const offset = valueNs - this.base(index) + BIAS;
    const offsets = this.offsetPages[index >>> PAGE_SHIFT] as Uint32Array;
    // Two stores rather than one of `fits ? offset : FAR`: a choice between a double and a constant
    // would be boxed first.
    if (offset >= 0 && offset < FAR) {
      offsets[index & PAGE_MASK] = offset;
    } else {
      offsets[index & PAGE_MASK] = FAR;
      this.farValues.set(index, valueNs);
    }
    return index;
  }

  private base(index: number): number {
    return (this.basePages[index >>> PAGE_SHIFT] as Float64Array)[(index & PAGE_MASK) >>> RUN_SHIFT] as number;
  }
}
