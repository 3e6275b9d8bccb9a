import { TraceFormatError } from '../../errors.ts';
import type { ByteSource } from '../byte-source.ts';
import { hex, NONE } from './byte-cursor.ts';
import { EVENT_SPECS } from './event-table.ts';
import type { GenerationTables } from './generation-tables.ts';
import type { RawBatch } from './read-generations.ts';
import { MAX_BATCH_BYTES } from './read-generations.ts';

/** Most arguments a timed event has after `dt`. */
const MAX_EVENT_ARGS = 4;

/** Largest value a varint may carry before we treat it as the all-ones "none" sentinel. */
const MAX_EXACT_VALUE = Number.MAX_SAFE_INTEGER;

/** A LEB128 varint is at most this many bytes for a 64-bit value. */
const MAX_VARINT_BYTES = 10;

/** One timed event, decoded but not yet put in global order. */
export interface TraceEvent {
  /** Event type byte, see `EventType`. */
  readonly type: number;
  /** Thread whose batch held the event, or -1. */
  readonly m: number;
  /** Absolute time in trace clock units. */
  readonly ticks: number;
  /** Byte offset of the event's type byte, for error messages. */
  readonly offset: number;
  /** Nanoseconds since the trace's first event; set when the event is put in global order. */
  readonly timeNs: number;
  /** Strings, stacks and frequency of the event's generation. */
  readonly tables: GenerationTables;
  /** Wire argument `index` after `dt`, in table order. */
  arg(index: number): number;
}

/**
 * Walks one thread's event batches of one generation, decoding a single
 * event at a time: the cursor *is* the current event. Nothing is decoded
 * ahead, so a generation costs no memory beyond its bytes.
 *
 * Each event is its type byte, a time delta from the previous event (the
 * first from the batch's base time) and a fixed number of varint arguments
 * from the event table. String ids are checked against the generation's
 * string table. Decoding errors are `TraceFormatError`s with the offset.
 *
 * Each batch is read from `source` when the cursor reaches it, into a
 * buffer the cursor reuses, so a thread costs at most one batch (64 KiB) of
 * memory. Offsets in events and errors are file offsets.
 *
 * @example
 * const cursor = new EventCursor(memorySource(bytes), tables, batchesOfThread3, 26);
 * while (cursor.next()) console.log(cursor.type, cursor.ticks);
 */
export class EventCursor implements TraceEvent {
  readonly m: number;
  readonly tables: GenerationTables;
  type = 0;
  ticks = 0;
  offset = 0;
  timeNs = 0;
  private readonly args = new Float64Array(MAX_EVENT_ARGS);
  private readonly source: ByteSource;
  private bytes: Uint8Array = new Uint8Array(0);
  /** Reused for every batch when the source copies; batches are never longer. */
  private readonly scratch: Uint8Array | undefined;
  private readonly batches: readonly RawBatch[];
  private readonly argCounts: Int8Array;
  private readonly stringArgMasks: Uint8Array;
  private readonly version: number;
  private base = 0;
  private batchIndex = -1;
  private pos = 0;
  private end = 0;

  constructor(source: ByteSource, tables: GenerationTables, batches: readonly RawBatch[], version: number) {
    this.source = source;
    this.scratch = source.copies ? new Uint8Array(MAX_BATCH_BYTES) : undefined;
    this.tables = tables;
    this.batches = batches;
    this.m = batches[0]?.m ?? NONE;
    this.version = version;
    const layout = eventLayout(version);
    this.argCounts = layout.argCounts;
    this.stringArgMasks = layout.stringArgMasks;
  }

  arg(index: number): number {
    return this.args[index] as number;
  }

