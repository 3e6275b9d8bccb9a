import type { TraceModel } from '../../model.ts';
import { memorySource } from '../byte-source.ts';
import type { ByteSource } from '../byte-source.ts';
import { readOldTrace } from '../old/read-old-trace.ts';
import { ActivityTracker } from './activity-tracker.ts';
import { assembleGoModel } from './assemble-model.ts';
import { cursorsByThread } from './event-cursor.ts';
import { readGenerationTables } from './generation-tables.ts';
import { GoroutineTracker, trackEvents } from './goroutine-tracker.ts';
import { EventOrderer } from './order-events.ts';
import type { EventSink } from './order-events.ts';
import { readGenerations } from './read-generations.ts';
import { HEADER_BYTES, OLD_FORMAT_VERSIONS, readTraceHeader } from './trace-header.ts';

/** Extra facts about a read that tests and `inspect` may want; not part of the model. */
export interface GoTraceStats {
  /** Generations read; an old-format trace counts as one. */
  generations: number;
  events: number;
  /** Events the ordering had to take out of turn; non-zero only for damaged traces. */
  forcedEvents: number;
}

/**
 * Reads a Go execution trace into the model. New-format traces (`go 1.22
 * trace` … `go 1.26 trace`) are read one generation at a time: split the
 * generation's batches, decode its strings, stacks and frequency, then order
 * the events of all threads (each thread's decoded only as the ordering
 * reaches it) and feed them to the goroutine state machine, which infers
 * messages from the wake-ups as it goes. Old-format traces (`go 1.11`,
 * `go 1.19`, `go 1.21`) have no generations; they are read whole and
 * converted to the same events (see `readOldTrace`).
 *
 * Throws `UnsupportedVersionError` for other versions and `TraceFormatError`
 * (with the byte offset) for damaged or truncated files.
 *
 * @example
 * readGoTrace(bytes).goroutines.find((g) => g.id === 1)?.name // → 'main.main'
 */
export function readGoTrace(bytes: Uint8Array): TraceModel {
  return readGoTraceWithStats(bytes).model;
}

/** {@link readGoTrace}, also returning counts about the read. */
export function readGoTraceWithStats(bytes: Uint8Array): { model: TraceModel; stats: GoTraceStats } {
  return readGoTraceFrom(memorySource(bytes));
}

/**
 * {@link readGoTraceWithStats} from any byte source. A new-format trace is
 * read one generation at a time, so a file source never has more than one
 * generation of it in memory; an old-format trace is read whole.
 */
export function readGoTraceFrom(source: ByteSource): { model: TraceModel; stats: GoTraceStats } {
  const version = readTraceHeader(source.read(0, HEADER_BYTES));
  if (OLD_FORMAT_VERSIONS.includes(version)) return readOldTrace(source.read(0, source.length), version);
  const tracker = new GoroutineTracker();
  const activity = new ActivityTracker();
  const { orderer, generations } = orderTrace(source, version, trackEvents(tracker, activity));
  const stats: GoTraceStats = { generations, events: orderer.events, forcedEvents: orderer.forcedEvents };
  const durationNs = orderer.lastTimeNs;
  return { model: assembleGoModel({ version, durationNs, tracker, activity: activity.finish(durationNs) }), stats };
}

/**
 * Orders every generation of a new-format trace into `sink`, calling
 * `beforeGeneration` as each one's tables are read and its events are about
 * to come. Returns the orderer (its counts and last time) and the number of
 * generations.
 */
export function orderTrace(
  source: ByteSource,
  version: number,
  sink: EventSink,
  beforeGeneration: () => void = () => {},
): { orderer: EventOrderer; generations: number } {
  const orderer = new EventOrderer();
  let generations = 0;
  for (const raw of readGenerations(source, version)) {
    const cursors = cursorsByThread(source, readGenerationTables(source, raw, version), version);
    beforeGeneration();
    orderer.orderGeneration(raw.gen, cursors, sink);
    generations++;
  }
  return { orderer, generations };
}
