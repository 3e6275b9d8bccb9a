import { TraceFormatError } from '../../errors.ts';
import type { ByteSource } from '../byte-source.ts';
import { ByteCursor, EndOfDataError, hex } from './byte-cursor.ts';
import { EventType } from './event-table.ts';
import { HEADER_BYTES } from './trace-header.ts';

/** The runtime never writes a batch payload larger than this. */
export const MAX_BATCH_BYTES = 64 << 10;

/** Longest batch header: kind, experiment id, then four varints of at most 10 bytes. */
const MAX_BATCH_HEADER_BYTES = 2 + 4 * 10;

/** First format version that closes every generation with an explicit marker byte. */
const END_MARKER_SINCE = 26;

/** One batch as it sits in the file: header fields plus where its payload lies. */
export interface RawBatch {
  /** Offset of the batch's first byte (the EventBatch / ExperimentalBatch byte). */
  offset: number;
  /** OS thread that wrote it, or -1 for batches not tied to a thread. */
  m: number;
  /** Base timestamp in trace clock units. */
  timeTicks: number;
  payloadStart: number;
  payloadEnd: number;
  /** Opaque experimental data; never decoded. */
  experimental: boolean;
}

/** All batches of one generation, in file order. */
export interface RawGeneration {
  gen: number;
  batches: RawBatch[];
}

/**
 * Splits a new-format trace into generations without decoding any payload,
 * reading only batch headers from `source` (so a file is never read whole).
 *
 * A generation ends at the end-of-generation byte (format 1.26) or where a
 * batch of the next generation begins (1.22–1.25). Every size is checked
 * against the bytes that remain and the 64 KiB batch limit before anything is
 * sliced, so a damaged length never makes us allocate or read past the end.
 *
 * @example
 * [...readGenerations(memorySource(bytes), 26)].map((g) => g.gen) // → [1, 2]
 */
export function* readGenerations(source: ByteSource, version: number): Generator<RawGeneration> {
  const hasEndMarker = version >= END_MARKER_SINCE;
  let current: RawGeneration | undefined;
  let lastGen = 0;
  let offset = HEADER_BYTES;

  while (offset < source.length) {
    const window = source.read(offset, MAX_BATCH_HEADER_BYTES);
    const cursor = new ByteCursor(window, offset, offset + window.length, 'batch header', offset);
    const kind = window[0] as number;

    // 1. Go 1.26 closes each generation with one marker byte.
    if (hasEndMarker && kind === EventType.EndOfGeneration) {
      if (current === undefined) {
        const message = `end-of-generation marker at offset ${hex(offset)} closes no generation`;
        throw new TraceFormatError(message, { offset });
      }
      offset++;
      yield current;
      current = undefined;
      continue;
    }

    // 2. Otherwise this must be a batch header.
    if (kind !== EventType.EventBatch && kind !== EventType.ExperimentalBatch) {
      const where = current === undefined ? `after generation ${lastGen}` : `in generation ${current.gen}`;
      throw new TraceFormatError(
        `expected a batch at offset ${hex(offset)} ${where}, found byte 0x${kind.toString(16).padStart(2, '0')}`,
        { offset },
      );
    }
    const batch = readBatchHeader(cursor, current?.gen ?? lastGen + 1, source.length);

    // 3. Decide which generation it belongs to.
    if (current !== undefined && batch.gen !== current.gen) {
      if (hasEndMarker || batch.gen !== current.gen + 1) {
        const expected = hasEndMarker ? `${current.gen}` : `${current.gen} or ${current.gen + 1}`;
        throw new TraceFormatError(
          `batch at offset ${hex(offset)} belongs to generation ${batch.gen}, expected generation ${expected}`,
          { offset },
        );
      }
      yield current;
      current = undefined;
    }
    if (current === undefined) {
      if (lastGen !== 0 && batch.gen !== lastGen + 1) {
        throw new TraceFormatError(
          `batch at offset ${hex(offset)} starts generation ${batch.gen}, expected generation ${lastGen + 1}`,
          { offset },
        );
      }
      current = { gen: batch.gen, batches: [] };
      lastGen = batch.gen;
    }
    current.batches.push(batch.raw);
    offset = batch.raw.payloadEnd;
  }

  // 4. The file ended.
  if (lastGen === 0) {
    throw new TraceFormatError(
      'truncated trace: nothing follows the header (did the program stop the trace before exiting?)',
      { offset: source.length },
    );
  }
  if (current === undefined) return;
  if (hasEndMarker) {
    throw new TraceFormatError(
      `truncated trace: generation ${current.gen} has no end-of-generation marker; the file ends at offset ${hex(source.length)}`,
      { offset: source.length },
    );
  }
  yield current;
}

/**
 * Reads one batch header and checks that its payload fits in the file
 * (`fileLength` bytes); `genHint` names the generation in truncation messages.
 */
function readBatchHeader(cursor: ByteCursor, genHint: number, fileLength: number): { gen: number; raw: RawBatch } {
  const offset = cursor.offset;
  let gen = genHint;
  try {
    const experimental = cursor.readByte() === EventType.ExperimentalBatch;
    if (experimental) cursor.readByte(); // experiment id

    gen = cursor.readUvarint();
    const m = cursor.readUvarint();
    const timeTicks = cursor.readUvarint();
    const size = cursor.readUvarint();
    if (gen <= 0) {
      const message = `batch at offset ${hex(offset)}: invalid generation number ${gen}`;
      throw new TraceFormatError(message, { offset });
    }
    if (size < 0 || size > MAX_BATCH_BYTES) {
      throw new TraceFormatError(
        `generation ${gen}: batch at offset ${hex(offset)}: invalid size ${size < 0 ? '2^64-1' : size}, maximum is ${MAX_BATCH_BYTES}`,
        { offset },
      );
    }

    const payloadStart = cursor.offset;
    if (payloadStart + size > fileLength) throw new EndOfDataError(payloadStart);
    return { gen, raw: { offset, m, timeTicks, payloadStart, payloadEnd: payloadStart + size, experimental } };
  } catch (error) {
    if (!(error instanceof EndOfDataError)) throw error;
    throw new TraceFormatError(
      `truncated trace: generation ${gen} ends at offset ${hex(fileLength)} in the middle of a batch (batch starts at offset ${hex(offset)})`,
      { offset: fileLength, cause: error },
    );
  }
}