  /** Moves to the next event; false when the thread has no more. */
  next(): boolean {
    while (this.pos >= this.end) {
      const batch = this.batches[++this.batchIndex];
      if (batch === undefined) return false;
      this.bytes = this.source.read(batch.payloadStart, batch.payloadEnd - batch.payloadStart, this.scratch);
      this.base = batch.payloadStart;
      this.pos = 0;
      this.end = this.bytes.length;
      this.ticks = batch.timeTicks;
    }
    const { bytes, end, args } = this;
    const index = this.pos;
    const offset = index + this.base;
    const type = bytes[index] as number;
    const argCount = this.argCounts[type] as number;
    if (argCount < 0) {
      const message = `${this.where()}: unknown event type ${type} at offset ${hex(offset)} for format 1.${this.version}`;
      throw new TraceFormatError(message, { offset });
    }

    let pos = index + 1;
    // dt, then the arguments. Varints of up to 4 bytes (below 2^28, nearly all
    // of them) are read inline with bit operations; longer ones, and any that
    // would reach the end of the batch, go through slowVarint.
    for (let i = -1; i < argCount; i++) {
      let value = -1;
      if (pos + 4 <= end) {
        let byte = bytes[pos] as number;
        value = byte & 0x7f;
        if (byte < 0x80) pos += 1;
        else {
          byte = bytes[pos + 1] as number;
          value |= (byte & 0x7f) << 7;
          if (byte < 0x80) pos += 2;
          else {
            byte = bytes[pos + 2] as number;
            value |= (byte & 0x7f) << 14;
            if (byte < 0x80) pos += 3;
            else {
              byte = bytes[pos + 3] as number;
              value |= (byte & 0x7f) << 21;
              if (byte < 0x80) pos += 4;
              else value = -1;
            }
          }
        }
      }
      if (value < 0) {
        value = this.slowVarint(pos, offset, type);
        pos = varintEnd;
      }
      if (i < 0) this.ticks += value;
      else args[i] = value;
    }
    this.pos = pos;
    this.type = type;
    this.offset = offset;

    const mask = this.stringArgMasks[type] as number;
    if (mask !== 0) this.checkStrings(mask);
    return true;
  }

  /** Reads a varint of more than one byte (or reports one that runs out) starting at `pos`; sets `varintEnd`. */
  private slowVarint(pos: number, eventOffset: number, type: number): number {
    const { bytes, end } = this;
    let value = 0;
    let scale = 1;
    for (let i = 0; i < MAX_VARINT_BYTES; i++) {
      if (pos >= end) {
        const name = EVENT_SPECS[type]?.name ?? String(type);
        const message = `${this.where()}: event ${name} at offset ${hex(eventOffset)} runs past the end of the batch`;
        throw new TraceFormatError(message, { offset: eventOffset });
      }
      const byte = bytes[pos++] as number;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) {
        varintEnd = pos;
        return value > MAX_EXACT_VALUE ? NONE : value;
      }
      scale *= 128;
    }
    const start = pos - MAX_VARINT_BYTES + this.base;
    const message = `${this.where()}: varint at offset ${hex(start)} is longer than ${MAX_VARINT_BYTES} bytes`;
    throw new TraceFormatError(message, { offset: start });
  }

  private checkStrings(mask: number): void {
    for (let i = 0; i < MAX_EVENT_ARGS; i++) {
      if ((mask & (1 << i)) === 0) continue;
      const id = this.args[i] as number;
      if (this.tables.strings.has(id)) continue;
      const name = EVENT_SPECS[this.type]?.name ?? String(this.type);
      throw new TraceFormatError(
        `${this.where()}: event ${name} at offset ${hex(this.offset)} refers to string ${id}, which the generation does not define`,
        { offset: this.offset },
      );
    }
  }

  private where(): string {
    const batch = this.batches[this.batchIndex] as RawBatch;
    return `generation ${this.tables.gen}: batch at offset ${hex(batch.offset)}`;
  }
}

/**
 * One cursor per thread over a generation's event batches: each thread's
 * events stay in file order, the ordering interleaves the threads.
 */
export function cursorsByThread(source: ByteSource, tables: GenerationTables, version: number): EventCursor[] {
  const byThread = new Map<number, RawBatch[]>();
  for (const batch of tables.eventBatches) {
    const list = byThread.get(batch.m);
    if (list === undefined) byThread.set(batch.m, [batch]);
    else list.push(batch);
  }
  return [...byThread.values()].map((batches) => new EventCursor(source, tables, batches, version));
}

/** Where the last {@link EventCursor.slowVarint} stopped; a module slot avoids returning a pair. */
let varintEnd = 0;

interface EventLayout {
  /** Arguments after `dt` per type byte; -1 for bytes that start no event in this version. */
  argCounts: Int8Array;
  /** Bit i set when argument i is a string id. */
  stringArgMasks: Uint8Array;
}

const layouts = new Map<number, EventLayout>();

/** The event table flattened for one format version. */
function eventLayout(version: number): EventLayout {
  let layout = layouts.get(version);
  if (layout !== undefined) return layout;
  const argCounts = new Int8Array(256).fill(-1);
  const stringArgMasks = new Uint8Array(256);
  for (const spec of EVENT_SPECS) {
    if (spec === undefined || spec.since > version) continue;
    argCounts[spec.type] = spec.args.length - 1;
    for (const index of spec.stringArgs) stringArgMasks[spec.type] = (stringArgMasks[spec.type] as number) | (1 << index);
  }
  layout = { argCounts, stringArgMasks };
  layouts.set(version, layout);
  return layout;
}
