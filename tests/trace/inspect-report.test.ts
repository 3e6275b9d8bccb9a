/** `inspect --json`: the shape the issue asks for, with Go's transition counts, for every trace version. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatReport, inspectModel } from '../../src/cli/inspect-command.ts';
import { readTrace } from '../../src/trace/read-trace.ts';

const DIR = fileURLToPath(new URL('../fixtures/go/sync/', import.meta.url));
const traces = readdirSync(DIR).filter((name) => name.endsWith('.out')).sort();

describe.each(traces)('inspectModel on sync/%s', (name) => {
  const model = readTrace(readFileSync(DIR + name));
  const report = inspectModel(model);
  const expected = JSON.parse(readFileSync(DIR + name.replace(/\.out$/, '.expect.json'), 'utf8')) as {
    goroutines: { id: number; name: string; transitions: number }[];
  };

  it('lists every goroutine with Go’s transition count and the required fields', () => {
    expect(report.goroutines.map(({ id, name: goName, transitions }) => ({ id, name: goName, transitions }))).toEqual(expected.goroutines);
    for (const g of report.goroutines) expect(Object.keys(g)).toEqual(['id', 'name', 'parentId', 'createdNs', 'endedNs', 'transitions']);
    expect(report.format).toBe('go');
    expect(report.goVersion).toBe(name.slice('trace-go'.length, -'.out'.length));
    expect(report.durationNs).toBe(model.durationNs);
    expect(report.messages).toBe(model.messages.length);
  });

  it('counts mutex, WaitGroup and Cond hand-offs and the time spent waiting on them', () => {
    expect(report.messagesByOperation['mutex']).toBeGreaterThan(0);
    expect(report.messagesByOperation['cond']).toBeGreaterThan(0);
    expect(report.blockedNsByReason['sync']).toBeGreaterThan(0);
    expect(report.blockedNsByReason['sleep']).toBeGreaterThan(0);
  });

  it('prints a summary that names the format and the program’s goroutines', () => {
    const text = formatReport(report, model);
    expect(text).toContain(`Go execution trace, format ${report.goVersion}`);
    expect(text).toMatch(/\n\s+4 {2}main\.main\.func1\n/);
    expect(text).toContain('alive ');
  });
});
