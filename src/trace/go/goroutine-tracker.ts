import type { Goroutine, StateSpan } from '../../model.ts';
import { NONE } from './byte-cursor.ts';
import { blockedSpan, reasonFromFrames } from './block-reasons.ts';
import { argIndex, EventType as E } from './event-table.ts';
import type { TraceEvent } from './event-cursor.ts';
import { GoStatus } from './scheduler-state.ts';

/** A goroutine's most recent block: when, why, and where in its code. */
export interface BlockRecord {
  timeNs: number;
  reasonText: string;
  /** Function names, innermost first; empty when the trace has no stack. */
  frames: readonly string[];
}

/** One GoUnblock: who woke whom, from where, and when the wakee ran next. */
export interface UnblockRecord {
  /** The goroutine running on the waking thread, or -1 for the scheduler. */
  wakerId: number;
  wakeeId: number;
  timeNs: number;
  /** The waker's stack, innermost first; empty for scheduler wake-ups. */
  wakerFrames: readonly string[];
  /** The wakee's block that this wake-up ends, when the trace shows it. */
  wakeeBlock: BlockRecord | undefined;
  /** The wakee's next start, or `null` when it never ran again. */
  receiveNs: number | null;
}

interface GoroutineRecord extends Goroutine {
  transitions: number;
  lastBlock: BlockRecord | undefined;
  awaitingStart: UnblockRecord[];
}

const NO_FRAMES: readonly string[] = [];

const CREATE_NEW_STACK = argIndex(E.GoCreate, 'new_stack');
const STOP_REASON = argIndex(E.GoStop, 'reason_string');
const STOP_STACK = argIndex(E.GoStop, 'stack');
const UNBLOCK_STACK = argIndex(E.GoUnblock, 'stack');
const SYSCALL_STACK = argIndex(E.GoSyscallBegin, 'stack');
const STATUS_STACK = argIndex(E.GoStatusStack, 'stack');

/**
 * Turns ordered events into goroutine histories: state spans, start-function
 * names, creators, and the number of state transitions Go's reader reports
 * per goroutine. Also keeps every GoUnblock made by a goroutine (with a
 * stack) for message inference.
 *
 * Naming follows Go's summariser: the root frame of the first stack attached
 * to one of the goroutine's state transitions (GoCreate's one-frame start
 * stack for goroutines created while tracing).
 */
export class GoroutineTracker {
  readonly unblocks: UnblockRecord[] = [];
  private readonly records = new Map<number, GoroutineRecord>();

  /** Feeds one event and the goroutine current on its thread (-1 for none); call in global order. */
  handle(event: TraceEvent, current: number, timeNs: number): void {
    switch (event.type) {
      case E.GoCreate:
      case E.GoCreateBlocked: {
        const g = this.create(event.arg(0), timeNs, current === NONE ? null : current);
        this.transition(g, framesOf(event, event.arg(CREATE_NEW_STACK)));
        const created = event.type === E.GoCreate;
        this.enter(g, created ? { startNs: timeNs, state: 'runnable' } : blockedSpan(timeNs, ''));
        break;
      }
      case E.GoCreateSyscall: {
        const g = this.transition(this.create(event.arg(0), timeNs, null));
        this.enter(g, { startNs: timeNs, state: 'syscall' });
        break;
      }
      case E.GoStart:
        this.start(this.transition(this.get(event.arg(0))), timeNs);
        break;
      case E.GoStop: {
        const g = this.transition(this.get(current), framesOf(event, event.arg(STOP_STACK)));
        const text = reasonOf(event, event.arg(STOP_REASON));
        const span: StateSpan = { startNs: timeNs, state: 'runnable' };
        if (text !== '') span.reasonText = text;
        this.enter(g, span);
        break;
      }
      case E.GoBlock: {
        const stack = framesOf(event, event.arg(STOP_STACK));
        const g = this.transition(this.get(current), stack);
        const text = reasonOf(event, event.arg(STOP_REASON));
        g.lastBlock = { timeNs, reasonText: text, frames: stack };
        this.enter(g, blockedSpan(timeNs, text));
        break;
      }
      case E.GoUnblock: {
        const g = this.transition(this.get(event.arg(0)));
        const record: UnblockRecord = {
          wakerId: current,
          wakeeId: g.id,
          timeNs,
          wakerFrames: framesOf(event, event.arg(UNBLOCK_STACK)),
          wakeeBlock: g.lastBlock,
          receiveNs: null,
        };
        // Wake-ups by the scheduler (no goroutine, no stack) never become messages; skip keeping them.
        if (record.wakerId !== NONE && record.wakerFrames.length > 0) {
          this.unblocks.push(record);
          g.awaitingStart.push(record);
        }
        this.enter(g, { startNs: timeNs, state: 'runnable' });
        break;
      }
      case E.GoSwitch:
      case E.GoSwitchDestroy: {
        const old = this.transition(this.get(current));
        if (event.type === E.GoSwitch) this.enter(old, blockedSpan(timeNs, ''));
        else this.end(old, timeNs);
        const next = this.transition(this.transition(this.get(event.arg(0))));
        this.start(next, timeNs);
        break;
      }
      case E.GoSyscallBegin: {
        const g = this.transition(this.get(current), framesOf(event, event.arg(SYSCALL_STACK)));
        this.enter(g, { startNs: timeNs, state: 'syscall' });
        break;
      }
      case E.GoSyscallEnd:
        this.enter(this.transition(this.get(current)), { startNs: timeNs, state: 'running' });
        break;
      case E.GoSyscallEndBlocked:
        this.enter(this.transition(this.get(current)), { startNs: timeNs, state: 'runnable' });
        break;
      case E.GoDestroy:
      case E.GoDestroySyscall:
        this.end(this.transition(this.get(current)), timeNs);
        break;
      case E.GoStatus:
      case E.GoStatusStack: {
        const stack = event.type === E.GoStatusStack ? framesOf(event, event.arg(STATUS_STACK)) : NO_FRAMES;
        this.status(event.arg(0), event.arg(2), stack, timeNs);
        break;
      }
    }
  }

