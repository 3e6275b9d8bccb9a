import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';

import { TraceFormatError } from '../../errors.ts';
import type { TraceModel } from '../../model.ts';
import type { FileSource } from '../byte-source.ts';
import type { Activity } from './activity-tracker.ts';
import { assembleGoModel } from './assemble-model.ts';
import { Marker, newRingBuffers, RingReader } from './event-ring.ts';
import { readGenerationTables } from './generation-tables.ts';
import { GoroutineTracker } from './goroutine-tracker.ts';
import type { OrderWorkerData } from './order-worker.ts';
import type { GoTraceStats } from './read-go-trace.ts';
import { readGenerations } from './read-generations.ts';
import { HEADER_BYTES, OLD_FORMAT_VERSIONS, readTraceHeader } from './trace-header.ts';

/** The bundled worker, beside the bundle this module is built into. */
const WORKER_URL = new URL('./order-worker.js', import.meta.url);

/** How long this thread waits for the worker's first record, then for each next one, before deciding it is gone. */
const STARTUP_PATIENCE_MS = 10_000;
const PATIENCE_MS = 60_000;

/** True when the ordering worker can run (the tool is bundled; tests of the sources read in one thread). */
export function orderWorkerAvailable(workerUrl: URL = WORKER_URL): boolean {
  return workerUrl.protocol === 'file:' && existsSync(fileURLToPath(workerUrl));
}

/**
 * Reads a new-format Go trace file on two threads: a worker decodes and
 * orders the events and tracks the runtime's activity (see
 * `order-worker.ts`) while this thread runs the goroutine state machine on
 * them, so on a machine with two cores or more the two halves overlap. Both
 * read the one open file `source` (the worker through its descriptor, up to
 * the same length), so they see the same bytes. The model and every error
 * are the same as a one-thread read's.
 *
 * Returns `undefined` when the caller should read on one thread instead: an
 * old-format trace (read in one piece), or a worker that never started or
 * stopped answering.
 */
export function readGoTraceFileInWorker(
  source: FileSource,
  options: { workerUrl?: URL; startupPatienceMs?: number } = {},
): { model: TraceModel; stats: GoTraceStats } | undefined {
  const { workerUrl = WORKER_URL, startupPatienceMs = STARTUP_PATIENCE_MS } = options;
  const version = readTraceHeader(source.read(0, HEADER_BYTES));
  if (OLD_FORMAT_VERSIONS.includes(version)) return undefined;

  const ring = newRingBuffers();
  const { port1: reports, port2 } = new MessageChannel();
  const data: OrderWorkerData = { fd: source.fd, length: source.length, version, ring, reports: port2 };
  const worker = new Worker(workerUrl, { workerData: data, transferList: [port2] });
  worker.unref();
  // Failures the worker can report come through the ring; one it cannot (it failed to load, or died)
  // shows here as silence, and the caller reads on one thread. The event would only repeat that.
  worker.on('error', () => {});
  try {
    const reader = new RingReader(ring);
    if (!reader.next(startupPatienceMs) || reader.type !== Marker.Started) return undefined;
    const generations = readGenerations(source, version);
    const tracker = new GoroutineTracker();
    const stats: GoTraceStats = { generations: 0, events: 0, forcedEvents: 0 };

    for (;;) {
      if (!reader.next(PATIENCE_MS)) return undefined;
      const type: number = reader.type;
      if (type >= 0) {
        tracker.handle(reader, reader.g, reader.p);
        continue;
      }
      if (type === Marker.Generation) {
        const next = generations.next();
        if (next.done === true) throw new Error('the trace-ordering worker found more generations than this thread');
        reader.tables = readGenerationTables(source, next.value, version);
        stats.generations++;
      } else if (type === Marker.End) {
        stats.events = reader.arg(0);
        stats.forcedEvents = reader.arg(1);
        const durationNs = reader.arg(2);
        const activity = (receiveMessageOnPort(reports)?.message as { activity: Activity }).activity;
        // Let the worker's memory go while the model is put together.
        void worker.terminate();
        return { model: assembleGoModel({ version, durationNs, tracker, activity }), stats };
      } else if (type === Marker.Failure) {
        throw workerFailure(reports);
      }
    }
  } finally {
    reports.close();
    void worker.terminate();
  }
}

/** What the worker posts when it fails. */
interface Failure {
  name: string;
  message: string;
  offset?: number;
  /** Set for file-system errors. */
  code?: string;
  syscall?: string;
}

/** The worker's error, rebuilt on this thread. */
function workerFailure(reports: MessagePort): Error {
  // The worker posts its error before it writes the failure marker, so the message is there.
  const failure = (receiveMessageOnPort(reports)?.message as { failure?: Failure } | undefined)?.failure;
  const message = failure?.message ?? 'the trace-ordering worker failed';
  if (failure?.name === 'TraceFormatError') return new TraceFormatError(message, failure.offset === undefined ? {} : { offset: failure.offset });
  if (failure?.syscall !== undefined) return Object.assign(new Error(message), { code: failure.code, syscall: failure.syscall });
  return new Error(message);
}
