import { TraceFormatError } from '../../errors.ts';
import { ByteCursor, EndOfDataError, hex } from './byte-cursor.ts';
import { eventSpec } from './event-table.ts';
import type { GenerationTables } from './generation-tables.ts';
import type { RawBatch } from './read-generations.ts';

/** Most arguments a timed event has after `dt`. */
const MAX_EVENT_ARGS = 4;

/** Numbers stored per event: type, ticks, offset, then the arguments. */
const STRIDE = 3 + MAX_EVENT_ARGS;

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
  /** Strings, stacks and frequency of the event's generation. */
  readonly tables: GenerationTables;
  /** Wire argument `index` after `dt`, in table order. */
  arg(index: number): number;
}

/**
 * The decoded events of one thread in one generation, in file order, packed
 * into a growable `Float64Array` (every varint fits a double exactly, the
 * "none" sentinel is -1) so that millions of events cost no objects.
 */
export class EventStream {
  readonly m: number;
  readonly tables: GenerationTables;
  /** Number of events. */
  length = 0;
  private data = new Float64Array(256 * STRIDE);

  constructor(m: number, tables: GenerationTables) {
    this.m = m;
    this.tables = tables;
  }

  /** Absolute time of event `index` in trace clock units. */
  ticks(index: number): number {
    return this.data[index * STRIDE + 1] as number;
  }

  /** A view of event `index`; move it along with {@link EventView.index}. */
  view(index = 0): EventView {
    return new EventView(this, this.data, index);
  }

  /** Adds one event; `args` holds the arguments after `dt`. */
  append(type: number, ticks: number, offset: number, args: readonly number[]): void {
    if ((this.length + 1) * STRIDE > this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    const base = this.length * STRIDE;
    this.data[base] = type;
    this.data[base + 1] = ticks;
    this.data[base + 2] = offset;
    for (let i = 0; i < args.length; i++) this.data[base + 3 + i] = args[i] as number;
    this.length++;
  }
}

/** A movable window onto one event of a stream; reuse it instead of allocating per event. */
export class EventView implements TraceEvent {
  readonly m: number;
  readonly tables: GenerationTables;
  index: number;
  private readonly data: Float64Array;

  constructor(stream: EventStream, data: Float64Array, index: number) {
    this.m = stream.m;
    this.tables = stream.tables;
    this.data = data;
    this.index = index;
  }

  get type(): number {
    return this.data[this.index * STRIDE] as number;
  }

  get ticks(): number {
    return this.data[this.index * STRIDE + 1] as number;
  }

  get offset(): number {
    return this.data[this.index * STRIDE + 2] as number;
  }

  arg(index: number): number {
    return this.data[this.index * STRIDE + 3 + index] as number;
  }
}

/**
 * Decodes one event batch with the event table and appends its events to
 * `stream` (the stream of the batch's thread). Each event is its type byte,
 * a time delta from the previous event (the first from the batch's base time)
 * and a fixed number of varint arguments. String ids are checked against the
 * generation's string table.
 *
 * @example
 * decodeEventBatch(bytes, batch, stream, 26); stream.view(0).type // → 10 (ProcStart)
 */
export function decodeEventBatch(
  bytes: Uint8Array,
  batch: RawBatch,
  stream: EventStream,
  version: number,
): number {
  const { tables } = stream;
  const where = `generation ${tables.gen}: batch at offset ${hex(batch.offset)}`;
  const cursor = new ByteCursor(bytes, batch.payloadStart, batch.payloadEnd, where);
  const args: number[] = [];
  const before = stream.length;
  let ticks = batch.timeTicks;

  while (!cursor.done) {
    const offset = cursor.offset;
    const type = cursor.readByte();
    const spec = eventSpec(type, version);
    if (spec === undefined) {
      const message = `${where}: unknown event type ${type} at offset ${hex(offset)} for format 1.${version}`;
      throw new TraceFormatError(message, { offset });
    }

    args.length = 0;
    try {
      ticks += cursor.readUvarint();
      for (let i = 1; i < spec.args.length; i++) args.push(cursor.readUvarint());
    } catch (error) {
      if (!(error instanceof EndOfDataError)) throw error;
      const message = `${where}: event ${spec.name} at offset ${hex(offset)} runs past the end of the batch`;
      throw new TraceFormatError(message, { offset, cause: error });
    }

    for (const index of spec.stringArgs) {
      const id = args[index] as number;
      if (!tables.strings.has(id)) {
        throw new TraceFormatError(
          `${where}: event ${spec.name} at offset ${hex(offset)} refers to string ${id}, which the generation does not define`,
          { offset },
        );
      }
    }
    stream.append(type, ticks, offset, args);
  }
  return stream.length - before;
}
