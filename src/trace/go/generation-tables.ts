import { TraceFormatError } from '../../errors.ts';
import type { ByteSource } from '../byte-source.ts';
import { ByteCursor, EndOfDataError, hex } from './byte-cursor.ts';
import { EventType } from './event-table.ts';
import { IdMap } from './id-map.ts';
import type { IdLookup } from './id-map.ts';
import type { RawBatch, RawGeneration } from './read-generations.ts';

/** Longest string the runtime writes into the string table. */
const MAX_STRING_BYTES = 1 << 10;

/** Deepest stack the runtime records. */
const MAX_FRAMES_PER_STACK = 128;

/** Format version whose timing batch starts with a Sync byte and carries a clock snapshot. */
const SYNC_BATCH_SINCE = 25;

/** The per-generation lookup data every event of that generation refers to. */
export interface GenerationTables {
  gen: number;
  /** Nanoseconds per trace clock unit, from the generation's Frequency event. */
  nsPerTick: number;
  /** String id → text; id 0 is the empty string. */
  strings: IdLookup<string>;
  /** Stack id → function names, innermost frame first; id 0 is "no stack". */
  stacks: IdLookup<readonly string[]>;
  /** The batches holding timed events, in file order. */
  eventBatches: RawBatch[];
}

/**
 * Decodes a generation's string, stack and timing batches and sets its event
 * batches aside for the event decoder. Ids are only meaningful within this
 * generation.
 *
 * @example
 * readGenerationTables(bytes, { gen: 1, batches }, 26).strings.get(12) // → 'chan receive'
 *
 * Only the table batches are read from `source`, and of each event batch its
 * first byte.
 */
export function readGenerationTables(source: ByteSource, raw: RawGeneration, version: number): GenerationTables {
  const strings = new Map<number, string>([[0, '']]);
  const stackFuncIds = new Map<number, number[]>();
  const eventBatches: RawBatch[] = [];
  const decoder = new TextDecoder();
  let ticksPerSecond = 0;

  for (const batch of raw.batches) {
    if (batch.experimental || batch.payloadEnd === batch.payloadStart) continue;
    const where = `generation ${raw.gen}: batch at offset ${hex(batch.offset)}`;
    const first = source.read(batch.payloadStart, 1)[0] as number;
    if (isEventBatch(first, version)) {
      eventBatches.push(batch);
      continue;
    }
    const base = batch.payloadStart;
    const cursor = new ByteCursor(source.read(base, batch.payloadEnd - base), base, batch.payloadEnd, where, base);
    try {
      if (first === EventType.Strings) readStrings(cursor, strings, decoder, where);
      else if (first === EventType.Stacks) readStacks(cursor, stackFuncIds, where);
      else if (first === EventType.CPUSamples) continue;
      else if (isTimingBatch(first, version)) {
        if (ticksPerSecond !== 0) throw fail(`${where}: second frequency batch`, batch.offset);
        ticksPerSecond = readFrequency(cursor, version, where);
      }
    } catch (error) {
      if (!(error instanceof EndOfDataError)) throw error;
      const message = `${where}: entry at offset ${hex(error.offset)} runs past the end of the batch`;
      throw new TraceFormatError(message, { offset: error.offset, cause: error });
    }
  }

  if (ticksPerSecond === 0) {
    throw new TraceFormatError(
      `generation ${raw.gen} has no frequency batch; the trace is damaged or truncated`,
      { offset: raw.batches[0]?.offset ?? 0 },
    );
  }
  return {
    gen: raw.gen,
    nsPerTick: 1e9 / ticksPerSecond,
    strings: byId(strings),
    stacks: byId(resolveStacks(stackFuncIds, strings, raw.gen, raw.batches[0]?.offset ?? 0)),
    eventBatches,
  };
}

/** Whether a batch starting with byte `first` holds timed events rather than a table. */
function isEventBatch(first: number, version: number): boolean {
  return first !== EventType.Strings && first !== EventType.Stacks && first !== EventType.CPUSamples && !isTimingBatch(first, version);
}

function isTimingBatch(first: number, version: number): boolean {
  return version >= SYNC_BATCH_SINCE ? first === EventType.Sync : first === EventType.Frequency;
}

