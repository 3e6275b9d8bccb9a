import { TraceFormatError } from '../../errors.ts';

/** One gotrace command, with only the fields this project reads. */
export interface GotraceCommand {
  /** Nanoseconds since the recording's first event. */
  t: number;
  command: string;
  name?: string;
  parent?: string;
  from?: string;
  to?: string;
  ch?: string;
  /** Whatever the recording holds: gotrace writes strings, the demo pages numbers and booleans too. */
  value?: unknown;
  duration?: number;
}

/** An optional `var|let|const NAME =` in front of the array, as the demo pages' `data.js` files have. */
const WRAPPER_PREFIX = /^\uFEFF?\s*(?:(?:var|let|const)\s+)?(?:[A-Za-z_$][\w$]*\s*=\s*)?(?=\[)/;

/** How far into the file to look when sniffing. */
const SNIFF_BYTES = 256;

/** True when `bytes` start like a gotrace recording: `[`, or `data = [` / `var data = [` after whitespace. */
export function looksLikeGotrace(bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, SNIFF_BYTES));
  return WRAPPER_PREFIX.test(head);
}

/**
 * Parses a gotrace recording: a JSON array of commands, bare or wrapped as
 * JavaScript (`data = [...];`, `var data = [...]`), with trailing `;` and
 * whitespace tolerated. Elements keep their file order (sorting is the
 * caller's job). Throws `TraceFormatError` for invalid JSON or elements that
 * are not commands with a numeric `t`.
 *
 * @example
 * parseGotrace(new TextEncoder().encode('data = [{"t":0,"command":"create goroutine","name":"main"}];'))
 * // → [{ t: 0, command: 'create goroutine', name: 'main' }]
 */
export function parseGotrace(bytes: Uint8Array): GotraceCommand[] {
  const text = new TextDecoder().decode(bytes);
  const prefix = WRAPPER_PREFIX.exec(text);
  if (prefix === null) {
    const message = 'not a gotrace recording: expected a JSON array, optionally as `data = [...]`';
    throw new TraceFormatError(message, { offset: 0 });
  }
  const body = text.slice(prefix[0].length).replace(/[\s;]*$/, '');

  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const message = `invalid gotrace recording: ${lowerFirst(detail)}`;
    throw new TraceFormatError(message, { offset: prefix[0].length, cause: error });
  }
  if (!Array.isArray(parsed)) {
    const message = 'invalid gotrace recording: the data is not an array';
    throw new TraceFormatError(message, { offset: prefix[0].length });
  }
  return parsed.map((element, index) => toCommand(element, index));
}

function toCommand(element: unknown, index: number): GotraceCommand {
  if (typeof element !== 'object' || element === null || Array.isArray(element)) {
    throw new TraceFormatError(`invalid gotrace recording: element ${index} is not an object`);
  }
  const record = element as Record<string, unknown>;
  const { t, command } = record;
  if (typeof t !== 'number' || !Number.isFinite(t)) {
    const got = JSON.stringify(t) ?? 'nothing';
    throw new TraceFormatError(`invalid gotrace recording: element ${index} has no numeric "t" (got ${got})`);
  }
  if (typeof command !== 'string') {
    throw new TraceFormatError(`invalid gotrace recording: element ${index} has no "command" string`);
  }

  // The model counts whole nanoseconds.
  const result: GotraceCommand = { t: Math.round(t), command };
  for (const key of ['name', 'parent', 'from', 'to', 'ch'] as const) {
    const value = record[key];
    if (typeof value === 'string') result[key] = value;
    else if (typeof value === 'number') result[key] = String(value);
  }
  if ('value' in record) result.value = record.value;
  const { duration } = record;
  if (typeof duration === 'number' && Number.isFinite(duration)) result.duration = Math.round(duration);
  return result;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
