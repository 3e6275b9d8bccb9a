import type { RuntimeSpan, UserLog, UserRegion } from '../../model.ts';
import { NONE } from './byte-cursor.ts';
import type { TraceEvent } from './event-cursor.ts';
import { argIndex, EventType as E } from './event-table.ts';

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

/** What the activity tracker found: plain data, so it can cross to another thread. */
export interface Activity {
  /** Every P seen, sorted. */
  processorIds: number[];
  gcSpans: RuntimeSpan[];
  stwSpans: RuntimeSpan[];
  /** Regions by goroutine id, by start time. */
  regions: Map<number, UserRegion[]>;
  /** Logs by goroutine id, in time order. */
  logs: Map<number, UserLog[]>;
}

/**
 * Everything beside goroutine states that later stages draw: which
 * processors (P) exist, garbage collections and stop-the-world pauses, and
 * each goroutine's user regions and logs (`runtime/trace` annotations). Fed
 * the same ordered, new-model events as the goroutine tracker, with the P
 * each happened on. (Which goroutine a P runs when is read off the running
 * spans, see `processorsOf`.)
 */
export class ActivityTracker {
  private readonly processorIds = new Set<number>();
  private readonly gc: RuntimeSpan[] = [];
  private readonly stw: RuntimeSpan[] = [];
  private gcOpen: RuntimeSpan | undefined;
  private stwOpen: RuntimeSpan | undefined;
  private readonly regions = new Map<number, UserRegion[]>();
  private readonly openRegions = new Map<number, UserRegion[]>();
  private readonly logs = new Map<number, UserLog[]>();

  /** Feeds one event; `g` is the goroutine current where it happened (-1 for none). */
  handle(event: TraceEvent, g: number): void {
    const { timeNs } = event;
    switch (event.type) {
      case E.ProcStart:
      case E.ProcStatus:
        if (event.arg(0) !== NONE) this.processorIds.add(event.arg(0));
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

  /** Closes whatever is still open at `endNs` and returns the processor ids, sorted, and the GC and STW spans. */
  finish(endNs: number): Activity {
    if (this.gcOpen !== undefined) this.gcOpen.endNs = endNs;
    if (this.stwOpen !== undefined) this.stwOpen.endNs = endNs;
    for (const regions of this.regions.values()) regions.sort((a, b) => a.startNs - b.startNs);
    return {
      processorIds: [...this.processorIds].sort((a, b) => a - b),
      gcSpans: this.gc,
      stwSpans: this.stw,
      regions: this.regions,
      logs: this.logs,
    };
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
