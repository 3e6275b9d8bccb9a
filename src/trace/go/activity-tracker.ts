import type { Goroutine, Processor, ProcessorRun, RuntimeSpan, UserLog, UserRegion } from '../../model.ts';
import { NONE } from './byte-cursor.ts';
import type { TraceEvent } from './event-cursor.ts';
import { argIndex, EventType as E } from './event-table.ts';
import { GoStatus } from './scheduler-state.ts';

/** Event types this tracker reads that the reader's `EventType` table does not name. */
const STWBegin = 26;
const STWEnd = 27;
const UserRegionBegin = 42;
const UserRegionEnd = 43;
const UserLogType = 44;

const STW_KIND = argIndex(STWBegin, 'kind_string');
const REGION_TASK = argIndex(UserRegionBegin, 'task');
const REGION_NAME = argIndex(UserRegionBegin, 'name_string');
const LOG_TASK = argIndex(UserLogType, 'task');
const LOG_KEY = argIndex(UserLogType, 'key_string');
const LOG_VALUE = argIndex(UserLogType, 'value_string');

interface OpenRun {
  p: number;
  startNs: number;
}

/**
 * Everything beside goroutine states that later stages draw: which
 * goroutine each processor (P) runs when, garbage collections and
 * stop-the-world pauses, and each goroutine's user regions and logs
 * (`runtime/trace` annotations). Fed the same ordered, new-model events as
 * the goroutine tracker, with the P each happened on.
 *
 * A goroutine runs on a P from the moment it starts (or returns from a
 * syscall, or is switched to) until it stops, blocks, ends, enters a syscall
 * or switches away; time spent in a syscall is not a run.
 */
export class ActivityTracker {
  private readonly openRuns = new Map<number, OpenRun>();
  private readonly runsByP = new Map<number, ProcessorRun[]>();
  private readonly gc: RuntimeSpan[] = [];
  private readonly stw: RuntimeSpan[] = [];
  private gcOpen: RuntimeSpan | undefined;
  private stwOpen: RuntimeSpan | undefined;
  private readonly regions = new Map<number, UserRegion[]>();
  private readonly openRegions = new Map<number, UserRegion[]>();
  private readonly logs = new Map<number, UserLog[]>();

  /** Feeds one event; `g` and `p` are the goroutine and P current where it happened (-1 for none). */
  handle(event: TraceEvent, g: number, p: number, timeNs: number): void {
    switch (event.type) {
      case E.ProcStart:
      case E.ProcStatus:
        this.procsOf(event.arg(0));
        break;
      case E.GoStart:
        this.openRun(event.arg(0), p, timeNs);
        break;
      case E.GoStatus:
      case E.GoStatusStack:
        if (event.arg(2) === GoStatus.Running) this.openRun(event.arg(0), p, timeNs);
        break;
      case E.GoSyscallEnd:
        this.openRun(g, p, timeNs);
        break;
      case E.GoSwitch:
      case E.GoSwitchDestroy:
        this.closeRun(g, timeNs);
        this.openRun(event.arg(0), p, timeNs);
        break;
      case E.GoStop:
      case E.GoBlock:
      case E.GoDestroy:
      case E.GoSyscallBegin:
      case E.GoSyscallEndBlocked:
      case E.GoDestroySyscall:
        this.closeRun(g, timeNs);
        break;
      case E.GCActive:
      case E.GCBegin:
        this.gcOpen ??= this.push(this.gc, { startNs: timeNs, endNs: timeNs });
        break;
      case E.GCEnd:
        if (this.gcOpen !== undefined) this.gcOpen.endNs = timeNs;
        this.gcOpen = undefined;
        break;
      case STWBegin:
        this.stwOpen = this.push(this.stw, { startNs: timeNs, endNs: timeNs, reason: textOf(event, event.arg(STW_KIND)) });
        break;
      case STWEnd:
        if (this.stwOpen !== undefined) this.stwOpen.endNs = timeNs;
        this.stwOpen = undefined;
        break;
      case UserRegionBegin:
        this.beginRegion(event, g, timeNs);
        break;
      case UserRegionEnd:
        this.endRegion(event, g, timeNs);
        break;
      case UserLogType:
        if (g === NONE) break;
        listOf(this.logs, g).push({
          timeNs,
          taskId: event.arg(LOG_TASK),
          category: textOf(event, event.arg(LOG_KEY)),
          message: textOf(event, event.arg(LOG_VALUE)),
        });
        break;
    }
  }

