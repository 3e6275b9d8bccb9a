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
  it('finds fixtures of both recorded Go versions', () => {
    expect(traces.some((t) => t.label.endsWith('go1.22.out'))).toBe(true);
    expect(traces.some((t) => t.label.endsWith('go1.26.out'))).toBe(true);
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
          expect(g.spans[i]!.startNs, `goroutine ${g.id} span ${i}`).toBeGreaterThan(g.spans[i - 1]!.startNs);
        }
        expect(g.spans.at(-1)!.startNs).toBeLessThanOrEqual(model.durationNs);
        if (g.endedNs !== null) expect(g.endedNs).toBeGreaterThanOrEqual(g.spans.at(-1)!.startNs);
      }
    });

    it('sorts messages by send time and points them at known goroutines', () => {
      const ids = new Set(model.goroutines.map((g) => g.id));
      for (let i = 1; i < model.messages.length; i++) {
        expect(model.messages[i]!.sendNs).toBeGreaterThanOrEqual(model.messages[i - 1]!.sendNs);
      }
      for (const m of model.messages) {
        expect(ids.has(m.fromId) && ids.has(m.toId), JSON.stringify(m)).toBe(true);
        expect(m.receiveNs).toBeGreaterThanOrEqual(m.sendNs);
      }
    });

    it('flags every goroutine outside package main as runtime', () => {
      // The fixtures start goroutines only from package main (iter.Pull's runtime.corostart counts as runtime).
      for (const g of model.goroutines) expect(g.runtime, `${g.id} ${g.name}`).toBe(!g.name.startsWith('main.'));
    });

    it('gives the same model through readTrace', () => {
      expect(readTrace(bytes)).toEqual(model);
    });
  });
});
