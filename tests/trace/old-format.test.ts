/** Old-format (Go 1.11–1.21) traces: the 1.11 header, and what the reader says about damaged ones. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TraceFormatError } from '../../src/errors.ts';
import { readTrace } from '../../src/trace/read-trace.ts';
import { plainModel } from './helpers/plain-model.ts';
import { header, NONE_VARINT, uvarint } from './helpers/trace-writer.ts';

const fixture = (name: string): Uint8Array => readFileSync(fileURLToPath(new URL(`../fixtures/go/${name}`, import.meta.url)));

function failure(bytes: number[] | Uint8Array): TraceFormatError {
  try {
    readTrace(Uint8Array.from(bytes));
  } catch (error) {
    if (error instanceof TraceFormatError) return error;
    throw error;
  }
  throw new Error('expected readTrace to throw');
}

/** A batch header for P `p` at tick `ticks`: type 1 with one inline value more than the delta. */
const batch = (p: number, ticks: number): number[] => [0x41, ...uvarint(p), ...uvarint(ticks)];

describe('readTrace on a go 1.11 header', () => {
  it('reads a Go 1.19 trace relabelled 1.11 exactly as the 1.19 one (Go reads it the same way)', () => {
    const original = fixture('netserver/trace-go1.19.out');
    const relabelled = Uint8Array.from([...header(11), ...original.subarray(16)]);
    const model = readTrace(relabelled);
    expect(model.goVersion).toBe('1.11');
    expect(plainModel({ ...model, goVersion: '1.19' })).toEqual(plainModel(readTrace(original)));
  });
});

describe('readTrace on damaged old-format traces', () => {
  it('pins the wording for each class of damage', () => {
    expect(failure(header(21)).message).toMatchInlineSnapshot(`"truncated trace: nothing follows the header (did the program stop the trace before exiting?)"`);
    expect(failure([...header(21), 0x41, 0x01]).message).toMatchInlineSnapshot(`"truncated trace: the event at offset 0x10 runs past the end of the file at offset 0x12"`);
    expect(failure([...header(21), 0x0e, 5, 1]).message).toMatchInlineSnapshot(`"event GoStart at offset 0x10 has 1 value, want 3"`);
    expect(failure([...header(11), ...batch(0, 100), 0xf1, 3, 1, 2, 3]).message).toMatchInlineSnapshot(`"unknown event type 49 at offset 0x13 for format 1.11"`);
    expect(failure([...header(21), ...batch(0, 100), 0xce, ...uvarint(1 << 30)]).message).toMatchInlineSnapshot(`"event GoStart at offset 0x13: invalid argument length 1073741824, maximum is 2048"`);
    expect(failure([...header(21), ...batch(0, 100), 0x25, 0, 1, 0x41]).message).toMatchInlineSnapshot(`"string at offset 0x13 has the reserved id 0"`);
    expect(failure([...header(21), ...batch(0, 100), 0x25, 3, ...NONE_VARINT]).message).toMatchInlineSnapshot(`"string 3 at offset 0x13: invalid length 2^64-1, want 1 to 1000000"`);
    expect(failure([...header(21), ...batch(0, 100), 0x43, 3, 1, 0, 5]).message).toMatchInlineSnapshot(`"stack at offset 0x13 has 2 values for 1 frame, want 6"`);
    expect(failure([...header(21), ...batch(0, 100), 0x0e, 5]).message).toMatchInlineSnapshot(`"event GoStart at offset 0x13 has 1 value, want 3"`);
    expect(failure([...header(21), ...batch(0, 100), 0x0f, 5]).message).toMatchInlineSnapshot(`"truncated trace: no frequency event (old-format traces write it last, when tracing stops)"`);
  });

  it('gives every error for a cut file a byte offset inside it', () => {
    const whole = fixture('sync/trace-go1.21.out');
    for (let cut = 17; cut < whole.length; cut += 53) {
      let error: TraceFormatError | undefined;
      try {
        readTrace(whole.subarray(0, cut));
      } catch (caught) {
        if (!(caught instanceof TraceFormatError)) throw caught;
        error = caught;
      }
      // A cut between two stack entries of the footer leaves a readable trace.
      if (error === undefined) continue;
      expect(error.offset, `cut at ${cut}: ${error.message}`).toBeGreaterThanOrEqual(0);
      expect(error.offset, `cut at ${cut}`).toBeLessThanOrEqual(cut);
    }
  });
});