  /** Closes whatever is still open at `endNs` and returns the processors, sorted by id, and the GC and STW spans. */
  finish(endNs: number): { processors: Processor[]; gcSpans: RuntimeSpan[]; stwSpans: RuntimeSpan[] } {
    for (const g of [...this.openRuns.keys()]) this.closeRun(g, endNs);
    if (this.gcOpen !== undefined) this.gcOpen.endNs = endNs;
    if (this.stwOpen !== undefined) this.stwOpen.endNs = endNs;
    const processors = [...this.runsByP.entries()]
      .sort(([a], [b]) => a - b)
      .map(([id, runs]) => ({ id, runs: sortedByStart(runs) }));
    return { processors, gcSpans: this.gc, stwSpans: this.stw };
  }

  /** Adds each goroutine's regions and logs (only to those that have some). */
  annotate(goroutines: Goroutine[]): void {
    for (const g of goroutines) {
      const regions = this.regions.get(g.id);
      if (regions !== undefined) g.regions = regions.sort((a, b) => a.startNs - b.startNs);
      const logs = this.logs.get(g.id);
      if (logs !== undefined) g.logs = logs;
    }
  }

  private procsOf(p: number): ProcessorRun[] {
    return listOf(this.runsByP, p);
  }

  private openRun(g: number, p: number, timeNs: number): void {
    if (g === NONE || p === NONE) return;
    this.closeRun(g, timeNs);
    this.openRuns.set(g, { p, startNs: timeNs });
  }

  private closeRun(g: number, timeNs: number): void {
    const run = this.openRuns.get(g);
    if (run === undefined) return;
    this.openRuns.delete(g);
    this.procsOf(run.p).push({ goroutineId: g, startNs: run.startNs, endNs: timeNs });
  }

  private beginRegion(event: TraceEvent, g: number, timeNs: number): void {
    if (g === NONE) return;
    const region: UserRegion = { name: textOf(event, event.arg(REGION_NAME)), taskId: event.arg(REGION_TASK), startNs: timeNs, endNs: null };
    listOf(this.regions, g).push(region);
    listOf(this.openRegions, g).push(region);
  }

  /** Ends the innermost open region of that name; one begun before tracing started runs from time 0. */
  private endRegion(event: TraceEvent, g: number, timeNs: number): void {
    if (g === NONE) return;
    const name = textOf(event, event.arg(REGION_NAME));
    const open = listOf(this.openRegions, g);
    const at = open.findLastIndex((region) => region.name === name);
    if (at >= 0) {
      (open[at] as UserRegion).endNs = timeNs;
      open.splice(at, 1);
      return;
    }
    listOf(this.regions, g).push({ name, taskId: event.arg(REGION_TASK), startNs: 0, endNs: timeNs });
  }

  private push(list: RuntimeSpan[], span: RuntimeSpan): RuntimeSpan {
    list.push(span);
    return span;
  }
}

/** Runs close in start order except those closed by {@link ActivityTracker.finish}; sort only when needed. */
function sortedByStart(runs: ProcessorRun[]): ProcessorRun[] {
  for (let i = 1; i < runs.length; i++) {
    if ((runs[i] as ProcessorRun).startNs < (runs[i - 1] as ProcessorRun).startNs) return runs.sort((x, y) => x.startNs - y.startNs);
  }
  return runs;
}

function textOf(event: TraceEvent, stringId: number): string {
  return event.tables.strings.get(stringId) ?? '';
}

function listOf<T>(map: Map<number, T[]>, key: number): T[] {
  let list = map.get(key);
  if (list === undefined) {
    list = [];
    map.set(key, list);
  }
  return list;
}
