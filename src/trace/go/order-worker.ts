/**
 * The ordering half of a trace read, run in a worker thread: decodes and
 * orders a new-format trace file generation by generation, tracks the
 * runtime's activity (processors, GC, stop-the-world, user annotations), and
 * hands the ordered events to the main thread through an event ring, so the
 * goroutine state machine there runs at the same time (see
 * `readGoTraceFileInWorker`). On the `reports` port it posts the activity
 * (`{ activity }`) before the {@link Marker.End} record, or a failure
 * (`{ failure: { name, message, offset } }`) before the {@link Marker.Failure} one.
 */
import { workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';

import { GotraceError, TraceFormatError } from '../../errors.ts';
import { sharedFileSource } from '../byte-source.ts';
import { ActivityTracker } from './activity-tracker.ts';
import { Marker, RingWriter } from './event-ring.ts';
import { isGoroutineTransition } from './event-table.ts';
import type { RingBuffers } from './event-ring.ts';
import type { EventSink } from './order-events.ts';
import { orderTrace } from './read-go-trace.ts';

/** What the main thread passes in. */
export interface OrderWorkerData {
  /** The trace file, open in the main thread (which closes it), and its length there. */
  fd: number;
  length: number;
  /** The trace's format version, a new-format one: the main thread read the header. */
  version: number;
  ring: RingBuffers;
  /** Where the activity or a failure is posted. */
  reports: MessagePort;
}

const { fd, length, version, ring, reports } = workerData as OrderWorkerData;
const writer = new RingWriter(ring);
writer.marker(Marker.Started);
try {
  const source = sharedFileSource(fd, length);
  const activity = new ActivityTracker();
  const sink: EventSink = (event, g, p) => {
    // Goroutine state changes cross to the state machine on the other side; the runtime's
    // activity (the only events the activity tracker acts on) stays here.
    if (isGoroutineTransition(event.type)) writer.event(event, g, p);
    else activity.handle(event, g);
  };
  const { orderer } = orderTrace(source, version, sink, () => writer.marker(Marker.Generation));
  reports.postMessage({ activity: activity.finish(orderer.lastTimeNs) });
  writer.marker(Marker.End, orderer.events, orderer.forcedEvents, orderer.lastTimeNs);
} catch (error) {
  const offset = error instanceof TraceFormatError ? error.offset : undefined;
  const name = error instanceof GotraceError ? error.name : 'Error';
  // A file-system error keeps its code and system call, so the main thread can report it as one.
  const { code, syscall } = (error ?? {}) as { code?: unknown; syscall?: unknown };
  const message = error instanceof Error ? error.message : String(error);
  reports.postMessage({ failure: { name, message, offset, code, syscall } });
  writer.marker(Marker.Failure);
}
