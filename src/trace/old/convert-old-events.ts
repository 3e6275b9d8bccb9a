import { TraceFormatError } from '../../errors.ts';
import { hex, NONE } from '../go/byte-cursor.ts';
import type { TraceEvent } from '../go/event-cursor.ts';
import { EventType as E } from '../go/event-table.ts';
import type { GenerationTables } from '../go/generation-tables.ts';
import { GoStatus, ProcStatus } from '../go/scheduler-state.ts';
import type { DecodedOldTrace } from './decode-old-trace.ts';
import type { OldEventStore } from './old-event-store.ts';
import { OldType as T } from './old-event-table.ts';

/** Receives converted events in order (their `timeNs` set), with the goroutine and P they happened on (-1 for none). */
export type ConvertedSink = (event: TraceEvent, g: number, p: number) => void;

/** New-model types the conversion writes that the reader's `EventType` table does not name. */
const N = { STWBegin: 26, STWEnd: 27, GCSweepBegin: 32, GCSweepEnd: 33, GCMarkAssistBegin: 35, GCMarkAssistEnd: 36,
  HeapAlloc: 37, HeapGoal: 38, GoLabel: 39, UserTaskBegin: 40, UserTaskEnd: 41, UserRegionBegin: 42,
  UserRegionEnd: 43, UserLog: 44, CPUSample: 7 } as const;

/** How each old blocking or stopping event reads in the new model: [new type, reason text]. */
const STOPS: ReadonlyMap<number, readonly [number, string]> = new Map([
  [T.GoStop, [E.GoBlock, 'forever']],
  [T.GoSched, [E.GoStop, 'runtime.Gosched']],
  [T.GoPreempt, [E.GoStop, 'preempted']],
  [T.GoSleep, [E.GoBlock, 'sleep']],
  [T.GoBlock, [E.GoBlock, '']],
  [T.GoBlockSend, [E.GoBlock, 'chan send']],
  [T.GoBlockRecv, [E.GoBlock, 'chan receive']],
  [T.GoBlockSelect, [E.GoBlock, 'select']],
  [T.GoBlockSync, [E.GoBlock, 'sync']],
  [T.GoBlockCond, [E.GoBlock, 'sync.(*Cond).Wait']],
  [T.GoBlockNet, [E.GoBlock, 'network']],
  [T.GoBlockGC, [E.GoBlock, 'GC mark assist wait for work']],
]);

/** Stop-the-world reasons of format 1.21, by the number the runtime writes. */
const STW_REASONS = ['', 'GC mark termination', 'GC sweep termination', 'write heap dump', 'goroutine profile',
  'goroutine profile cleanup', 'all goroutine stack trace', 'read mem stats', 'AllThreadsSyscall', 'GOMAXPROCS',
  'start trace', 'stop trace', 'CountPagesInUse (test)', 'ReadMetricsSlow (test)', 'ReadMemStatsSlow (test)',
  'PageCachePagesLeaked (test)', 'ResetDebugLog (test)'];

/**
 * Turns ordered old-format events into new-model events, the way Go's reader
 * does, and hands each to `sink`:
 *
 * 1. Until the first Gomaxprocs event the runtime describes the goroutines
 *    that already exist: their creations are dropped, and each becomes a
 *    status event (running, waiting, in a syscall, or runnable for the rest).
 * 2. The many old block and stop events become GoBlock / GoStop with Go's
 *    reason texts; GoSysCall becomes a syscall that ends 1 ns later unless
 *    the goroutine's next event says it blocked.
 * 3. A P's first start or stop becomes its status.
 * 4. Times are made strictly increasing.
 *
 * Returns the time of the last event.
 *
 * @example
 * convertOldEvents(decoded, order, tables, 21, (event, g, p) => tracker.handle(event, g, p))
 */
