/** What readTrace says about files it cannot read: wrong format, unsupported version, damage, truncation. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TraceFormatError, UnsupportedVersionError } from '../../src/errors.ts';
import { EventType } from '../../src/trace/go/event-table.ts';
import { detectTraceFormat, readTrace } from '../../src/trace/read-trace.ts';
import { batch, events, header, NONE_VARINT, oneGenerationTrace, strings, timing, uvarint } from './helpers/trace-writer.ts';

const fixture = (name: string): Uint8Array =>
  readFileSync(fileURLToPath(new URL(`../fixtures/go/${name}`, import.meta.url)));

/** Runs `read` and returns the TraceFormatError it throws. */
function failure(bytes: Uint8Array | number[]): TraceFormatError {
  try {
    readTrace(bytes instanceof Uint8Array ? bytes : Uint8Array.from(bytes));
  } catch (error) {
    if (error instanceof TraceFormatError) return error;
    throw error;
  }
  throw new Error('expected readTrace to throw');
}

const text = (s: string): number[] => [...new TextEncoder().encode(s)];
const minimal = (version: number) =>
  oneGenerationTrace({ version, strings: { 1: 'x' }, stacks: {}, threads: { 1: [['ProcStatus', { p: 0, pstatus: 2 }]] } });

describe('detectTraceFormat', () => {
  it('tells Go traces and gotrace recordings apart by content', () => {
    expect(detectTraceFormat(minimal(26))).toBe('go');
    expect(detectTraceFormat(Uint8Array.from(text('  [{"t":0}]')))).toBe('gotrace');
    expect(detectTraceFormat(Uint8Array.from(text('data = []')))).toBe('gotrace');
  });
});

describe('readTrace on files that are not traces', () => {
  it('shows the first bytes of a binary file', () => {
    const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d];
    expect(failure(png).message).toMatchInlineSnapshot(`"not a Go execution trace or gotrace recording: starts with bytes 89 50 4e 47 0d 0a 1a 0a …"`);
    expect(failure(png).offset).toBe(0);
  });

  it('shows printable starts as text too', () => {
    expect(failure(text('hello world')).message).toMatchInlineSnapshot(`"not a Go execution trace or gotrace recording: starts with bytes 68 65 6c 6c 6f 20 77 6f … ("hello wo")"`);
  });

  it('says so for an empty file', () => {
    expect(failure([]).message).toMatchInlineSnapshot(`"not a Go execution trace or gotrace recording: the file is empty"`);
  });

  it('rejects a damaged Go header', () => {
    expect(failure(text('go 1.2x trace\0\0\0')).message).toMatchInlineSnapshot(`"invalid Go trace header "go 1.2x trace""`);
    expect(failure(text('go 1.26 tr')).message).toMatchInlineSnapshot(`"truncated trace: the file is 10 bytes long, shorter than the 16-byte header"`);
  });
});

describe('readTrace on Go trace versions it does not read', () => {
  it.each([5, 7, 8, 9, 10])('names ancient format 1.%i and the supported ones', (version) => {
    const error = failure([...header(version), 0x41, 0x01]);
    expect(error).toBeInstanceOf(UnsupportedVersionError);
    expect(error.code).toBe('TRACE_UNSUPPORTED_VERSION');
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain(`Go trace format 1.${version} `);
  });

  it('pins the wording for an ancient version', () => {
    expect(failure(header(10)).message).toMatchInlineSnapshot(`"Go trace format 1.10 was written by Go 1.10 or older, which no current reader accepts; supported formats: 1.11, 1.19, 1.21, 1.22, 1.23, 1.25, 1.26 (Go 1.11 and newer)"`);
  });

  it.each([20, 24, 27, 99])('pins the wording for unknown or future version 1.%i', (version) => {
    const error = failure([...header(version), ...minimal(26).subarray(16)]);
    expect(error).toBeInstanceOf(UnsupportedVersionError);
    expect(error.offset).toBe(0);
    expect(error.message).toBe(
      `unknown Go trace format 1.${version}, perhaps from a newer Go than this tool knows; supported formats: 1.11, 1.19, 1.21, 1.22, 1.23, 1.25, 1.26 (Go 1.11 and newer)`,
    );
  });
});

