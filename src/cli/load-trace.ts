/**
 * Reading a trace file from disk into the model, with errors that name the file.
 */

import { FileError, GotraceError, TraceFormatError } from '../errors.ts';
import type { TraceModel } from '../model.ts';
import { readTraceFile } from '../trace/read-trace.ts';

/** Reads and parses `path` (a large Go trace one generation at a time); every failure names the file. */
export async function loadTrace(path: string): Promise<TraceModel> {
  try {
    return readTraceFile(path);
  } catch (error) {
    if (error instanceof Error && 'syscall' in error) {
      const code = 'code' in error ? String(error.code) : '';
      const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a trace file' : `cannot read it (${code || String(error)})`;
      throw new FileError(`${path}: ${reason}`, { cause: error, badInput: true });
    }
    if (error instanceof TraceFormatError) {
      const wrapped = new TraceFormatError(`${path}: ${error.message}`, { offset: error.offset, cause: error, code: error.code });
      throw wrapped;
    }
    if (error instanceof GotraceError) throw error;
    // A reader bug must still not print a stack trace at the user: report it as a damaged input we could not read.
    throw new TraceFormatError(`${path}: could not read this trace (${error instanceof Error ? error.message : String(error)})`, {
      cause: error,
    });
  }
}

/**
 * Refuses a trace with nothing to draw (no goroutines, or only the
 * runtime's while those are hidden), rather than rendering an empty picture.
 */
export function requireDrawable(model: TraceModel, path: string, showRuntime: boolean): void {
  if (model.goroutines.some((goroutine) => showRuntime || !goroutine.runtime)) return;
  const hint = model.goroutines.length === 0 ? '' : ` (only the runtime's ${model.goroutines.length}; add --show-runtime to draw them)`;
  throw new GotraceError('NOTHING_TO_DRAW', `${path}: the trace holds no goroutines to draw${hint}`, { exitCode: 2 });
}
