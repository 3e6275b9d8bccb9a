import { IndexedList } from '../../compact-list.ts';
import type { CompactList, Goroutine, Processor, ProcessorRun } from '../../model.ts';
import { PagedColumn } from '../paged-column.ts';
import type { SpanKinds } from './span-kinds.ts';
import type { StoredSpanList } from './span-store.ts';

/** One processor's runs, column-wise. */
class RunList extends IndexedList<ProcessorRun> {
  readonly goroutineIds = new PagedColumn((n) => new Float64Array(n));
  readonly startNs = new PagedColumn((n) => new Float64Array(n));
  readonly endNs = new PagedColumn((n) => new Float64Array(n));

  get length(): number {
    return this.startNs.length;
  }

  protected item(index: number): ProcessorRun {
    return { goroutineId: this.goroutineIds.get(index), startNs: this.startNs.get(index), endNs: this.endNs.get(index) };
  }
}

/**
 * The processors of a Go trace. A goroutine runs on a P from the moment it
 * starts (or returns from a syscall, or is switched to) until it stops,
 * blocks, ends, enters a syscall or switches away — exactly its running
 * spans, which carry the P they ran on. Runs are therefore not stored twice:
 * they are read off the spans the first time any processor's `runs` is
 * asked for (a busy trace has millions), and kept from then on.
 *
 * @example
 * processorsOf([0, 1], goroutines, kinds, durationNs)[1].runs.at(0) // → { goroutineId: 1, startNs: 0, endNs: 5200 }
 */
export function processorsOf(processorIds: readonly number[], goroutines: readonly Goroutine[], kinds: SpanKinds, durationNs: number): Processor[] {
  let byP: Map<number, RunList> | undefined;
  const runsOf = (p: number): CompactList<ProcessorRun> => {
    byP ??= collectRuns(goroutines, kinds, durationNs);
    return byP.get(p) ?? EMPTY;
  };
  return processorIds.map((id) => ({
    id,
    get runs(): CompactList<ProcessorRun> {
      return runsOf(id);
    },
  }));
}

const EMPTY: CompactList<ProcessorRun> = new RunList();

/** Every running span with a P becomes a run of that P; each P's runs end up in start order. */
function collectRuns(goroutines: readonly Goroutine[], kinds: SpanKinds, durationNs: number): Map<number, RunList> {
  const found = new Map<number, { g: number[]; start: number[]; end: number[] }>();
  for (const g of goroutines) {
    const spans = g.spans as StoredSpanList;
    for (let i = 0; i < spans.length; i++) {
      const p = kinds.processor(spans.kind(i));
      if (p < 0) continue;
      let runs = found.get(p);
      if (runs === undefined) {
        runs = { g: [], start: [], end: [] };
        found.set(p, runs);
      }
      runs.g.push(g.id);
      runs.start.push(spans.startNs(i));
      runs.end.push(i + 1 < spans.length ? spans.startNs(i + 1) : (g.endedNs ?? durationNs));
    }
  }

  const byP = new Map<number, RunList>();
  for (const [p, runs] of found) {
    const order = Array.from(runs.start, (_, i) => i).sort((a, b) => (runs.start[a] as number) - (runs.start[b] as number));
    const list = new RunList();
    for (const i of order) {
      list.goroutineIds.push(runs.g[i] as number);
      list.startNs.push(runs.start[i] as number);
      list.endNs.push(runs.end[i] as number);
    }
    byP.set(p, list);
  }
  return byP;
}
