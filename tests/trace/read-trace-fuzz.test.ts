/** Damaged input of any shape gives a model or a TraceFormatError: never another exception, never a hang. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TraceFormatError } from '../../src/errors.ts';
import { readTrace } from '../../src/trace/read-trace.ts';

const fixture = (name: string): Uint8Array => readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)));

const GO_TRACES = [fixture('go/sync/trace-go1.26.out'), fixture('go/select/trace-go1.22.out'), fixture('go/iterpull/trace-go1.26.out')];

/** True when reading either fails with our typed error or gives a well-formed model. */
function readsOrFailsCleanly(bytes: Uint8Array): boolean {
  try {
    const model = readTrace(bytes);
    for (const g of model.goroutines) {
      if (!Number.isInteger(g.id) || g.id < 0 || g.spans.length === 0) throw new Error(`bad goroutine ${g.id}`);
    }
    return true;
  } catch (error) {
    if (error instanceof TraceFormatError) return true;
    throw error;
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
    fc.assert(fc.property(damagedTrace, readsOrFailsCleanly), { numRuns: 300, seed: 20260204 });
  });

  it('reads or throws TraceFormatError for arbitrary bytes after a valid header', () => {
    const header = GO_TRACES[0]!.subarray(0, 16);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (tail) => readsOrFailsCleanly(Uint8Array.from([...header, ...tail]))),
      { numRuns: 300, seed: 7 },
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
      { numRuns: 200, seed: 11 },
    );
  });

  it('still reads every undamaged fixture', () => {
    for (const bytes of GO_TRACES) expect(readTrace(bytes).goroutines.length).toBeGreaterThan(0);
  });
});