  /** The goroutines seen, sorted by id. */
  goroutines(): Goroutine[] {
    return [...this.records.values()]
      .sort((x, y) => x.id - y.id)
      .map(({ lastBlock: _lastBlock, awaitingStart: _awaiting, ...goroutine }) => {
        const name = goroutine.name === '' && goroutine.id === 1 ? 'main.main' : goroutine.name;
        return { ...goroutine, name, runtime: isRuntimeName(name) };
      });
  }

  /** GoStatus: the state at a generation boundary; only a change opens a span. */
  private status(id: number, status: number, stack: readonly string[], timeNs: number): void {
    const known = this.records.get(id);
    const g = this.transition(known ?? this.create(id, 0, null), stack);
    const span = statusSpan(status, known === undefined ? 0 : timeNs, stack);
    const last = g.spans.at(-1);
    if (last === undefined || last.state !== span.state) this.enter(g, span);
  }

  private start(g: GoroutineRecord, timeNs: number): void {
    for (const record of g.awaitingStart) record.receiveNs = timeNs;
    g.awaitingStart = [];
    this.enter(g, { startNs: timeNs, state: 'running' });
  }

  /** A new record; ids below 0 (only in damaged traces) get one that is never listed. */
  private create(id: number, timeNs: number, parentId: number | null): GoroutineRecord {
    const g: GoroutineRecord = {
      id,
      name: '',
      parentId,
      createdNs: timeNs,
      endedNs: null,
      spans: [],
      runtime: false,
      transitions: 0,
      lastBlock: undefined,
      awaitingStart: [],
    };
    if (id >= 0) this.records.set(id, g);
    return g;
  }

  /** The goroutine with `id`; one never seen before is taken to have existed since the trace began. */
  private get(id: number): GoroutineRecord {
    return this.records.get(id) ?? this.create(id, 0, null);
  }

  /**
   * Counts one transition and names the goroutine from the transition's stack
   * if it has no name yet. Goroutine 1 caught inside package initialisation
   * (tracing started from an `init`) first shows a runtime root frame; it
   * takes the name of its first stack outside the runtime instead.
   */
  private transition(g: GoroutineRecord, stack: readonly string[] = []): GoroutineRecord {
    g.transitions++;
    const root = stack[stack.length - 1];
    if (root === undefined) return g;
    if (g.name === '' || (g.id === 1 && isRuntimeName(g.name) && !isRuntimeName(root))) g.name = root;
    return g;
  }

  private enter(g: GoroutineRecord, span: StateSpan): void {
    if (g.endedNs !== null) return;
    const last = g.spans.at(-1);
    if (last !== undefined && last.startNs >= span.startNs) g.spans.pop();
    g.spans.push(span);
  }

  private end(g: GoroutineRecord, timeNs: number): void {
    if (g.spans.length === 0) g.spans.push({ startNs: g.createdNs, state: 'running' });
    g.endedNs = timeNs;
  }
}

function framesOf(event: TraceEvent, stackId: number): readonly string[] {
  return event.tables.stacks.get(stackId) ?? NO_FRAMES;
}

function reasonOf(event: TraceEvent, stringId: number): string {
  return event.tables.strings.get(stringId) ?? '';
}

function statusSpan(status: number, startNs: number, stack: readonly string[]): StateSpan {
  switch (status) {
    case GoStatus.Runnable:
      return { startNs, state: 'runnable' };
    case GoStatus.Running:
      return { startNs, state: 'running' };
    case GoStatus.Syscall:
      return { startNs, state: 'syscall' };
    default: {
      // The reason is only guessed from the stack, so no reasonText.
      const { reasonText: _guess, ...span } = blockedSpan(startNs, reasonFromFrames(stack));
      return span;
    }
  }
}

/** The Go tools' test for runtime-internal goroutines, plus the tracer's own helpers. */
function isRuntimeName(name: string): boolean {
  if (name === '' || name.startsWith('runtime/trace.')) return true;
  return name.startsWith('runtime.') && name !== 'runtime.main';
}
