import { NONE } from './byte-cursor.ts';
import type { EventCursor, TraceEvent } from './event-cursor.ts';
import { argIndex, EventType as E } from './event-table.ts';
import { ProcStatus, SchedulerState } from './scheduler-state.ts';
import type { ThreadState } from './scheduler-state.ts';

/**
 * Receives events in global order, each with its `timeNs` set (nanoseconds
 * since the trace's first event, strictly increasing), the goroutine that was
 * current on its thread just before it (-1 for none), and the P its thread
 * held just before it (-1 for none).
 */
export type EventSink = (event: TraceEvent, g: number, p: number) => void;

const GO_START_SEQ = argIndex(E.GoStart, 'g_seq');
const PROC_START_SEQ = argIndex(E.ProcStart, 'p_seq');
const PROC_STEAL_SEQ = argIndex(E.ProcSteal, 'p_seq');
const GC_SEQ = argIndex(E.GCBegin, 'gc_seq');
const IDLE = [ProcStatus.Idle];
const IN_SYSCALL = [ProcStatus.Syscall, ProcStatus.SyscallAbandoned];

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
  /** Events handed on so far. */
  events = 0;

  private readonly state = new SchedulerState();
  private originTicks: number | undefined;
  /** The current generation's clock rate. */
  private nsPerTick = 1;
  private lastNs = -1;

  /**
   * Orders one generation. `streams` holds each thread's events in file
   * order (thread -1 for events written outside any thread).
   */
  orderGeneration(gen: number, threads: Iterable<EventCursor>, sink: EventSink): void {
    const cursors: EventCursor[] = [];
    const states: ThreadState[] = [];
    for (const cursor of threads) {
      if (!cursor.next()) continue;
      cursors.push(cursor);
      states.push(this.state.threadOf(cursor.m));
    }
    // Each head's time, side by side, so finding the earliest is one scan of numbers.
    const heads = Float64Array.from(cursors, (cursor) => cursor.ticks);
    let count = cursors.length;
    this.state.startGeneration(gen);
    this.nsPerTick = cursors[0]?.tables.nsPerTick ?? 1;

    // The earliest head (lowest index among equals) and the earliest of the others. A thread's
    // events come in runs, so its next head is often still the earliest: one comparison with the
    // runner-up then replaces the scan.
    let chosen = 0;
    let runnerUp = -1;
    let runnerUpTicks = Number.POSITIVE_INFINITY;
    let known = false;
    while (count > 0) {
      const chosenTicks = heads[chosen] as number;
      if (!known || chosenTicks > runnerUpTicks || (chosenTicks === runnerUpTicks && runnerUp < chosen)) {
        chosen = 0;
        runnerUp = -1;
        runnerUpTicks = Number.POSITIVE_INFINITY;
        for (let i = 1; i < count; i++) {
          const ticks = heads[i] as number;
          if (ticks < (heads[chosen] as number)) {
            runnerUp = chosen;
            runnerUpTicks = heads[chosen] as number;
            chosen = i;
          } else if (ticks < runnerUpTicks) {
            runnerUp = i;
            runnerUpTicks = ticks;
          }
        }
      }
      known = true;
      // The earliest head is almost always ready; otherwise try the others in time order, and
      // when none is ready (a damaged trace) take the earliest anyway.
      if (!this.ready(cursors[chosen] as EventCursor, states[chosen] as ThreadState)) {
        chosen = this.readyInTimeOrder(cursors, states);
        known = false;
      }

      // Apply it, hand it on with its context and time, and decode that thread's next event.
      const cursor = cursors[chosen] as EventCursor;
      const thread = states[chosen] as ThreadState;
      const g = thread.g;
      const p = thread.p;
      this.state.apply(cursor, thread);
      cursor.timeNs = this.toNs(cursor);
      sink(cursor, g, p);
      this.events++;
      if (cursor.next()) {
        heads[chosen] = cursor.ticks;
      } else {
        cursors.splice(chosen, 1);
        states.splice(chosen, 1);
        heads.copyWithin(chosen, chosen + 1);
        count--;
        known = false;
      }
    }
  }

  /** The earliest ready head, or (counted as forced) the earliest head when none is ready. */
  private readyInTimeOrder(cursors: EventCursor[], states: ThreadState[]): number {
    const order = cursors.map((_, i) => i).sort((a, b) => (cursors[a] as EventCursor).ticks - (cursors[b] as EventCursor).ticks);
    for (const i of order) if (this.ready(cursors[i] as EventCursor, states[i] as ThreadState)) return i;
    this.forcedEvents++;
    return order[0] as number;
  }

  /** The time in ns of the last event handed on (the trace's duration once all generations are ordered). */
  get lastTimeNs(): number {
    return Math.max(0, this.lastNs);
  }

  private toNs(event: TraceEvent): number {
    this.originTicks ??= event.ticks;
    let ns = Math.round((event.ticks - this.originTicks) * this.nsPerTick);
    if (ns <= this.lastNs) ns = this.lastNs + 1;
    this.lastNs = ns;
    return ns;
  }

  /** Whether `event` may be taken now; events with no partial-order constraint always may. */
  private ready(event: TraceEvent, thread: ThreadState): boolean {
    const { state } = this;
    switch (event.type) {
      case E.GoStart:
        return state.goroutineMayAdvance(event.arg(0), 'runnable', event.arg(GO_START_SEQ));
      case E.GoUnblock:
      case E.GoSwitch:
      case E.GoSwitchDestroy:
        return state.goroutineMayAdvance(event.arg(0), 'waiting', event.arg(1));
      case E.ProcStart:
        if (thread.p !== NONE) return false;
        return state.procMayAdvance(event.arg(0), IDLE, event.arg(PROC_START_SEQ));
      case E.ProcSteal:
        return state.procMayAdvance(event.arg(0), IN_SYSCALL, event.arg(PROC_STEAL_SEQ));
      case E.GoSyscallEndBlocked:
        return !state.procInSyscall(thread.p);
      case E.GCActive:
      case E.GCBegin:
      case E.GCEnd:
        return state.gcMayAdvance(event.type, event.arg(GC_SEQ));
      default:
        return true;
    }
  }
}
