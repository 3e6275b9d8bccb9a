import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';

import { TraceFormatError } from '../../errors.ts';
import type { TraceModel } from '../../model.ts';
import type { ByteSource } from '../byte-source.ts';
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

/** How long the main thread waits for the next events before deciding the worker is gone. */
const PATIENCE_MS = 60_000;

/** True when the ordering worker can run (the tool is bundled; tests of the sources read in one thread). */
export function orderWorkerAvailable(workerUrl: URL = WORKER_URL): boolean {
  return workerUrl.protocol === 'file:' && existsSync(fileURLToPath(workerUrl));
}

/**
 * Reads a new-format Go trace file on two threads: a worker decodes and
 * orders the events and tracks the runtime's activity (see
 * `order-worker.ts`) while this thread runs the goroutine state machine on
 * them, so on a machine with two cores or more
 * the two halves overlap. The model and every error are the same as a
 * one-thread read's. `source` is the same file, for the generation tables
 * this thread needs. Returns `undefined` for old-format traces, which the
 * caller reads in one piece.
 */
export function readGoTraceFileInWorker(
  path: string,
  source: ByteSource,
  workerUrl: URL = WORKER_URL,
): { model: TraceModel; stats: GoTraceStats } | undefined {
  const version = readTraceHeader(source.read(0, HEADER_BYTES));
  if (OLD_FORMAT_VERSIONS.includes(version)) return undefined;

  const ring = newRingBuffers();
  const { port1: reports, port2 } = new MessageChannel();
  const data: OrderWorkerData = { path, ring, reports: port2 };
  const worker = new Worker(workerUrl, { workerData: data, transferList: [port2] });
  worker.unref();
  try {
    const reader = new RingReader(ring);
    const generations = readGenerations(source, version);
    const tracker = new GoroutineTracker();
    const stats: GoTraceStats = { generations: 0, events: 0, forcedEvents: 0 };

    for (;;) {
      if (!reader.next(PATIENCE_MS)) throw new Error('the trace-ordering worker stopped answering');
      if (reader.type >= 0) {
        tracker.handle(reader, reader.g, reader.p);
        continue;
      }
      if (reader.type === Marker.Generation) {
        const next = generations.next();
        if (next.done === true) throw new Error('the trace-ordering worker found more generations than this thread');
        reader.tables = readGenerationTables(source, next.value, version);
        stats.generations++;
      } else if (reader.type === Marker.End) {
        stats.events = reader.arg(0);
        stats.forcedEvents = reader.arg(1);
        const durationNs = reader.arg(2);
        const activity = (receiveMessageOnPort(reports)?.message as { activity: Activity }).activity;
        return { model: assembleGoModel({ version, durationNs, tracker, activity }), stats };
      } else if (reader.type === Marker.Failure) {
        throw workerFailure(reports);
      } else {
        return undefined;
      }
    }
  } finally {
    reports.close();
    void worker.terminate();
  }
}

/** The worker's error, rebuilt on this thread. */
function workerFailure(reports: MessagePort): Error {
  // The worker posts its error before it writes the failure marker, so the message is there.
  const received = receiveMessageOnPort(reports)?.message as { failure?: { name: string; message: string; offset?: number } } | undefined;
  const { name, message, offset } = received?.failure ?? {};
  if (name === 'TraceFormatError') return new TraceFormatError(message ?? 'damaged trace', offset === undefined ? {} : { offset });
  return new Error(message ?? 'the trace-ordering worker failed');
}
