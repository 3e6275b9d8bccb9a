import type { TraceEvent } from './event-cursor.ts';
import type { GenerationTables } from './generation-tables.ts';

/**
 * Numbers per record: type, goroutine, P, time, four arguments — one 64-byte
 * cache line. The thread and byte offset stay with the worker, which is
 * where format errors are found.
 */
const RECORD = 8;
const ARGS = 4;

/** Records the ring holds; the writer waits when the reader is this far behind. */
const CAPACITY = 1 << 14;

/** Records written (or read) before the other side is told; fewer wake-ups, more work per wake-up. */
const PUBLISH_EVERY = 512;
const RELEASE_EVERY = 4096;

/** How long one wait lasts before the reader checks again (and counts towards giving up). */
const WAIT_MS = 100;

/** Record types below 0 are markers, not events. */
export const Marker = {
  /** The next generation's events follow. */
  Generation: -2,
  /** The trace ended; the record carries events, forced events and the last time. */
  End: -3,
  /** The writer failed; its error follows as a message. */
  Failure: -4,
  /** The writer is running: its first record. */
  Started: -6,
} as const;

// Control words: records written, records read, and whether each side is
// asleep waiting for the other (a wake-up is only sent then: it costs a
// system call).
const WRITTEN = 0;
const READ = 1;
const WRITER_WAITING = 2;
const READER_WAITING = 3;

/** The shared memory behind one ring. */
export interface RingBuffers {
  records: SharedArrayBuffer;
  control: SharedArrayBuffer;
}

/** Memory for a new ring. */
export function newRingBuffers(): RingBuffers {
  return {
    records: new SharedArrayBuffer(CAPACITY * RECORD * Float64Array.BYTES_PER_ELEMENT),
    control: new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT),
  };
}

/**
 * The writing end of a single-producer, single-consumer ring of ordered
 * events in shared memory: one thread orders, another tracks goroutines,
 * and the ring lets them work at the same time.
 */
export class RingWriter {
  private readonly records: Float64Array;
  private readonly control: Int32Array;
  private written = 0;

  constructor(buffers: RingBuffers) {
    this.records = new Float64Array(buffers.records);
    this.control = new Int32Array(buffers.control);
  }

  /** Writes one ordered event with the goroutine and P current where it happened. */
  event(event: TraceEvent, g: number, p: number): void {
    const at = this.claim();
    const { records } = this;
    records[at] = event.type;
    records[at + 1] = g;
    records[at + 2] = p;
    records[at + 3] = event.timeNs;
    for (let i = 0; i < 4; i++) records[at + ARGS + i] = event.arg(i);
    this.commit();
  }

  /** Writes a marker with up to three numbers, and publishes everything written so far. */
  marker(type: number, a = 0, b = 0, c = 0): void {
    const at = this.claim();
    this.records[at] = type;
    this.records[at + ARGS] = a;
    this.records[at + ARGS + 1] = b;
    this.records[at + ARGS + 2] = c;
    this.commit();
    this.publish();
  }

  /** Index of the next free record, waiting while the ring is full. */
  private claim(): number {
    for (;;) {
      const read = Atomics.load(this.control, READ);
      if (((this.written - read) | 0) < CAPACITY) break;
      this.publish();
      Atomics.store(this.control, WRITER_WAITING, 1);
      Atomics.wait(this.control, READ, read, WAIT_MS);
      Atomics.store(this.control, WRITER_WAITING, 0);
    }
    return (this.written & (CAPACITY - 1)) * RECORD;
  }

  private commit(): void {
    this.written = (this.written + 1) | 0;
    if ((this.written & (PUBLISH_EVERY - 1)) === 0) this.publish();
  }

  private publish(): void {
    Atomics.store(this.control, WRITTEN, this.written);
    if (Atomics.load(this.control, READER_WAITING) !== 0) Atomics.notify(this.control, WRITTEN);
  }
}

/**
 * The reading end: itself the current event ({@link TraceEvent}), moved on
 * by {@link next}. The tables of the current generation are set by the
 * caller when a {@link Marker.Generation} record arrives.
 */
export class RingReader implements TraceEvent {
  type = 0;
  g = 0;
  p = 0;
  timeNs = 0;
  // Not carried through the ring; nothing on this side needs them.
  readonly m = -1;
  readonly offset = 0;
  readonly ticks = 0;
  tables!: GenerationTables;
  private readonly records: Float64Array;
  private readonly control: Int32Array;
  /** Records taken, the current one included; the current one is handed back only when the next is taken. */
  private read = 0;
  private available = 0;
  private at = 0;

  constructor(buffers: RingBuffers) {
    this.records = new Float64Array(buffers.records);
    this.control = new Int32Array(buffers.control);
  }

  arg(index: number): number {
    return this.records[this.at + ARGS + index] as number;
  }

  /**
   * Moves to the next record, waiting for the writer; returns false when
   * nothing arrived within `patienceMs` (the writer is gone).
   */
  next(patienceMs: number): boolean {
    // Every record before this.read is done with now, including the one that was current.
    if ((this.read & (RELEASE_EVERY - 1)) === 0) this.release();
    if (this.read === this.available && !this.awaitRecords(patienceMs)) return false;
    const at = (this.read & (CAPACITY - 1)) * RECORD;
    const { records } = this;
    this.at = at;
    // Type and P are small integers: kept as such, every comparison with them is an integer one.
    this.type = (records[at] as number) | 0;
    this.g = records[at + 1] as number;
    const p = records[at + 2] as number;
    this.p = p >= -1 && p <= 0x3fffffff ? p | 0 : p;
    this.timeNs = records[at + 3] as number;
    this.read = (this.read + 1) | 0;
    return true;
  }

  private awaitRecords(patienceMs: number): boolean {
    this.release();
    let waitedMs = 0;
    for (;;) {
      this.available = Atomics.load(this.control, WRITTEN);
      if (this.available !== this.read) return true;
      if (waitedMs >= patienceMs) return false;
      Atomics.store(this.control, READER_WAITING, 1);
      Atomics.wait(this.control, WRITTEN, this.available, WAIT_MS);
      Atomics.store(this.control, READER_WAITING, 0);
      waitedMs += WAIT_MS;
    }
  }

  private release(): void {
    Atomics.store(this.control, READ, this.read);
    if (Atomics.load(this.control, WRITER_WAITING) !== 0) Atomics.notify(this.control, READ);
  }
}