describe('readTrace on damaged Go traces', () => {
  it('refuses a batch size above 64 KiB without allocating it', () => {
    const huge = [...header(26), EventType.EventBatch, 1, 1, 100, ...uvarint(2 ** 32)];
    expect(failure(huge).message).toMatchInlineSnapshot(`"generation 1: batch at offset 0x10: invalid size 4294967296, maximum is 65536"`);
    const none = [...header(26), EventType.EventBatch, 1, 1, 100, ...NONE_VARINT];
    expect(failure(none).message).toMatchInlineSnapshot(`"generation 1: batch at offset 0x10: invalid size 2^64-1, maximum is 65536"`);
  });

  it('reports a batch size that runs past the end of the file as truncation', () => {
    const short = [...header(22), EventType.EventBatch, 1, 1, 100, ...uvarint(60000), 1, 2, 3];
    expect(failure(short).message).toMatchInlineSnapshot(`"truncated trace: generation 1 ends at offset 0x1a in the middle of a batch (batch starts at offset 0x10)"`);
    expect(failure(short).offset).toBe(short.length);
  });

  it('names unknown event types and events newer than the header', () => {
    const unknown = [...header(26), ...batch(1, 1, 100, [99, 1]), ...batch(1, -1, 1, timing(26)), EventType.EndOfGeneration];
    expect(failure(unknown).message).toMatchInlineSnapshot(`"generation 1: batch at offset 0x10: unknown event type 99 at offset 0x15 for format 1.26"`);
    const tooNew = [...header(22), ...batch(1, 1, 100, events([['GoSwitch', { g: 1, g_seq: 1 }]])), ...batch(1, -1, 1, timing(22))];
    expect(failure(tooNew).message).toMatchInlineSnapshot(`"generation 1: batch at offset 0x10: unknown event type 45 at offset 0x15 for format 1.22"`);
  });

  it('requires each generation’s frequency and every string an event names', () => {
    const noFrequency = [...header(26), ...batch(1, 1, 100, events([['ProcStop']])), EventType.EndOfGeneration];
    expect(failure(noFrequency).message).toMatchInlineSnapshot(`"generation 1 has no frequency batch; the trace is damaged or truncated"`);
    const missingString = [
      ...header(26),
      ...batch(1, -1, 1, timing(26)),
      ...batch(1, 1, 100, events([['GoBlock', { reason_string: 7 }]])),
      ...batch(1, -1, 1, strings({ 1: 'x' })),
      EventType.EndOfGeneration,
    ];
    expect(failure(missingString).message).toMatchInlineSnapshot(`"generation 1: batch at offset 0x29: event GoBlock at offset 0x2e refers to string 7, which the generation does not define"`);
  });

  it('rejects generations out of order and markers where none belong', () => {
    const skipped = [...header(22), ...batch(1, -1, 1, timing(22)), ...batch(3, -1, 1, timing(22))];
    expect(failure(skipped).message).toMatchInlineSnapshot(`"batch at offset 0x23 belongs to generation 3, expected generation 1 or 2"`);
    const stray = [...header(22), ...batch(1, -1, 1, timing(22)), EventType.EndOfGeneration];
    expect(failure(stray).message).toMatchInlineSnapshot(`"expected a batch at offset 0x23 in generation 1, found byte 0x34"`);
  });
});

describe('readTrace on truncated Go traces', () => {
  it('says so when nothing follows the header', () => {
    expect(failure(header(26)).message).toMatchInlineSnapshot(`"truncated trace: nothing follows the header (did the program stop the trace before exiting?)"`);
  });

  it('pins the wording for a cut inside a batch and for a missing end marker', () => {
    const whole = minimal(26);
    expect(failure(whole.subarray(0, 20)).message).toMatchInlineSnapshot(`"truncated trace: generation 1 ends at offset 0x14 in the middle of a batch (batch starts at offset 0x10)"`);
    expect(failure(whole.subarray(0, whole.length - 1)).message).toMatchInlineSnapshot(`"truncated trace: generation 1 has no end-of-generation marker; the file ends at offset 0x55"`);
    expect(failure(whole.subarray(0, 20)).offset).toBe(20);
  });

  it('reports every cut of a Go 1.26 fixture as truncation, except cuts between generations', () => {
    const whole = fixture('ticker/trace-go1.26.out');
    const boundaries = generationEnds(whole);
    for (let cut = 17; cut < whole.length; cut += 41) {
      if (boundaries.has(cut)) continue;
      const error = failure(whole.subarray(0, cut));
      expect(error.message, `cut at ${cut}`).toMatch(/^truncated trace: generation \d+ (ends at offset 0x[0-9a-f]+ in the middle of a batch|has no end-of-generation marker)/);
      expect(error.offset, `cut at ${cut}`).toBe(cut);
    }
  });

  it('reports cuts inside a batch of a Go 1.22 fixture as truncation', () => {
    const whole = fixture('sync/trace-go1.22.out');
    for (let cut = 17; cut < whole.length; cut += 37) {
      let error: TraceFormatError | undefined;
      try {
        readTrace(whole.subarray(0, cut));
      } catch (caught) {
        if (!(caught instanceof TraceFormatError)) throw caught;
        error = caught;
      }
      // A cut that happens to fall between two batches can leave a readable (shorter) trace.
      if (error?.message.startsWith('truncated trace:')) expect(error.message).toContain('in the middle of a batch');
    }
    expect(failure(whole.subarray(0, whole.length - 3)).message).toMatch(/^truncated trace: generation 1 ends at offset 0x[0-9a-f]+ in the middle of a batch/);
  });
});

/** Offsets just after each end-of-generation byte of a Go 1.26 trace. */
function generationEnds(bytes: Uint8Array): Set<number> {
  const ends = new Set<number>();
  let offset = 16;
  while (offset < bytes.length) {
    if (bytes[offset] === EventType.EndOfGeneration) {
      ends.add(++offset);
      continue;
    }
    offset++; // batch byte
    const fields: number[] = [];
    while (fields.length < 4) {
      let value = 0;
      let scale = 1;
      for (;;) {
        const b = bytes[offset++]!;
        value += (b & 0x7f) * scale;
        scale *= 128;
        if (b < 0x80) break;
      }
      fields.push(value);
    }
    offset += fields[3]!;
  }
  return ends;
}