export function convertOldEvents(
  trace: DecodedOldTrace,
  order: Int32Array,
  tables: OldTables,
  version: number,
  sink: ConvertedSink,
): number {
  const { events } = trace;
  const blockedSyscalls = findBlockedSyscalls(events, order);
  const out = new ConvertedEvent(tables.tables);
  const preInit = new Set<number>();
  const seenProcs = new Set<number>();
  let starting = true;
  let lastNs = -1;

  const emit = (type: number, timeNs: number, g: number, p: number, ...args: number[]): void => {
    const ns = timeNs <= lastNs ? lastNs + 1 : timeNs;
    lastNs = ns;
    out.set(type, ns, args);
    sink(out, g === 0 ? NONE : g, p);
  };

  for (let position = 0; position < order.length; position++) {
    const i = order[position] as number;
    const type = events.type(i);
    const ns = events.ticks(i);
    const g = events.g(i);
    const p = events.p(i);
    const stack = events.stack(i);
    const arg = (n: number): number => events.arg(i, n);

    const stop = STOPS.get(type);
    if (stop !== undefined) {
      emit(stop[0], ns, g, p, tables.reason(stop[1]), stack);
      continue;
    }
    switch (type) {
      case T.Gomaxprocs:
        if (!starting) {
          emit(E.ProcsChange, ns, g, p, arg(0), stack);
          break;
        }
        starting = false;
        for (const created of preInit) emit(E.GoStatus, ns, NONE, NONE, created, NONE, GoStatus.Runnable);
        preInit.clear();
        break;
      case T.ProcStart:
      case T.ProcStop: {
        const first = !seenProcs.has(p);
        seenProcs.add(p);
        if (first) emit(E.ProcStatus, ns, g, p, p, type === T.ProcStart ? ProcStatus.Running : ProcStatus.Idle);
        else if (type === T.ProcStart) emit(E.ProcStart, ns, g, p, p, 0);
        else emit(E.ProcStop, ns, g, p);
        break;
      }
      case T.GCStart:
        emit(E.GCBegin, ns, g, p, arg(0), stack);
        break;
      case T.GCDone:
        emit(E.GCEnd, ns, g, p, 0);
        break;
      case T.STWStart:
        emit(N.STWBegin, ns, g, p, tables.reason(stwReason(arg(0), version)), 0);
        break;
      case T.STWDone:
        emit(N.STWEnd, ns, g, p);
        break;
      case T.GCSweepStart:
        emit(N.GCSweepBegin, ns, g, p, stack);
        break;
      case T.GCSweepDone:
        emit(N.GCSweepEnd, ns, g, p, arg(0), arg(1));
        break;
      case T.GoCreate:
        if (starting) preInit.add(arg(0));
        else emit(E.GoCreate, ns, g, p, arg(0), arg(1), stack);
        break;
      case T.GoStart:
        if (starting) {
          preInit.delete(arg(0));
          emit(E.GoStatus, ns, g, p, arg(0), NONE, GoStatus.Running);
        } else emit(E.GoStart, ns, g, p, arg(0), arg(1));
        break;
      case T.GoStartLabel:
        emit(E.GoStart, ns, g, p, arg(0), arg(1));
        emit(N.GoLabel, ns, g, p, arg(2));
        break;
      case T.GoEnd:
        emit(E.GoDestroy, ns, g, p);
        break;
      case T.GoUnblock:
        emit(E.GoUnblock, ns, g, p, arg(0), arg(1), stack);
        break;
      case T.GoSysCall:
        emit(E.GoSyscallBegin, ns, g, p, 0, stack);
        if (!blockedSyscalls.has(position)) emit(E.GoSyscallEnd, ns + 1, g, p);
        break;
      case T.GoSysExit:
        emit(E.GoSyscallEndBlocked, ns, g, p);
        break;
      case T.GoSysBlock:
        break;
      case T.GoWaiting:
      case T.GoInSyscall:
        preInit.delete(arg(0));
        emit(E.GoStatus, ns, g, p, arg(0), NONE, type === T.GoWaiting ? GoStatus.Waiting : GoStatus.Syscall);
        break;
      case T.HeapAlloc:
      case T.HeapGoal:
        emit(type === T.HeapAlloc ? N.HeapAlloc : N.HeapGoal, ns, g, p, arg(0));
        break;
      case T.GCMarkAssistStart:
        emit(N.GCMarkAssistBegin, ns, g, p, stack);
        break;
      case T.GCMarkAssistDone:
        emit(N.GCMarkAssistEnd, ns, g, p);
        break;
      case T.UserTaskCreate:
        emit(N.UserTaskBegin, ns, g, p, arg(0), arg(1), arg(2), stack);
        break;
      case T.UserTaskEnd:
        emit(N.UserTaskEnd, ns, g, p, arg(0), stack);
        break;
      case T.UserRegion:
        // Modes other than begin (0) and end (1) are malformed; Go's checks reject them.
        if (arg(1) === 0 || arg(1) === 1) {
          emit(arg(1) === 0 ? N.UserRegionBegin : N.UserRegionEnd, ns, g, p, arg(0), arg(2), stack);
        }
        break;
      case T.UserLog:
        emit(N.UserLog, ns, g, p, arg(0), arg(1), tables.logValue(arg(2)), stack);
        break;
      case T.CPUSample:
        emit(N.CPUSample, ns, g, p, stack);
        break;
      default: {
        const offset = events.offset(i);
        throw new TraceFormatError(`unexpected event type ${type} at offset ${hex(offset)} in an old-format trace`, { offset });
      }
    }
  }
  return Math.max(0, lastNs);
}

/** The one string and stack table of an old-format trace, plus ids for the texts the conversion adds. */
export interface OldTables {
  tables: GenerationTables;
  /** String id of a reason text the conversion writes. */
  reason(text: string): number;
  /** String id of user-log value number `n`. */
  logValue(n: number): number;
}

/** Positions (in `order`) of GoSysCall events whose goroutine's next event is GoSysBlock. */
function findBlockedSyscalls(events: OldEventStore, order: Int32Array): Set<number> {
  const blocked = new Set<number>();
  const nextType = new Map<number, number>();
  for (let position = order.length - 1; position >= 0; position--) {
    const i = order[position] as number;
    const g = events.g(i);
    if (events.type(i) === T.GoSysCall && nextType.get(g) === T.GoSysBlock) blocked.add(position);
    nextType.set(g, events.type(i));
  }
  return blocked;
}

function stwReason(kind: number, version: number): string {
  if (version < 21) return kind === 0 || kind === 1 ? (STW_REASONS[kind + 1] as string) : '';
  return STW_REASONS[kind] ?? '';
}

/** One reusable event in the new model's shape. */
class ConvertedEvent implements TraceEvent {
  type = 0;
  ticks = 0;
  timeNs = 0;
  readonly m = NONE;
  readonly offset = 0;
  private args: number[] = [];

  constructor(readonly tables: GenerationTables) {}

  set(type: number, timeNs: number, args: number[]): void {
    this.type = type;
    this.ticks = timeNs;
    this.timeNs = timeNs;
    this.args = args;
  }

  arg(index: number): number {
    return this.args[index] ?? 0;
  }
}
