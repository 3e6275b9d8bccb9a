import { TraceFormatError } from '../../errors.ts';
import { ByteCursor, EndOfDataError, hex, NONE } from '../go/byte-cursor.ts';
import { HEADER_BYTES } from '../go/trace-header.ts';
import { OLD_MAX_ARGS, OldEventStore } from './old-event-store.ts';
import { oldEventSpec, oldValueCount, OldType as T } from './old-event-table.ts';
import type { OldEventSpec } from './old-event-table.ts';

/** Largest byte length Go accepts for an event's length-prefixed arguments. */
const MAX_PREFIXED_BYTES = 2048;

/** Longest string (table entry or log value) Go accepts. */
const MAX_STRING_BYTES = 1_000_000;

/** Most frames Go accepts in one stack. */
const MAX_FRAMES = 1000;

/** Largest P id a batch may name. */
const MAX_P = 0x7fffffff;

/** An old-format trace decoded but not yet ordered. */
export interface DecodedOldTrace {
  events: OldEventStore;
  /** Per P (-1 = global batch): the `[start, end)` event ranges of its batches, in file order, flattened. */
  batchRanges: Map<number, number[]>;
  /** CPU sample events (absolute time in ticks, P and G of the sample). */
  cpuSamples: number[];
  strings: Map<number, string>;
  /** Values of user logs, numbered in order of first appearance (`arg(i, 2)` of a UserLog). */
  logValues: string[];
  /** Stack id → function-name string ids, innermost first. */
  stacks: Map<number, number[]>;
  ticksPerSecond: number;
  /** Goroutines that ran timers (runtimes before Go 1.14). */
  timerGoroutines: Set<number>;
}

interface ProcState {
  lastG: number;
}

/**
 * Decodes a whole old-format trace (Go 1.11–1.21) in one pass: batches per P,
 * each event with the goroutine running on its P (the last one started
 * there), strings, stacks, the frequency and CPU samples. Sizes and counts
 * are checked before anything is read or allocated.
 *
 * @example
 * decodeOldTrace(bytes, 21).ticksPerSecond // → 15625000
 */
export function decodeOldTrace(bytes: Uint8Array, version: number): DecodedOldTrace {
  const cursor = new ByteCursor(bytes, HEADER_BYTES, bytes.length, 'old-format trace');
  const decoder = new TextDecoder();
  const out: DecodedOldTrace = {
    events: new OldEventStore(),
    batchRanges: new Map(),
    cpuSamples: [],
    strings: new Map(),
    logValues: [],
    stacks: new Map(),
    ticksPerSecond: 0,
    timerGoroutines: new Set(),
  };
  const logValueIds = new Map<string, number>();
  const procs = new Map<number, ProcState>();
  const values: number[] = [];
  let proc: ProcState | undefined;
  let p = 0;
  let ranges: number[] = [];
  let lastTicks = 0;

  while (!cursor.done) {
    const offset = cursor.offset;
    try {
      // 1. Type byte: low six bits the type, top two the inline value count.
      const first = cursor.readByte();
      const spec = oldEventSpec(first & 0x3f, version);
      if (spec === undefined) {
        throw fail(`unknown event type ${first & 0x3f} at offset ${hex(offset)} for format 1.${version}`, offset);
      }
      if (spec.type === T.String) {
        readString(cursor, out.strings, decoder, offset);
        continue;
      }

      // 2. The values: inline, or behind a byte length.
      readValues(cursor, first >> 6, spec, values, offset);
      if (spec.type === T.Batch) {
        const pid = values[0] as number;
        if (pid > MAX_P) throw fail(`batch at offset ${hex(offset)} names P ${pid}, maximum is ${MAX_P}`, offset);
        p = pid;
        proc = procs.get(p) ?? { lastG: 0 };
        procs.set(p, proc);
        ranges = out.batchRanges.get(p) ?? [];
        out.batchRanges.set(p, ranges);
        ranges.push(out.events.length, out.events.length);
        lastTicks = values[1] as number;
        continue;
      }
      if (proc === undefined) throw fail(`event ${spec.name} at offset ${hex(offset)} comes before the first batch`, offset);

      // 3. Events without a timestamp carry tables and settings.
      if (spec.type === T.Frequency) {
        if ((values[0] as number) <= 0) throw fail(`invalid frequency ${values[0]} at offset ${hex(offset)}`, offset);
        out.ticksPerSecond = values[0] as number;
      } else if (spec.type === T.TimerGoroutine) {
        out.timerGoroutines.add(values[0] as number);
      } else if (spec.type === T.Stack) {
        readStack(values, out.stacks, offset);
      } else if (spec.type === T.CPUSample) {
        // The sample's own time, P and G; its delta is ignored and moves no clock.
        const i = out.events.add(T.CPUSample, values[1] as number, values[2] as number, offset);
        out.events.setG(i, values[3] as number);
        out.events.setStack(i, values[4] as number);
        out.cpuSamples.push(i);
      } else {
        // 4. A timed event on this P.
        lastTicks += values[0] as number;
        const i = out.events.add(spec.type, lastTicks, p, offset);
        const argCount = spec.args.length;
        for (let a = 0; a < argCount && a < OLD_MAX_ARGS; a++) out.events.setArg(i, a, values[1 + a] as number);
        if (spec.hasStack) out.events.setStack(i, values[1 + argCount] as number);
        out.events.setG(i, proc.lastG);
        attribute(out.events, i, spec.type, proc);
        if (spec.type === T.UserLog) {
          const text = readLogValue(cursor, decoder, offset);
          let id = logValueIds.get(text);
          if (id === undefined) {
            id = out.logValues.push(text) - 1;
            logValueIds.set(text, id);
          }
          out.events.setArg(i, 2, id);
        }
        ranges[ranges.length - 1] = out.events.length;
      }
    } catch (error) {
      if (!(error instanceof EndOfDataError)) throw error;
      throw new TraceFormatError(
        `truncated trace: the event at offset ${hex(offset)} runs past the end of the file at offset ${hex(bytes.length)}`,
        { offset: bytes.length, cause: error },
      );
    }
  }

  if (out.batchRanges.size === 0) {
    throw new TraceFormatError('truncated trace: nothing follows the header (did the program stop the trace before exiting?)', {
      offset: bytes.length,
    });
  }
  if (out.ticksPerSecond === 0) {
    throw new TraceFormatError('truncated trace: no frequency event (old-format traces write it last, when tracing stops)', {
      offset: bytes.length,
    });
  }
  return out;
}

