/**
 * `gotrace-render inspect TRACE [--json]`: what a trace holds, without
 * rendering — format, Go version, duration, goroutines by start function,
 * messages, blocked time by reason, goroutines still alive at the end.
 */

import type { Goroutine, TraceModel } from '../model.ts';
import { loadTrace } from './load-trace.ts';

/** Flags of `inspect`. */
export interface InspectFlags {
  json?: boolean;
}

/** How many start functions and live goroutines the human summary lists. */
const LISTED = 12;

/** One goroutine in `inspect --json`. */
export interface InspectedGoroutine {
  id: number;
  name: string;
  parentId: number | null;
  createdNs: number;
  endedNs: number | null;
  /** State transitions Go's own reader reports for it (Go traces); 0 for other formats. */
  transitions: number;
}

/** The object `inspect --json` prints. */
export interface InspectReport {
  format: TraceModel['format'];
  goVersion: string | null;
  durationNs: number;
  /** Every goroutine the trace mentions, runtime ones included, by id. */
  goroutines: InspectedGoroutine[];
  /** Number of inferred messages. */
  messages: number;
  /** Messages per operation (`send`, `receive`, `select`, `close`, `mutex`, …; `channel`/`sync` when unknown). */
  messagesByOperation: Record<string, number>;
  /** Nanoseconds goroutines spent blocked or sleeping, per reason as the trace spells it. */
  blockedNsByReason: Record<string, number>;
  /** Ids of goroutines that had not ended when the trace stopped. */
  aliveAtEnd: number[];
  processors: number;
  gcCount: number;
  stwCount: number;
}

/** Prints the summary of one trace to stdout. */
export async function inspectCommand(tracePath: string, flags: InspectFlags): Promise<void> {
  const model = await loadTrace(tracePath);
  const report = inspectModel(model);
  process.stdout.write(flags.json ? `${JSON.stringify(report)}\n` : formatReport(report, model));
}

/**
 * The `inspect` report of a model; pure, for tests.
 *
 * @internal
 * @example
 * inspectModel(model).goroutines[0] // → { id: 1, name: 'main.main', parentId: null, createdNs: 0, endedNs: null, transitions: 8 }
 */
export function inspectModel(model: TraceModel): InspectReport {
  const messagesByOperation: Record<string, number> = {};
  for (const message of model.messages) {
    const key = message.operation ?? message.kind;
    messagesByOperation[key] = (messagesByOperation[key] ?? 0) + 1;
  }
  return {
    format: model.format,
    goVersion: model.goVersion,
    durationNs: model.durationNs,
    goroutines: model.goroutines.map((g) => ({
      id: g.id,
      name: g.name,
      parentId: g.parentId,
      createdNs: g.createdNs,
      endedNs: g.endedNs,
      transitions: g.transitions ?? 0,
    })),
    messages: model.messages.length,
    messagesByOperation,
    blockedNsByReason: blockedTime(model),
    aliveAtEnd: model.goroutines.filter((g) => g.endedNs === null).map((g) => g.id),
    processors: model.processors?.length ?? 0,
    gcCount: model.gcSpans?.length ?? 0,
    stwCount: model.stwSpans?.length ?? 0,
  };
}

/**
 * The human-readable summary.
 *
 * @internal
 */
export function formatReport(report: InspectReport, model: TraceModel): string {
  const lines: string[] = [];
  const format = report.format === 'go' ? `Go execution trace, format ${report.goVersion}` : `${report.format} recording`;
  lines.push(`format      ${format}`);
  lines.push(`duration    ${formatNs(report.durationNs)}`);
  const runtimeCount = model.goroutines.filter((g) => g.runtime).length;
  lines.push(`goroutines  ${report.goroutines.length} (${runtimeCount} started by the runtime)`);
  for (const [name, count] of countBy(model.goroutines, (g) => g.name || '(unnamed)').slice(0, LISTED)) {
    lines.push(`  ${String(count).padStart(6)}  ${name}`);
  }
  const operations = Object.entries(report.messagesByOperation).map(([op, n]) => `${n} ${op}`).join(', ');
  lines.push(`messages    ${report.messages}${operations === '' ? '' : ` (${operations})`}`);
  lines.push('blocked     time spent blocked or sleeping, all goroutines');
  const reasons = Object.entries(report.blockedNsByReason).sort(([, a], [, b]) => b - a);
  for (const [reason, ns] of reasons) lines.push(`  ${formatNs(ns).padStart(10)}  ${reason}`);
  if (report.format === 'go') {
    lines.push(`runtime     ${report.processors} processors, ${report.gcCount} GC cycles, ${report.stwCount} stop-the-world pauses`);
  }
  const alive = report.aliveAtEnd;
  const shown = alive.slice(0, LISTED).map((id) => `${id} ${model.goroutines.find((g) => g.id === id)?.name ?? ''}`.trim());
  lines.push(`alive       ${alive.length} goroutines still running at the end${alive.length > 0 ? ':' : ''}`);
  for (const entry of shown) lines.push(`  ${entry}`);
  if (alive.length > LISTED) lines.push(`  … and ${alive.length - LISTED} more`);
  return `${lines.join('\n')}\n`;
}

function blockedTime(model: TraceModel): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const g of model.goroutines) {
    let next = g.spans.at(0);
    for (let i = 0; next !== undefined; i++) {
      const span = next;
      next = g.spans.at(i + 1);
      if (span.state !== 'blocked' && span.state !== 'sleeping') continue;
      const endNs = next?.startNs ?? g.endedNs ?? model.durationNs;
      // A wait with no recorded reason is one that began before tracing started; say so instead of a bare "other".
      const unrecorded = span.reason === 'other' || span.reason === undefined ? 'waiting since before the trace (reason not recorded)' : span.reason;
      const key = span.reasonText ?? (span.state === 'sleeping' ? 'sleep' : unrecorded);
      totals[key] = (totals[key] ?? 0) + Math.max(0, endNs - span.startNs);
    }
  }
  return totals;
}

function countBy(goroutines: readonly Goroutine[], key: (g: Goroutine) => string): [string, number][] {
  const counts = new Map<string, number>();
  for (const g of goroutines) counts.set(key(g), (counts.get(key(g)) ?? 0) + 1);
  return [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
}

/** `1.234 s`, `56.7 ms`, `890 µs`, `12 ns`. */
function formatNs(ns: number): string {
  if (ns >= 1e9) return `${(ns / 1e9).toFixed(3)} s`;
  if (ns >= 1e6) return `${(ns / 1e6).toFixed(1)} ms`;
  if (ns >= 1e3) return `${(ns / 1e3).toFixed(0)} µs`;
  return `${ns} ns`;
}
