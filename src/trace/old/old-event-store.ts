/**
 * Decoded old-format events, packed into one growable `Float64Array` (every
 * value fits a double exactly; "none" is -1) so a trace of millions of events
 * costs no per-event objects.
 */

/** Values stored per event. */
const STRIDE = 10;

/** Field positions within an event's slot. */
const TYPE = 0;
const TICKS = 1;
const G = 2;
const P = 3;
const STACK = 4;
const ARG0 = 5;
const OFFSET = 9;

/** How many arguments (after the delta, stack id apart) an event keeps. */
export const OLD_MAX_ARGS = 4;

/**
 * A growable table of old-format events: type, time in ticks, the goroutine
 * and P it happened on, its stack id, up to four arguments, and the byte
 * offset of its type byte.
 *
 * @example
 * const store = new OldEventStore();
 * const i = store.add(14, 1000, 0, 0x40);
 * store.setArg(i, 0, 7); store.arg(i, 0) // → 7
 */
export class OldEventStore {
  /** Number of events. */
  length = 0;
  private data = new Float64Array(1024 * STRIDE);

  /** Adds an event with no goroutine, stack or arguments yet; returns its index. */
  add(type: number, ticks: number, p: number, offset: number): number {
    if ((this.length + 1) * STRIDE > this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    const base = this.length * STRIDE;
    this.data.fill(0, base, base + STRIDE);
    this.data[base + TYPE] = type;
    this.data[base + TICKS] = ticks;
    this.data[base + P] = p;
    this.data[base + OFFSET] = offset;
    return this.length++;
  }

  type(index: number): number {
    return this.data[index * STRIDE + TYPE] as number;
  }

  setType(index: number, type: number): void {
    this.data[index * STRIDE + TYPE] = type;
  }

  /** Time in trace ticks (after conversion: nanoseconds). */
  ticks(index: number): number {
    return this.data[index * STRIDE + TICKS] as number;
  }

  setTicks(index: number, ticks: number): void {
    this.data[index * STRIDE + TICKS] = ticks;
  }

  /** The goroutine the event happened on; 0 for none. */
  g(index: number): number {
    return this.data[index * STRIDE + G] as number;
  }

  setG(index: number, g: number): void {
    this.data[index * STRIDE + G] = g;
  }

  /** The P whose batch held the event; -1 for the global batch. */
  p(index: number): number {
    return this.data[index * STRIDE + P] as number;
  }

  /** Stack id; 0 for none. */
  stack(index: number): number {
    return this.data[index * STRIDE + STACK] as number;
  }

  setStack(index: number, stack: number): void {
    this.data[index * STRIDE + STACK] = stack;
  }

  arg(index: number, position: number): number {
    return this.data[index * STRIDE + ARG0 + position] as number;
  }

  setArg(index: number, position: number, value: number): void {
    this.data[index * STRIDE + ARG0 + position] = value;
  }

  /** Byte offset of the event's type byte. */
  offset(index: number): number {
    return this.data[index * STRIDE + OFFSET] as number;
  }
}
