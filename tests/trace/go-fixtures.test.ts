/**
 * Every recorded Go fixture trace against what Go's own reader saw in it
 * (tests/fixtures/go/<program>/trace-go1.NN.expect.json, written by
 * tests/fixtures/go/expect.mjs from `go tool trace -d=parsed`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readGoTraceWithStats } from '../../src/trace/go/read-go-trace.ts';
import { readTrace } from '../../src/trace/read-trace.ts';
import { plainModel } from './helpers/plain-model.ts';

interface Expected {
  header: string;
  generations: number;
  goroutines: { id: number; name: string; transitions: number }[];
}

const FIXTURES = fileURLToPath(new URL('../fixtures/go', import.meta.url));

const traces = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((dir) =>
    readdirSync(join(FIXTURES, dir.name))
      .filter((name) => name.endsWith('.out'))
      .map((name) => ({ label: `${dir.name}/${name}`, path: join(FIXTURES, dir.name, name) })),
  )
  .sort((a, b) => a.label.localeCompare(b.label));

describe('readGoTrace on recorded fixtures', () => {
  it.each(['1.19', '1.21', '1.22', '1.23', '1.25', '1.26'])('finds fixtures recorded with Go %s', (version) => {
    expect(traces.filter((t) => t.label.endsWith(`go${version}.out`)).length).toBeGreaterThanOrEqual(8);
  });

  describe.each(traces)('$label', ({ path }) => {
    const bytes = readFileSync(path);
    const expected = JSON.parse(readFileSync(path.replace(/\.out$/, '.expect.json'), 'utf8')) as Expected;
    const { model, stats } = readGoTraceWithStats(bytes);

    it('lists the goroutines, names and transition counts Go reports', () => {
      const got = model.goroutines.map((g) => ({ id: g.id, name: g.name, transitions: g.transitions }));
      expect(got).toEqual(expected.goroutines);
    });

    it('reads every generation in order without forcing any event', () => {
      expect(stats.generations).toBe(expected.generations);
      expect(stats.forcedEvents).toBe(0);
    });

    it('reports the header version', () => {
      expect(`go ${model.goVersion} trace`).toBe(expected.header);
      expect(model.format).toBe('go');
    });

    it('keeps spans non-empty, ordered and within the trace', () => {
      for (const g of model.goroutines) {
        expect(g.spans.length, `goroutine ${g.id}`).toBeGreaterThan(0);
        for (let i = 1; i < g.spans.length; i++) {
          expect(g.spans.at(i)!.startNs, `goroutine ${g.id} span ${i}`).toBeGreaterThan(g.spans.at(i - 1)!.startNs);
        }
        expect(g.spans.at(-1)!.startNs).toBeLessThanOrEqual(model.durationNs);
        if (g.endedNs !== null) expect(g.endedNs).toBeGreaterThanOrEqual(g.spans.at(-1)!.startNs);
      }
    });

    it('sorts messages by send time and points them at known goroutines', () => {
      const ids = new Set(model.goroutines.map((g) => g.id));
      for (let i = 1; i < model.messages.length; i++) {
        expect(model.messages.at(i)!.sendNs).toBeGreaterThanOrEqual(model.messages.at(i - 1)!.sendNs);
      }
      for (const m of model.messages) {
        expect(ids.has(m.fromId) && ids.has(m.toId), JSON.stringify(m)).toBe(true);
        expect(m.receiveNs).toBeGreaterThanOrEqual(m.sendNs);
      }
    });

    it('flags unnamed and runtime goroutines as runtime, and only those', () => {
      // iter.Pull's runtime.corostart counts as runtime; net/http's goroutines do not.
      for (const g of model.goroutines) {
        const runtime = g.name === '' || g.name.startsWith('runtime/trace.') || (g.name.startsWith('runtime.') && g.name !== 'runtime.main');
        expect(g.runtime, `${g.id} ${g.name}`).toBe(runtime);
      }
    });

    it('keeps processor runs ordered, non-overlapping and on known goroutines', () => {
      const ids = new Set(model.goroutines.map((g) => g.id));
      expect(model.processors?.length).toBeGreaterThan(0);
      for (const p of model.processors ?? []) {
        p.runs.toArray().forEach((run, i, runs) => {
          expect(ids.has(run.goroutineId), `P${p.id} run ${i}`).toBe(true);
          expect(run.endNs, `P${p.id} run ${i}`).toBeGreaterThanOrEqual(run.startNs);
          if (i > 0) expect(run.startNs, `P${p.id} run ${i}`).toBeGreaterThanOrEqual(runs[i - 1]!.endNs);
        });
      }
    });

    it('has GC and stop-the-world spans in order, and the pause that starts a new-format trace', () => {
      // Old-format traces begin after that pause.
      if (Number(model.goVersion!.slice(2)) >= 22) expect(model.stwSpans?.[0]?.reason).toBe('start trace');
      for (const span of [...(model.stwSpans ?? []), ...(model.gcSpans ?? [])]) {
        expect(span.endNs).toBeGreaterThanOrEqual(span.startNs);
      }
    });

    it('gives the same model through readTrace', () => {
      expect(plainModel(readTrace(bytes))).toEqual(plainModel(model));
    });
  });
});
