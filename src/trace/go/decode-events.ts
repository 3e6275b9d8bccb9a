import { TraceFormatError } from '../../errors.ts';
import { ByteCursor, EndOfDataError, hex } from './byte-cursor.ts';
import { eventSpec } from './event-table.ts';
import type { GenerationTables } from './generation-tables.ts';
import type { RawBatch } from './read-generations.ts';

/** One timed event, decoded but not yet put in global order. */
export interface TraceEvent {
  /** Event type byte, see {@link EventType}. */
  type: number;
  /** Thread whose batch held the event, or -1. */
  m: number;
  /** Absolute time in trace clock units. */
  ticks: number;
  /** Wire arguments after `dt`, in table order. */
  args: number[];
  /** Byte offset of the event's type byte, for error messages. */
  offset: number;
  /** Strings, stacks and frequency of the event's generation. */
  tables: GenerationTables;
}

/**
 * Decodes one event batch with the event table: each event is its type byte,
 * a time delta from the previous event (the first from the batch's base
 * time) and a fixed number of varint arguments. String ids are checked
 * against the generation's string table.
 *
 * @example
 * decodeEventBatch(bytes, batch, tables, 26)[0] // → { type: 10, ticks: 3738196100, args: [1, 1], … }
 */
export function decodeEventBatch(bytes: Uint8Array, batch: RawBatch, tables: GenerationTables, version: number): TraceEvent[] {
  const where = `generation ${tables.gen}: batch at offset ${hex(batch.offset)}`;
  const cursor = new ByteCursor(bytes, batch.payloadStart, batch.payloadEnd, where);
  const events: TraceEvent[] = [];
  let ticks = batch.timeTicks;

  while (!cursor.done) {
    const offset = cursor.offset;
    const type = cursor.readByte();
    const spec = eventSpec(type, version);
    if (spec === undefined) {
      throw new TraceFormatError(`${where}: unknown event type ${type} at offset ${hex(offset)} for format 1.${version}`, {
        offset,
      });
    }

    const args: number[] = [];
    try {
      ticks += cursor.readUvarint();
      for (let i = 1; i < spec.args.length; i++) args.push(cursor.readUvarint());
    } catch (error) {
      if (!(error instanceof EndOfDataError)) throw error;
      throw new TraceFormatError(`${where}: event ${spec.name} at offset ${hex(offset)} runs past the end of the batch`, {
        offset,
        cause: error,
      });
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
    events.push({ type, m: batch.m, ticks, args, offset, tables });
  }
  return events;
}
