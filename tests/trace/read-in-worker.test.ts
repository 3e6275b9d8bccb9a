/**
 * The two-thread read of a trace file (ordering in a worker, goroutines on
 * this thread) against the one-thread read: same model, same counts, same
 * errors. Runs the bundled worker that `npm test` builds into dist/.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { TraceFormatError } from '../../src/errors.ts';
import { openFileSource } from '../../src/trace/byte-source.ts';
import { readGoTraceWithStats } from '../../src/trace/go/read-go-trace.ts';
import { orderWorkerAvailable, readGoTraceFileInWorker } from '../../src/trace/go/read-in-worker.ts';
import { plainModel } from './helpers/plain-model.ts';

const WORKER = new URL('../../dist/order-worker.js', import.meta.url);
const FIXTURES = fileURLToPath(new URL('../fixtures/go', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'gotrace-worker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** One fixture of each new-format version, plus the largest. */
const NEW_FORMAT = ['pingpong/trace-go1.22.out', 'select/trace-go1.23.out', 'sync/trace-go1.25.out', 'netserver/trace-go1.26.out', 'thousands/trace-go1.26.out'];

function inWorker(path: string, workerUrl = WORKER) {
  const source = openFileSource(path);
  try {
    return readGoTraceFileInWorker(source, { workerUrl, startupPatienceMs: 1000 });
  } finally {
    source.close();
  }
}

function oneThreadError(bytes: Uint8Array): TraceFormatError | undefined {
  try {
    readGoTraceWithStats(bytes);
    return undefined;
  } catch (error) {
    return error as TraceFormatError;
  }
}

describe('readGoTraceFileInWorker', () => {
  it('finds the bundled worker', () => {
    expect(orderWorkerAvailable(WORKER)).toBe(true);
    expect(orderWorkerAvailable(new URL('./no-such-worker.js', WORKER))).toBe(false);
  });

  it.each(NEW_FORMAT)('reads %s exactly as one thread does', (name) => {
    const path = join(FIXTURES, name);
    const expected = readGoTraceWithStats(readFileSync(path));
    const read = inWorker(path);
    expect(read?.stats).toEqual(expected.stats);
    expect(plainModel(read!.model)).toEqual(plainModel(expected.model));
  });

  it('leaves old-format traces to the one-thread reader', () => {
    const name = readdirSync(join(FIXTURES, 'pingpong')).find((file) => file.endsWith('go1.21.out'))!;
    expect(inWorker(join(FIXTURES, 'pingpong', name))).toBeUndefined();
  });

  it('reports damage found by the worker as one thread would, with the offset', () => {
    const bytes = readFileSync(join(FIXTURES, 'thousands/trace-go1.26.out'));
    const damaged = [0.3, 0.5, 0.7, 0.9]
      .map((at) => {
        const copy = Uint8Array.from(bytes);
        copy[Math.floor(copy.length * at)] = 0xff;
        return copy;
      })
      .filter((copy) => oneThreadError(copy) !== undefined);
    expect(damaged.length).toBeGreaterThan(0);
    for (const [i, copy] of damaged.entries()) {
      const path = join(dir, `damaged-${i}.out`);
      writeFileSync(path, copy);
      const expected = oneThreadError(copy)!;
      expect(() => inWorker(path)).toThrow(expect.objectContaining({ name: 'TraceFormatError', message: expected.message, offset: expected.offset }));
    }
  });

  it('gives up quickly on a worker that never starts, leaving the read to one thread', () => {
    const broken = join(dir, 'broken-worker.mjs');
    writeFileSync(broken, "throw new Error('this worker fails to load');\n");
    const startedMs = performance.now();
    expect(inWorker(join(FIXTURES, NEW_FORMAT[0]!), pathToFileURL(broken))).toBeUndefined();
    expect(performance.now() - startedMs).toBeLessThan(5000);
  });

  it('reports a truncated file as one thread would', () => {
    const bytes = readFileSync(join(FIXTURES, 'netserver/trace-go1.26.out'));
    const cut = bytes.subarray(0, Math.floor(bytes.length * 0.6));
    const path = join(dir, 'cut.out');
    writeFileSync(path, cut);
    expect(() => inWorker(path)).toThrow(oneThreadError(cut)!.message);
  });
});
