/** Damaged input of any shape gives a model or a TraceFormatError: never another exception, never a hang. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TraceFormatError } from '../../src/errors.ts';
import { readTrace } from '../../src/trace/read-trace.ts';

const fixture = (name: string): Uint8Array => readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)));

const GO_TRACES = [
  fixture('go/sync/trace-go1.26.out'),
  fixture('go/select/trace-go1.22.out'),
  fixture('go/iterpull/trace-go1.26.out'),
  fixture('go/netserver/trace-go1.25.out'),
  fixture('go/sync/trace-go1.19.out'),
  fixture('go/netserver/trace-go1.21.out'),
];

/** Cases per property: about 3 600 in all in CI; locally `GOTRACE_FUZZ_RUNS=50000 GOTRACE_FUZZ_SEED=N npx vitest run read-trace-fuzz`. */
const RUNS = Number(process.env['GOTRACE_FUZZ_RUNS'] ?? 600);

/** Added to each property's fixed seed, so local runs can explore other inputs. */
const SEED_SHIFT = Number(process.env['GOTRACE_FUZZ_SEED'] ?? 0);

/** True when reading either fails with our typed error or gives a well-formed model. */
function readsOrFailsCleanly(bytes: Uint8Array): boolean {
  try {
    const model = readTrace(bytes);
    for (const g of model.goroutines) {
      if (!Number.isInteger(g.id) || g.id < 0 || g.spans.length === 0) throw new Error(`bad goroutine ${g.id}`);
    }
    return true;
  } catch (error) {
    if (!(error instanceof TraceFormatError)) throw error;
    // Go traces point at a byte; gotrace recordings are JSON and name the element instead.
    const isGoTrace = bytes[0] === 0x67 && bytes[1] === 0x6f;
    const { offset } = error;
    if (isGoTrace && (offset === undefined || offset < 0 || offset > bytes.length)) {
      throw new Error(`no byte offset in the range of the input: ${error.message}`);
    }
    return true;
  }
}

/** A trace with some bytes overwritten and optionally cut short. */
const damagedTrace = fc
  .record({
    source: fc.nat({ max: GO_TRACES.length - 1 }),
    edits: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
    cut: fc.option(fc.nat(), { nil: undefined }),
  })
  .map(({ source, edits, cut }) => {
    const bytes = Uint8Array.from(GO_TRACES[source]!);
    // Leave the header alone so the damage reaches the decoder.
    for (const [at, value] of edits) bytes[16 + (at % (bytes.length - 16))] = value;
    return cut === undefined ? bytes : bytes.subarray(0, 16 + (cut % (bytes.length - 16)));
  });

describe('readTrace on damaged input', () => {
  it('reads or throws TraceFormatError for Go traces with random bytes overwritten', () => {
    fc.assert(fc.property(damagedTrace, readsOrFailsCleanly), { numRuns: RUNS * 3, seed: 20260204 + SEED_SHIFT });
  });

  it('reads or throws TraceFormatError for arbitrary bytes after a valid header of any version', () => {
    const headers = ['11', '19', '21', '22', '23', '25', '26'].map((v) => [...new TextEncoder().encode(`go 1.${v} trace`), 0, 0, 0]);
    fc.assert(
      fc.property(fc.nat({ max: headers.length - 1 }), fc.uint8Array({ maxLength: 200 }), (which, tail) =>
        readsOrFailsCleanly(Uint8Array.from([...headers[which]!, ...tail])),
      ),
      { numRuns: RUNS, seed: 7 + SEED_SHIFT },
    );
  });

  it('reads or throws TraceFormatError when a length field claims gigabytes', () => {
    // 0xff × 9 then 0x0f: a varint near 2^63 spliced in after a batch or event start.
    const huge = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f];
    fc.assert(
      fc.property(fc.nat({ max: GO_TRACES.length - 1 }), fc.nat(), (source, at) => {
        const bytes = GO_TRACES[source]!;
        const cut = 16 + (at % (bytes.length - 16));
        return readsOrFailsCleanly(Uint8Array.from([...bytes.subarray(0, cut), ...huge, ...bytes.subarray(cut)]));
      }),
      { numRuns: RUNS, seed: 13 + SEED_SHIFT },
    );
  });

  it('reads or throws TraceFormatError for gotrace-like text', () => {
    const command = fc.record({
      t: fc.oneof(fc.integer(), fc.double(), fc.string()),
      command: fc.constantFrom('create goroutine', 'stop goroutine', 'send to channel', 'block goroutine', 'x'),
      name: fc.constantFrom('main', '#1', '#2', 'a #3', ''),
      parent: fc.constantFrom('main', '#1', 'nobody'),
      from: fc.constantFrom('main', '#2'),
      to: fc.constantFrom('main', '#2'),
      value: fc.jsonValue(),
    });
    fc.assert(
      fc.property(fc.array(command, { maxLength: 12 }), fc.boolean(), (commands, wrap) => {
        const json = JSON.stringify(commands);
        return readsOrFailsCleanly(new TextEncoder().encode(wrap ? `data = ${json};` : json));
      }),
      { numRuns: RUNS, seed: 11 + SEED_SHIFT },
    );
  });

  it('still reads every undamaged fixture', () => {
    for (const bytes of GO_TRACES) expect(readTrace(bytes).goroutines.length).toBeGreaterThan(0);
  });
});