function readStrings(
  cursor: ByteCursor,
  strings: Map<number, string>,
  decoder: TextDecoder,
  where: string,
): void {
  cursor.readByte(); // Strings
  while (!cursor.done) {
    const offset = cursor.offset;
    expectByte(cursor, EventType.String, 'string', where);
    const id = cursor.readUvarint();
    const length = cursor.readUvarint();
    if (length < 0 || length > MAX_STRING_BYTES) {
      const limit = `maximum is ${MAX_STRING_BYTES}`;
      throw fail(`${where}: string ${id} at offset ${hex(offset)}: invalid length ${length}, ${limit}`, offset);
    }
    if (strings.has(id) && id !== 0) {
      throw fail(`${where}: string id ${id} at offset ${hex(offset)} is defined twice`, offset);
    }
    strings.set(id, decoder.decode(cursor.readBytes(length)));
  }
}

function readStacks(cursor: ByteCursor, stacks: Map<number, number[]>, where: string): void {
  cursor.readByte(); // Stacks
  while (!cursor.done) {
    const offset = cursor.offset;
    expectByte(cursor, EventType.Stack, 'stack', where);
    const id = cursor.readUvarint();
    const frameCount = cursor.readUvarint();
    if (frameCount < 0 || frameCount > MAX_FRAMES_PER_STACK) {
      const limit = `maximum is ${MAX_FRAMES_PER_STACK}`;
      throw fail(`${where}: stack ${id} at offset ${hex(offset)}: invalid frame count ${frameCount}, ${limit}`, offset);
    }
    const funcIds: number[] = [];
    for (let i = 0; i < frameCount; i++) {
      cursor.readUvarint(); // pc
      funcIds.push(cursor.readUvarint());
      cursor.readUvarint(); // file string id
      cursor.readUvarint(); // line
    }
    stacks.set(id, funcIds);
  }
}

function readFrequency(cursor: ByteCursor, version: number, where: string): number {
  if (version >= SYNC_BATCH_SINCE) cursor.readByte(); // Sync
  let ticksPerSecond = 0;
  while (!cursor.done) {
    const offset = cursor.offset;
    const type = cursor.readByte();
    if (type === EventType.Frequency) {
      ticksPerSecond = cursor.readUvarint();
    } else if (type === EventType.ClockSnapshot && version >= SYNC_BATCH_SINCE) {
      for (let i = 0; i < 4; i++) cursor.readUvarint(); // dt, mono, sec, nsec
    } else {
      throw fail(`${where}: unexpected byte ${type} at offset ${hex(offset)} in the timing batch`, offset);
    }
  }
  if (ticksPerSecond <= 0) throw fail(`${where}: invalid frequency ${ticksPerSecond}`, cursor.offset);
  return ticksPerSecond;
}

function expectByte(cursor: ByteCursor, expected: number, what: string, where: string): void {
  const offset = cursor.offset;
  const type = cursor.readByte();
  if (type !== expected) {
    throw fail(`${where}: expected a ${what} entry at offset ${hex(offset)}, found byte ${type}`, offset);
  }
}

function resolveStacks(
  funcIdsById: ReadonlyMap<number, readonly number[]>,
  strings: ReadonlyMap<number, string>,
  gen: number,
  generationOffset: number,
): Map<number, readonly string[]> {
  const stacks = new Map<number, readonly string[]>();
  for (const [id, funcIds] of funcIdsById) {
    stacks.set(
      id,
      funcIds.map((funcId) => {
        const name = strings.get(funcId);
        if (name === undefined) {
          throw new TraceFormatError(
            `generation ${gen}: stack ${id} names function string ${funcId}, which the generation does not define`,
            { offset: generationOffset },
          );
        }
        return name;
      }),
    );
  }
  return stacks;
}

/** The same table in an {@link IdMap}, whose lookups by the small ids the runtime writes are faster on the event path. */
function byId<T>(map: ReadonlyMap<number, T>): IdMap<T> {
  const table = new IdMap<T>();
  for (const [id, value] of map) table.set(id, value);
  return table;
}

function fail(message: string, offset: number): TraceFormatError {
  return new TraceFormatError(message, { offset });
}
