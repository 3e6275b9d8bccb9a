/**
 * Builds small new-format Go traces for tests, driven by the same event table
 * the decoder uses: events are written by name with named arguments.
 */
import { EVENT_SPECS, EventType } from '../../../src/trace/go/event-table.ts';

/** 2^64-1 written as a 10-byte varint: the runtime's "none". */
export const NONE_VARINT = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01];

/** One event: table name plus argument values by name (`dt` defaults to 1, missing args to 0). */
export type EventSketch = [name: string, args?: Record<string, number>];

/** Unsigned LEB128; `-1` writes the 2^64-1 sentinel. */
export function uvarint(value: number): number[] {
  if (value === -1) return [...NONE_VARINT];
  const out: number[] = [];
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
  return out;
}

/** The 16-byte header for format `1.version`. */
export function header(version: number): number[] {
  const text = `go 1.${version} trace`;
  return [...text].map((c) => c.charCodeAt(0)).concat(new Array(16 - text.length).fill(0));
}

/** A batch with header fields and a payload. */
export function batch(gen: number, m: number, timeTicks: number, payload: number[]): number[] {
  return [EventType.EventBatch, ...uvarint(gen), ...uvarint(m), ...uvarint(timeTicks), ...uvarint(payload.length), ...payload];
}

/** Timed events encoded with the table. */
export function events(list: readonly EventSketch[]): number[] {
  return list.flatMap(([name, args = {}]) => {
    const spec = EVENT_SPECS.find((s) => s?.name === name);
    if (spec === undefined) throw new Error(`no event ${name}`);
    return [spec.type, ...spec.args.flatMap((arg) => uvarint(args[arg] ?? (arg === 'dt' ? 1 : 0)))];
  });
}

/** A timing batch payload: Sync + Frequency + ClockSnapshot (1.25+) or a bare Frequency (1.22/1.23). */
export function timing(version: number, ticksPerSecond = 15_625_000): number[] {
  const frequency = [EventType.Frequency, ...uvarint(ticksPerSecond)];
  if (version < 25) return frequency;
  return [EventType.Sync, ...frequency, EventType.ClockSnapshot, 1, 1, 1, 1];
}

/** A strings batch payload. */
export function strings(table: Record<number, string>): number[] {
  return [
    EventType.Strings,
    ...Object.entries(table).flatMap(([id, text]) => {
      const bytes = [...new TextEncoder().encode(text)];
      return [EventType.String, ...uvarint(Number(id)), ...uvarint(bytes.length), ...bytes];
    }),
  ];
}

/** A stacks batch payload; each stack is a list of function-name string ids, innermost first. */
export function stacks(table: Record<number, number[]>): number[] {
  return [
    EventType.Stacks,
    ...Object.entries(table).flatMap(([id, funcIds]) => [
      EventType.Stack,
      ...uvarint(Number(id)),
      ...uvarint(funcIds.length),
      ...funcIds.flatMap((funcId, i) => [...uvarint(0x1000 + Number(id) * 16 + i), ...uvarint(funcId), 0, ...uvarint(10 + i)]),
    ]),
  ];
}

/** A complete one-generation trace in format 1.version from per-thread event lists. */
export function oneGenerationTrace(options: {
  version: number;
  strings: Record<number, string>;
  stacks: Record<number, number[]>;
  threads: Record<number, readonly EventSketch[]>;
  baseTicks?: Record<number, number>;
}): Uint8Array {
  const { version } = options;
  const bytes = [...header(version), ...batch(1, -1, 100, timing(version))];
  for (const [m, list] of Object.entries(options.threads)) {
    bytes.push(...batch(1, Number(m), options.baseTicks?.[Number(m)] ?? 1000, events(list)));
  }
  bytes.push(...batch(1, -1, 100, stacks(options.stacks)), ...batch(1, -1, 100, strings(options.strings)));
  if (version >= 26) bytes.push(EventType.EndOfGeneration);
  return Uint8Array.from(bytes);
}
