import type { TraceModel } from '../../model.ts';
import { ActivityTracker } from '../go/activity-tracker.ts';
import { assembleGoModel } from '../go/assemble-model.ts';
import type { GenerationTables } from '../go/generation-tables.ts';
import { GoroutineTracker, trackEvents } from '../go/goroutine-tracker.ts';
import { convertOldEvents } from './convert-old-events.ts';
import type { OldTables } from './convert-old-events.ts';
import { decodeOldTrace } from './decode-old-trace.ts';
import type { DecodedOldTrace } from './decode-old-trace.ts';
import { orderOldEvents } from './order-old-events.ts';

/** Counts about a read, as the new-format reader reports them. */
export interface OldTraceStats {
  generations: number;
  events: number;
  forcedEvents: number;
}

/**
 * Reads an old-format Go trace (`go 1.11 trace`, `go 1.19 trace`, `go 1.21
 * trace`: Go 1.11 to 1.21) into the same model as new-format traces, by the
 * route Go's own reader takes: decode the whole file (its string and stack
 * tables come last), order the events of all Ps, convert them to new-model
 * events and run them through the same goroutine and activity trackers.
 * Goroutines, names and transition counts therefore match what Go's reader
 * reports for the file.
 *
 * The file has no generations, so it is held whole while reading.
 *
 * @example
 * readOldTrace(bytes, 21).model.goVersion // → '1.21'
 */
export function readOldTrace(bytes: Uint8Array, version: number): { model: TraceModel; stats: OldTraceStats } {
  const decoded = decodeOldTrace(bytes, version);
  const order = orderOldEvents(decoded);
  const tables = buildTables(decoded);
  const tracker = new GoroutineTracker();
  const activity = new ActivityTracker();

  const durationNs = convertOldEvents(decoded, order, tables, version, trackEvents(tracker, activity));
  return {
    model: assembleGoModel({ version, durationNs, tracker, activity: activity.finish(durationNs) }),
    stats: { generations: 1, events: order.length, forcedEvents: 0 },
  };
}

/** The trace's strings and stacks as one generation's tables, with ids for the texts the conversion adds. */
function buildTables(decoded: DecodedOldTrace): OldTables {
  const strings = new Map<number, string>(decoded.strings);
  strings.set(0, '');
  let nextId = 1;
  for (const id of strings.keys()) if (id >= nextId) nextId = id + 1;
  const add = (text: string): number => {
    strings.set(nextId, text);
    return nextId++;
  };

  const logValueIds = decoded.logValues.map(add);
  const reasonIds = new Map<string, number>();
  const stacks = new Map<number, readonly string[]>();
  for (const [id, funcIds] of decoded.stacks) stacks.set(id, funcIds.map((funcId) => strings.get(funcId) ?? ''));

  const tables: GenerationTables = { gen: 1, nsPerTick: 1, strings, stacks, eventBatches: [] };
  return {
    tables,
    reason(text) {
      let id = reasonIds.get(text);
      if (id === undefined) {
        id = add(text);
        reasonIds.set(text, id);
      }
      return id;
    },
    logValue: (n) => logValueIds[n] ?? 0,
  };
}
