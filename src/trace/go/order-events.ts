import { NONE } from './byte-cursor.ts';
import type { TraceEvent } from './decode-events.ts';
import { argIndex, EventType as E } from './event-table.ts';
import { ProcStatus, SchedulerState } from './scheduler-state.ts';

/**
 * Receives events in global order, each with the goroutine that was current on
 * its thread just before it (-1 for none) and its time in nanoseconds since
 * the trace's first event (strictly increasing).
 */
export type EventSink = (event: TraceEvent, g: number, timeNs: number) => void;

const GO_START_SEQ = argIndex(E.GoStart, 'g_seq');
const PROC_START_SEQ = argIndex(E.ProcStart, 'p_seq');
const PROC_STEAL_SEQ = argIndex(E.ProcSteal, 'p_seq');
const GC_SEQ = argIndex(E.GCBegin, 'gc_seq');

/**
 * Merges the per-thread event streams of each generation into one time
 * order, as Go's own reader does: repeatedly take the earliest pending event
 * whose preconditions hold (a goroutine must be runnable with the right
 * sequence number before it starts, waiting before it is unblocked, a P idle
 * before it starts, the GC sequence must follow on). Clock skew between
 * threads therefore never puts an effect before its cause.
 *
 * Scheduler state carries over from one generation to the next, so call
 * {@link orderGeneration} for every generation in file order.
 */
export class EventOrderer {
  /** Events that had to be taken although no pending event was ready (a damaged trace); 0 for good traces. */
  forcedEvents = 0;

  private readonly state = new SchedulerState();
  private originTicks: number | undefined;
  private lastNs = -1;

  /**
   * Orders one generation. `streams` holds, per thread, that thread's events
   * in file order (thread -1 for events written outside any thread).
   */
  orderGeneration(gen: number, streams: ReadonlyMap<number, TraceEvent[]>, sink: EventSink): void {
    const cursors = [...streams].filter(([, events]) => events.length > 0).map(([m, events]) => ({ m, events, next: 0 }));
    this.state.startGeneration(gen);

    while (cursors.length > 0) {
      // 1. Earliest head first; fall back to later heads when it is not ready; force it when none is.
      cursors.sort((a, b) => headTicks(a) - headTicks(b));
      let chosen = cursors.findIndex((c) => this.ready(c.events[c.next] as TraceEvent));
      if (chosen < 0) {
        chosen = 0;
        this.forcedEvents++;
      }

      // 2. Apply it and hand it on with its context and time.
      const cursor = cursors[chosen] as (typeof cursors)[number];
      const event = cursor.events[cursor.next] as TraceEvent;
      const g = this.state.threadOf(event.m).g;
      this.state.apply(event);
      sink(event, g, this.toNs(event));

      cursor.next++;
      if (cursor.next >= cursor.events.length) cursors.splice(chosen, 1);
    }
  }

  /** The time in ns of the last event handed on (the trace's duration once all generations are ordered). */
  get lastTimeNs(): number {
    return Math.max(0, this.lastNs);
  }

  private toNs(event: TraceEvent): number {
    this.originTicks ??= event.ticks;
    let ns = Math.round((event.ticks - this.originTicks) * event.tables.nsPerTick);
    if (ns <= this.lastNs) ns = this.lastNs + 1;
    this.lastNs = ns;
    return ns;
  }

  /** Whether `event` may be taken now; events with no partial-order constraint always may. */
  private ready(event: TraceEvent): boolean {
    const { state } = this;
    const args = event.args;
    switch (event.type) {
      case E.GoStart:
        return state.goroutineMayAdvance(args[0] as number, 'runnable', args[GO_START_SEQ] as number);
      case E.GoUnblock:
      case E.GoSwitch:
      case E.GoSwitchDestroy:
        return state.goroutineMayAdvance(args[0] as number, 'waiting', args[1] as number);
      case E.ProcStart:
        return state.threadOf(event.m).p === NONE && state.procMayAdvance(args[0] as number, [ProcStatus.Idle], args[PROC_START_SEQ] as number);
      case E.ProcSteal:
        return state.procMayAdvance(args[0] as number, [ProcStatus.Syscall, ProcStatus.SyscallAbandoned], args[PROC_STEAL_SEQ] as number);
      case E.GoSyscallEndBlocked:
        return !state.procInSyscall(state.threadOf(event.m).p);
      case E.GCActive:
      case E.GCBegin:
      case E.GCEnd:
        return state.gcMayAdvance(event.type, args[GC_SEQ] as number);
      default:
        return true;
    }
  }
}

function headTicks(cursor: { events: TraceEvent[]; next: number }): number {
  return (cursor.events[cursor.next] as TraceEvent).ticks;
}
