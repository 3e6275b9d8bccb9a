import { NONE } from './byte-cursor.ts';
import type { TraceEvent } from './event-cursor.ts';
import { EventType as E } from './event-table.ts';
import { IdMap } from './id-map.ts';

/** Goroutine status codes as GoStatus writes them. */
export const GoStatus = { Runnable: 1, Running: 2, Syscall: 3, Waiting: 4 } as const;

/** P status codes as ProcStatus writes them. */
export const ProcStatus = { Running: 1, Idle: 2, Syscall: 3, SyscallAbandoned: 4 } as const;

interface SeqState {
  status: number;
  /** Generation the sequence counter belongs to; counters restart every generation. */
  seqGen: number;
  seq: number;
}

/** Returned for events written outside any thread; reset on every use. */
const NO_THREAD: ThreadState = { g: NONE, p: NONE };

/** What a thread is running: its current goroutine and P, -1 for none. */
export interface ThreadState {
  g: number;
  p: number;
}

/**
 * The scheduler as the ordering sees it: goroutine and P status with their
 * sequence counters, each thread's current goroutine and P, and the GC
 * sequence. {@link apply} never throws: a damaged trace degrades the
 * picture instead of stopping the reader.
 */
export class SchedulerState {
  private readonly goroutines = new IdMap<SeqState>();
  private readonly procs = new IdMap<SeqState>();
  private readonly threads = new Map<number, ThreadState>();
  private gen = 0;
  private initialGen = 0;
  private gcSeq = 0;
  private gcState: 'undetermined' | 'running' | 'stopped' = 'undetermined';

  /** Call before the first event of each generation. */
  startGeneration(gen: number): void {
    this.gen = gen;
    if (this.initialGen === 0) this.initialGen = gen;
  }

  /** The thread's state; thread -1 (no thread) never runs anything. */
  threadOf(m: number): ThreadState {
    if (m === NONE) {
      NO_THREAD.g = NONE;
      NO_THREAD.p = NONE;
      return NO_THREAD;
    }
    let thread = this.threads.get(m);
    if (thread === undefined) {
      thread = { g: NONE, p: NONE };
      this.threads.set(m, thread);
    }
    return thread;
  }

  /** True when goroutine `g` is in `status` and `seq` is the next number of this generation. */
  goroutineMayAdvance(g: number, status: 'runnable' | 'waiting', seq: number): boolean {
    const state = this.goroutines.get(g);
    const wanted = status === 'runnable' ? GoStatus.Runnable : GoStatus.Waiting;
    return state !== undefined && state.status === wanted && this.succeeds(state, seq);
  }

  /** True when P `p` is in one of `statuses` and `seq` is its next number. */
  procMayAdvance(p: number, statuses: readonly number[], seq: number): boolean {
    const state = this.procs.get(p);
    return state !== undefined && statuses.includes(state.status) && this.succeeds(state, seq);
  }

  /** True when P `p` is still marked as in a syscall (its thread has not given it up yet). */
  procInSyscall(p: number): boolean {
    return p !== NONE && this.procs.get(p)?.status === ProcStatus.Syscall;
  }

  /** True when a GC event with `seq` follows the previous one. */
  gcMayAdvance(type: number, seq: number): boolean {
    if (type === E.GCActive && this.gen === this.initialGen) return this.gcState === 'undetermined';
    if (type === E.GCBegin && this.gcState === 'undetermined') return true;
    return seq === this.gcSeq + 1;
  }

