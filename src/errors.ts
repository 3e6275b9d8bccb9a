/**
 * The project's one error hierarchy. The CLI maps `exitCode` to the process
 * exit status and prints `message` as a single line; nothing else branches on
 * message text.
 */

/** Base class: every error we raise on purpose. */
export class GotraceError extends Error {
  /** Stable machine-readable code, e.g. `TRACE_INVALID`. */
  readonly code: string;
  /** Process exit status the CLI uses: 2 for bad input, 1 for environment or internal failures. */
  readonly exitCode: number;

  constructor(code: string, message: string, options?: { cause?: unknown; exitCode?: number }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.exitCode = options?.exitCode ?? 1;
  }
}

/** The input file is not a trace we can read, or is damaged. `offset` is the byte where reading failed. */
export class TraceFormatError extends GotraceError {
  readonly offset: number | undefined;

  constructor(message: string, options?: { offset?: number; cause?: unknown; code?: string }) {
    super(options?.code ?? 'TRACE_INVALID', message, { cause: options?.cause, exitCode: 2 });
    this.offset = options?.offset;
  }
}

/** The trace is a Go trace of a version we do not read. */
export class UnsupportedVersionError extends TraceFormatError {
  constructor(message: string, options?: { offset?: number }) {
    super(message, { ...options, code: 'TRACE_UNSUPPORTED_VERSION' });
  }
}

/** A command-line option or argument is wrong. */
export class UsageError extends GotraceError {
  constructor(message: string) {
    super('USAGE', message, { exitCode: 2 });
  }
}

/** A file could not be read or written. */
export class FileError extends GotraceError {
  constructor(message: string, options?: { cause?: unknown; badInput?: boolean }) {
    super('FILE', message, { cause: options?.cause, exitCode: options?.badInput ? 2 : 1 });
  }
}

/** A required program (browser, ffmpeg) is missing or failed to start. */
export class ToolError extends GotraceError {
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(code, message, { cause: options?.cause, exitCode: 1 });
  }
}

/** Rendering or encoding failed while running. */
export class RenderError extends GotraceError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('RENDER', message, { cause: options?.cause, exitCode: 1 });
  }
}

/** The user stopped the run (Ctrl-C or a termination signal); whatever it was writing has been removed. */
export class InterruptedError extends GotraceError {
  constructor(signalName: string) {
    super('INTERRUPTED', `stopped by ${signalName}; no output was written`, { exitCode: 130 });
  }
}
