import { TraceFormatError } from '../errors.ts';
import type { TraceModel } from '../model.ts';
import { openFileSource } from './byte-source.ts';
import { readGoTrace, readGoTraceFrom } from './go/read-go-trace.ts';
import { orderWorkerAvailable, readGoTraceFileInWorker } from './go/read-in-worker.ts';
import { looksLikeGoTrace } from './go/trace-header.ts';
import { looksLikeGotrace, readGotrace } from './gotrace/read-gotrace.ts';

/** How many leading bytes an error message shows when the format is not recognised. */
const SHOWN_BYTES = 8;

const NOT_A_TRACE = 'not a Go execution trace or gotrace recording';

/** The formats {@link detectTraceFormat} recognises. */
export type DetectedFormat = 'go' | 'gotrace';

/**
 * Reads a trace file's bytes into the model, choosing the reader from the
 * content (never the file name): a Go execution trace starts with
 * `go 1.NN trace`; a gotrace recording is a JSON array of commands, bare or
 * wrapped as `data = [...];` / `var data = [...]`.
 *
 * Throws `TraceFormatError` for anything else, for damaged files, and
 * `UnsupportedVersionError` for Go trace versions we do not read. Messages do
 * not name the file; the caller adds it.
 *
 * @example
 * readTrace(await readFile('trace.out')).goroutines.length // → 5
 */
export function readTrace(bytes: Uint8Array): TraceModel {
  return detectTraceFormat(bytes) === 'go' ? readGoTrace(bytes) : readGotrace(bytes);
}

/** Enough leading bytes to tell the formats apart. */
const DETECT_BYTES = 4096;

/**
 * Go traces at least this big are read on two threads. Below it the worker's
 * start and warm-up cost more than the overlap gains (measured: a 7 MB trace
 * read 7% slower on two threads, a 44 MB one 20% faster).
 */
const TWO_THREADS_MIN_BYTES = 16 << 20;

/**
 * {@link readTrace} from a file. A Go trace of format 1.22 or newer is read
 * one generation at a time and never held whole, so the memory a read needs
 * is the model's plus one generation's, and a big one (in the bundled tool)
 * on two threads, see `readGoTraceFileInWorker`; other formats are read whole.
 * File-system errors are Node's own (`ENOENT`, `EISDIR`, …).
 *
 * @example
 * readTraceFile('scenes/ping-pong/trace.out').goVersion // → '1.26'
 */
export function readTraceFile(path: string): TraceModel {
  const source = openFileSource(path);
  try {
    const head = source.read(0, DETECT_BYTES);
    if (detectTraceFormat(head) === 'go') {
      const twoThreads = source.length >= TWO_THREADS_MIN_BYTES && orderWorkerAvailable();
      const inWorker = twoThreads ? readGoTraceFileInWorker(source) : undefined;
      return (inWorker ?? readGoTraceFrom(source)).model;
    }
    return readGotrace(source.read(0, source.length));
  } finally {
    source.close();
  }
}

/**
 * Names the trace format `bytes` are in, or throws a `TraceFormatError`
 * describing what the file starts with.
 *
 * @example
 * detectTraceFormat(new TextEncoder().encode('data = [];')) // → 'gotrace'
 */
export function detectTraceFormat(bytes: Uint8Array): DetectedFormat {
  if (looksLikeGoTrace(bytes)) return 'go';
  if (looksLikeGotrace(bytes)) return 'gotrace';
  if (bytes.length === 0) {
    throw new TraceFormatError(`${NOT_A_TRACE}: the file is empty`, { offset: 0 });
  }
  throw new TraceFormatError(`${NOT_A_TRACE}: starts with ${describeStart(bytes)}`, { offset: 0 });
}

/** `bytes 89 50 4e 47 …`, plus the text when the start is printable ASCII. */
function describeStart(bytes: Uint8Array): string {
  const head = bytes.subarray(0, SHOWN_BYTES);
  const hexBytes = [...head].map((b) => b.toString(16).padStart(2, '0')).join(' ');
  const more = bytes.length > SHOWN_BYTES ? ' …' : '';
  const printable = head.every((b) => b >= 0x20 && b < 0x7f);
  const text = printable ? ` (${JSON.stringify(String.fromCharCode(...head))})` : '';
  return `bytes ${hexBytes}${more}${text}`;
}