/** Which goroutine an event belongs to, and how it changes the P's current goroutine. */
function attribute(events: OldEventStore, i: number, type: number, proc: ProcState): void {
  switch (type) {
    case T.GoStart:
    case T.GoStartLocal:
    case T.GoStartLabel:
      proc.lastG = events.arg(i, 0);
      events.setG(i, proc.lastG);
      break;
    case T.GoEnd:
    case T.GoStop:
    case T.GoSched:
    case T.GoPreempt:
    case T.GoSleep:
    case T.GoBlock:
    case T.GoBlockSend:
    case T.GoBlockRecv:
    case T.GoBlockSelect:
    case T.GoBlockSync:
    case T.GoBlockCond:
    case T.GoBlockNet:
    case T.GoSysBlock:
    case T.GoBlockGC:
      proc.lastG = 0;
      break;
    case T.GoSysExit:
    case T.GoWaiting:
    case T.GoInSyscall:
      events.setG(i, events.arg(i, 0));
      break;
  }
}

function readValues(cursor: ByteCursor, inline: number, spec: OldEventSpec, values: number[], offset: number): void {
  values.length = 0;
  if (inline < 3) {
    for (let i = 0; i <= inline; i++) values.push(cursor.readUvarint());
  } else {
    const length = cursor.readUvarint();
    if (length < 0 || length > MAX_PREFIXED_BYTES) {
      throw fail(`event ${spec.name} at offset ${hex(offset)}: invalid argument length ${length < 0 ? '2^64-1' : length}, maximum is ${MAX_PREFIXED_BYTES}`, offset);
    }
    const inner = new ByteCursor(cursor.bytes, cursor.offset, cursor.offset + length, `event ${spec.name} at offset ${hex(offset)}`);
    cursor.readBytes(length);
    try {
      while (!inner.done) values.push(inner.readUvarint());
    } catch (error) {
      if (!(error instanceof EndOfDataError)) throw error;
      throw fail(`event ${spec.name} at offset ${hex(offset)}: a varint runs past its ${length}-byte argument block`, offset);
    }
  }
  // A stack's length depends on its frame count; readStack checks it.
  const wanted = oldValueCount(spec);
  if (spec.type !== T.Stack && values.length !== wanted) {
    throw fail(`event ${spec.name} at offset ${hex(offset)} has ${plural(values.length, 'value')}, want ${wanted}`, offset);
  }
}

function readString(cursor: ByteCursor, strings: Map<number, string>, decoder: TextDecoder, offset: number): void {
  const id = cursor.readUvarint();
  const length = cursor.readUvarint();
  if (id === 0) throw fail(`string at offset ${hex(offset)} has the reserved id 0`, offset);
  if (strings.has(id)) throw fail(`string id ${id} at offset ${hex(offset)} is defined twice`, offset);
  if (length <= 0 || length > MAX_STRING_BYTES) {
    throw fail(`string ${id} at offset ${hex(offset)}: invalid length ${length < 0 ? '2^64-1' : length}, want 1 to ${MAX_STRING_BYTES}`, offset);
  }
  strings.set(id, decoder.decode(cursor.readBytes(length)));
}

function readLogValue(cursor: ByteCursor, decoder: TextDecoder, offset: number): string {
  const length = cursor.readUvarint();
  if (length < 0 || length > MAX_STRING_BYTES) {
    throw fail(`log value of the event at offset ${hex(offset)}: invalid length ${length < 0 ? '2^64-1' : length}, maximum is ${MAX_STRING_BYTES}`, offset);
  }
  return decoder.decode(cursor.readBytes(length));
}

/** Stack entry values: id, frame count, then pc, function, file, line per frame. */
function readStack(values: readonly number[], stacks: Map<number, number[]>, offset: number): void {
  const frameCount = values[1] ?? -1;
  if (values.length < 2 || frameCount < 0 || frameCount > MAX_FRAMES) {
    throw fail(`stack at offset ${hex(offset)}: invalid frame count ${frameCount}, maximum is ${MAX_FRAMES}`, offset);
  }
  if (values.length !== 2 + 4 * frameCount) {
    throw fail(`stack at offset ${hex(offset)} has ${plural(values.length, 'value')} for ${plural(frameCount, 'frame')}, want ${2 + 4 * frameCount}`, offset);
  }
  const id = values[0] as number;
  if (id === 0 || id === NONE || frameCount === 0) return;
  const funcIds: number[] = [];
  for (let f = 0; f < frameCount; f++) funcIds.push(values[3 + 4 * f] as number);
  stacks.set(id, funcIds);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function fail(message: string, offset: number): TraceFormatError {
  return new TraceFormatError(message, { offset });
}
