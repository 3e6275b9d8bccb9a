import { PagedColumn } from './paged-column.ts';

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
 * map beside. Like {@link PagedColumn}, it never copies what it holds.
 *
 * @example
 * const sendNs = new TimeColumn(); sendNs.push(7.5e9); sendNs.get(0) // → 7500000000
 */
export class TimeColumn {
  private readonly offsets = new PagedColumn((n) => new Uint32Array(n));
  private readonly bases = new PagedColumn((n) => new Float64Array(n));
  private readonly farValues = new Map<number, number>();

  get length(): number {
    return this.offsets.length;
  }

  get(index: number): number {
    const offset = this.offsets.get(index);
    if (offset === FAR) return this.farValues.get(index) as number;
    return this.bases.get(index >>> RUN_SHIFT) + offset - BIAS;
  }

  /** Appends `valueNs` and returns its index. */
  push(valueNs: number): number {
    const index = this.offsets.length;
    if ((index & ((1 << RUN_SHIFT) - 1)) === 0) this.bases.push(valueNs);
    const offset = valueNs - this.bases.get(index >>> RUN_SHIFT) + BIAS;
    if (offset >= 0 && offset < FAR) {
      this.offsets.push(offset);
    } else {
      this.offsets.push(FAR);
      this.farValues.set(index, valueNs);
    }
    return index;
  }
}