  /** Updates the state for `event`, which was written by thread `event.m`, whose state is `thread`. */
  apply(event: TraceEvent, thread: ThreadState = this.threadOf(event.m)): void {
    switch (event.type) {
      case E.ProcStatus:
        // A P already known to be in a syscall stays so when the runtime reports it abandoned.
        const known = this.procs.get(event.arg(0))?.status;
        if (event.arg(1) === ProcStatus.SyscallAbandoned && known === ProcStatus.Syscall) {
          this.setProc(event.arg(0), ProcStatus.Syscall, 0);
          break;
        }
        this.setProc(event.arg(0), event.arg(1), 0);
        if (event.arg(1) === ProcStatus.Running || event.arg(1) === ProcStatus.Syscall) {
          thread.p = event.arg(0);
        }
        break;
      case E.ProcStart:
        this.setProc(event.arg(0), ProcStatus.Running, event.arg(1));
        thread.p = event.arg(0);
        break;
      case E.ProcStop:
        this.setProc(thread.p, ProcStatus.Idle);
        thread.p = NONE;
        break;
      case E.ProcSteal:
        this.procSteal(event, thread);
        break;
      case E.GoStatus:
      case E.GoStatusStack:
        this.goStatus(event, thread);
        break;
      case E.GoCreate:
        this.setGoroutine(event.arg(0), GoStatus.Runnable, 0);
        break;
      case E.GoCreateBlocked:
        this.setGoroutine(event.arg(0), GoStatus.Waiting, 0);
        break;
      case E.GoCreateSyscall:
        this.setGoroutine(event.arg(0), GoStatus.Syscall, 0);
        thread.g = event.arg(0);
        break;
      case E.GoStart:
        this.setGoroutine(event.arg(0), GoStatus.Running, event.arg(1));
        thread.g = event.arg(0);
        break;
      case E.GoStop:
        this.setGoroutine(thread.g, GoStatus.Runnable);
        thread.g = NONE;
        break;
      case E.GoBlock:
        this.setGoroutine(thread.g, GoStatus.Waiting);
        thread.g = NONE;
        break;
      case E.GoDestroy:
        this.goroutines.delete(thread.g);
        thread.g = NONE;
        break;
      case E.GoUnblock:
        this.setGoroutine(event.arg(0), GoStatus.Runnable, event.arg(1));
        break;
      case E.GoSwitch:
      case E.GoSwitchDestroy:
        if (event.type === E.GoSwitch) this.setGoroutine(thread.g, GoStatus.Waiting);
        else this.goroutines.delete(thread.g);
        this.setGoroutine(event.arg(0), GoStatus.Running, event.arg(1));
        thread.g = event.arg(0);
        break;
      case E.GoSyscallBegin:
        this.setGoroutine(thread.g, GoStatus.Syscall);
        this.setProc(thread.p, ProcStatus.Syscall, event.arg(0));
        break;
      case E.GoSyscallEnd:
        this.setGoroutine(thread.g, GoStatus.Running);
        this.setProc(thread.p, ProcStatus.Running);
        break;
      case E.GoSyscallEndBlocked:
        this.setGoroutine(thread.g, GoStatus.Runnable);
        thread.g = NONE;
        break;
      case E.GoDestroySyscall:
        this.goroutines.delete(thread.g);
        thread.g = NONE;
        if (thread.p !== NONE) this.setProc(thread.p, ProcStatus.SyscallAbandoned);
        thread.p = NONE;
        break;
      case E.GCActive:
      case E.GCBegin:
      case E.GCEnd:
        this.gcSeq = event.arg(0);
        this.gcState = event.type === E.GCEnd ? 'stopped' : 'running';
        break;
    }
  }

  private goStatus(event: TraceEvent, thread: ThreadState): void {
    const g = event.arg(0);
    const m = event.arg(1);
    const status = event.arg(2);
    this.setGoroutine(g, status, 0);
    if (status === GoStatus.Running) thread.g = g;
    if (status === GoStatus.Syscall) {
      // A goroutine sitting in a syscall on another thread belongs to that thread.
      if (m === event.m || m === NONE) thread.g = g;
      else this.threadOf(m).g = g;
    }
  }

  private procSteal(event: TraceEvent, thread: ThreadState): void {
    const p = event.arg(0);
    const seq = event.arg(1);
    const victim = event.arg(2);
    const old = this.procs.get(p)?.status;
    this.setProc(p, ProcStatus.Idle, seq);
    if (old === ProcStatus.SyscallAbandoned) return;
    if (victim === event.m) thread.p = NONE;
    else if (victim !== NONE) this.threadOf(victim).p = NONE;
  }

  private setGoroutine(g: number, status: number, seq?: number): void {
    if (g !== NONE) this.update(this.goroutines, g, status, seq);
  }

  private setProc(p: number, status: number, seq?: number): void {
    if (p !== NONE) this.update(this.procs, p, status, seq);
  }

  /** Sets the status, and the sequence number when the event carries one (then of this generation). */
  private update(states: IdMap<SeqState>, id: number, status: number, seq: number | undefined): void {
    let state = states.get(id);
    if (state === undefined) {
      state = { status, seqGen: this.gen, seq: 0 };
      states.set(id, state);
    }
    state.status = status;
    if (seq !== undefined) {
      state.seqGen = this.gen;
      state.seq = seq;
    }
  }

  private succeeds(state: SeqState, seq: number): boolean {
    return state.seqGen === this.gen && seq === state.seq + 1;
  }
}
