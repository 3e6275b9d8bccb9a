import type { Goroutine } from '../../model.ts';
import { NONE } from './byte-cursor.ts';
import { reasonFromFrames } from './block-reasons.ts';
import type { TraceEvent } from './event-cursor.ts';
import type { ActivityTracker } from './activity-tracker.ts';
import { argIndex, EventType as E, isGoroutineTransition } from './event-table.ts';
import { GoroutineTable } from './goroutine-table.ts';
import { IdSlots } from './id-map.ts';
import { MessageInference } from './infer-messages.ts';
import type { WakerVerdicts } from './infer-messages.ts';
import { MessageStore } from './message-store.ts';
import type { EventSink } from './order-events.ts';
import { GoStatus } from './scheduler-state.ts';
import { SpanStore } from './span-store.ts';

const NO_FRAMES: readonly string[] = [];

const CREATE_NEW_STACK = argIndex(E.GoCreate, 'new_stack');
const STOP_REASON = argIndex(E.GoStop, 'reason_string');
const STOP_STACK = argIndex(E.GoStop, 'stack');
const UNBLOCK_STACK = argIndex(E.GoUnblock, 'stack');
const SYSCALL_STACK = argIndex(E.GoSyscallBegin, 'stack');
const STATUS_STACK = argIndex(E.GoStatusStack, 'stack');

/**
 * Turns ordered events into goroutine histories: state spans (kept in a
 * column-wise {@link SpanStore}), start-function names, creators, the number
 * of state transitions Go's reader reports per goroutine, and the messages
 * inferred from wake-ups as they happen.
 *
 * Naming follows Go's summariser: the root frame of the first stack attached
 * to one of the goroutine's state transitions (GoCreate's one-frame start
 * stack for goroutines created while tracing).
 *
 * Goroutines are handled by slot (see {@link GoroutineTable}); slot `s`
 * also numbers its span list in the store. The model's goroutine objects
 * are made by {@link goroutines} at the end.
 */
export class GoroutineTracker {
  readonly spans = new SpanStore();
  readonly messages = new MessageStore(this.spans.now);
  private readonly table = new GoroutineTable();
  private readonly inference = new MessageInference();
  /** Forward messages waiting for a goroutine's next start besides the one in its table row, by slot. */
  private readonly morePending = new Map<number, number[]>();
  /** Goroutine id → slot; ids below 0 (only in damaged traces) get a slot that is never listed. */
  private readonly slots = new IdSlots();
  /** Whether each start-function name seen is a runtime one. */
  private readonly runtimeNames = new Map<string, boolean>();

  /** Feeds one event with the goroutine and P current on its thread (-1 for none); call in global order. */
  handle(event: TraceEvent, current: number, p: number): void {
    const { kinds } = this.spans;
    // The time lives in the store's `now` slot; a local copy would cost a boxed number per event.
    this.spans.now[0] = event.timeNs;
    switch (event.type) {
      case E.GoCreate:
      case E.GoCreateBlocked: {
        const g = this.create(event.arg(0), this.nowNs(), current);
        this.transitionWithStack(g, event, event.arg(CREATE_NEW_STACK));
        this.enter(g, event.type === E.GoCreate ? kinds.runnable('') : kinds.blocked(''));
        break;
      }
      case E.GoCreateSyscall: {
        const g = this.transition(this.create(event.arg(0), this.nowNs(), NONE));
        this.enter(g, kinds.syscall());
        break;
      }
      case E.GoStart:
        this.start(this.transition(this.get(event.arg(0))), p);
        break;
      case E.GoStop: {
        const g = this.transitionWithStack(this.get(current), event, event.arg(STOP_STACK));
        this.enter(g, kinds.runnable(textOf(event, event.arg(STOP_REASON))));
        break;
      }
      case E.GoBlock: {
        const g = this.transitionWithStack(this.get(current), event, event.arg(STOP_STACK));
        const reason = event.arg(STOP_REASON);
        this.table.lastBlockNs[g] = this.spans.now[0] as number;
        this.table.lastBlockWaits[g] = this.inference.waitOf(event.tables, reason);
        this.enter(g, kinds.blocked(textOf(event, reason)));
        break;
      }
      case E.GoUnblock:
        this.unblock(this.transition(this.get(event.arg(0))), current, this.inference.wakerOf(event.tables, event.arg(UNBLOCK_STACK)));
        break;
      case E.GoSwitch:
      case E.GoSwitchDestroy: {
        const old = this.transition(this.get(current));
        if (event.type === E.GoSwitch) this.enter(old, kinds.blocked(''));
        else this.end(old);
        const next = this.transition(this.transition(this.get(event.arg(0))));
        this.start(next, p);
        break;
      }
      case E.GoSyscallBegin: {
        const g = this.transitionWithStack(this.get(current), event, event.arg(SYSCALL_STACK));
        this.enter(g, kinds.syscall());
        break;
      }
      case E.GoSyscallEnd:
        this.enter(this.transition(this.get(current)), kinds.running(p));
        break;
      case E.GoSyscallEndBlocked:
        this.enter(this.transition(this.get(current)), kinds.runnable(''));
        break;
      case E.GoDestroy:
      case E.GoDestroySyscall:
        this.end(this.transition(this.get(current)));
        break;
      case E.GoStatus:
      case E.GoStatusStack: {
        const stack = event.type === E.GoStatusStack ? framesOf(event, event.arg(STATUS_STACK)) : NO_FRAMES;
        this.status(event.arg(0), event.arg(2), stack, p);
        break;
      }
    }
  }

  /** The goroutines seen, sorted by id. */
  goroutines(): Goroutine[] {
    // Made once for every goroutine (hundreds of thousands in a busy trace): a plain loop, and one
    // runtime test per distinct name.
    const slots = this.slots.values();
    const goroutines = new Array<Goroutine>(slots.length);
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i] as number;
      goroutines[i] = this.goroutine(slot);
    }
    return goroutines;
  }

  private nameOf(slot: number): string {
    const name = this.table.name(slot);
    return name === '' && (this.table.ids[slot] as number) === 1 ? 'main.main' : name;
  }

  private goroutine(slot: number): Goroutine {
    const { table } = this;
    const name = this.nameOf(slot);
    let runtime = this.runtimeNames.get(name);
    if (runtime === undefined) this.runtimeNames.set(name, (runtime = isRuntimeName(name)));
    const ended = table.endedNs[slot] as number;
    const parentId = table.parentIds[slot] as number;
    return {
      id: small(table.ids[slot] as number),
      name,
      parentId: Number.isNaN(parentId) ? null : small(parentId),
      createdNs: table.createdNs[slot] as number,
      endedNs: Number.isNaN(ended) ? null : ended,
      spans: this.spans.view(slot),
      runtime,
      transitions: table.transitions[slot] as number,
    };
  }

  /** The time of the event being handled. */
  private nowNs(): number {
    return this.spans.now[0] as number;
  }

  /** A wake-up of goroutine `g` by `waker`: maybe a message, and `g` becomes runnable. */
  private unblock(g: number, waker: number, wakerVerdicts: WakerVerdicts): void {
    const { table } = this;
    const id = table.ids[g] as number;
    const verdict = this.inference.judge(waker, id, wakerVerdicts, table.lastBlockWaits[g] as number);
    if (verdict?.forward === true) {
      // A second wake-up before the goroutine runs (only in damaged traces) keeps the first waiting too.
      const earlier = table.pendingMessage[g] as number;
      if (earlier >= 0) this.morePending.set(g, [...(this.morePending.get(g) ?? []), earlier]);
      table.pendingMessage[g] = this.messages.addForward(waker, id, verdict);
    } else if (verdict !== undefined) {
      const timeNs = this.spans.now[0] as number;
      const blockNs = table.lastBlockNs[g] as number;
      this.messages.addBackward(id, waker, Number.isNaN(blockNs) ? timeNs : blockNs, timeNs, verdict);
    }
    this.enter(g, this.spans.kinds.runnable(''));
  }

  /** GoStatus: the state at a generation boundary; only a change opens a span. */
  private status(id: number, status: number, stack: readonly string[], p: number): void {
    const known = this.slots.get(id) >= 0;
    const g = this.transition(known ? this.get(id) : this.create(id, 0, NONE));
    this.nameFrom(g, stack);
    const kind = this.statusKind(status, stack, p);
    const { spans } = this;
    const length = spans.length(g);
    if (length === 0 || spans.kinds.state(spans.kind(g, length - 1)) !== spans.kinds.state(kind)) {
      // A goroutine first seen here has been in this state since before the trace began.
      if (known) this.enter(g, kind);
      else spans.push(g, 0, kind);
    }
  }

  private statusKind(status: number, stack: readonly string[], p: number): number {
    const { kinds } = this.spans;
    switch (status) {
      case GoStatus.Runnable:
        return kinds.runnable('');
      case GoStatus.Running:
        return kinds.running(p);
      case GoStatus.Syscall:
        return kinds.syscall();
      default:
        // The reason is only guessed from the stack, so no reason text is kept.
        return kinds.guessedBlocked(reasonFromFrames(stack));
    }
  }

  private start(g: number, p: number): void {
    const pending = this.table.pendingMessage[g] as number;
    if (pending >= 0) {
      this.messages.receive(pending);
      this.table.pendingMessage[g] = -1;
      // Empty but for damaged traces: test that before a lookup on every receive.
      const more = this.morePending.size > 0 ? this.morePending.get(g) : undefined;
      if (more !== undefined) {
        for (const message of more) this.messages.receive(message);
        this.morePending.delete(g);
      }
    }
    this.enter(g, this.spans.kinds.running(p));
  }

  /** A new goroutine's slot; `parentId` -1 for unknown. */
  private create(id: number, timeNs: number, parentId: number): number {
    const slot = this.table.add(id, timeNs, parentId === NONE ? Number.NaN : parentId);
    this.spans.newList();
    if (id >= 0) this.slots.set(id, slot);
    return slot;
  }

  /** The slot of goroutine `id`; one never seen before is taken to have existed since the trace began. */
  private get(id: number): number {
    const slot = this.slots.get(id);
    return slot >= 0 ? slot : this.create(id, 0, NONE);
  }

  /** Counts one state transition of goroutine `g`. */
  private transition(g: number): number {
    this.table.transitions[g] = (this.table.transitions[g] as number) + 1;
    return g;
  }

  /**
   * {@link transition} for an event carrying a stack, which names the
   * goroutine if it has no name yet. The stack is only looked up then (and
   * for goroutine 1, see {@link nameFrom}): most events need no lookup.
   */
  private transitionWithStack(g: number, event: TraceEvent, stackId: number): number {
    this.transition(g);
    const { table } = this;
    if ((table.nameIds[g] as number) === 0 || (table.ids[g] as number) === 1) this.nameFrom(g, framesOf(event, stackId));
    return g;
  }

  /**
   * Names goroutine `g` after the root frame of `stack` if it has no name
   * yet. Goroutine 1 caught inside package initialisation (tracing started
   * from an `init`) first shows a runtime root frame; it takes the name of its
   * first stack outside the runtime instead.
   */
  private nameFrom(g: number, stack: readonly string[]): void {
    // Test the length first: reading past an array's end is a slow path in V8.
    if (stack.length === 0) return;
    const { table } = this;
    const root = stack[stack.length - 1] as string;
    const name = table.name(g);
    if (name === '' || ((table.ids[g] as number) === 1 && isRuntimeName(name) && !isRuntimeName(root))) table.setName(g, root);
  }

  /** Starts a span of `kind` now (at the event's time), unless the goroutine has ended. */
  private enter(g: number, kind: number): void {
    if (Number.isNaN(this.table.endedNs[g] as number)) this.spans.enterNow(g, kind);
  }

  private end(g: number): void {
    const { table, spans } = this;
    if (spans.length(g) === 0) spans.push(g, table.createdNs[g] as number, spans.kinds.running(NONE));
    table.endedNs[g] = spans.now[0] as number;
  }
}

/**
 * An id read from a Float64Array as a small integer where it fits, so the
 * goroutine object stores it inline instead of in a boxed number.
 */
function small(id: number): number {
  return id >= 0 && id <= 0x3fffffff ? id | 0 : id;
}

function framesOf(event: TraceEvent, stackId: number): readonly string[] {
  return event.tables.stacks.get(stackId) ?? NO_FRAMES;
}

function textOf(event: TraceEvent, stringId: number): string {
  return event.tables.strings.get(stringId) ?? '';
}

/** The Go tools' test for runtime-internal goroutines, plus the tracer's own helpers. */
function isRuntimeName(name: string): boolean {
  if (name === '' || name.startsWith('runtime/trace.')) return true;
  return name.startsWith('runtime.') && name !== 'runtime.main';
}

/**
 * The sink a one-thread read feeds: goroutine state changes to `tracker`,
 * every other event to `activity`; each acts on its own events only.
 */
export function trackEvents(tracker: GoroutineTracker, activity: ActivityTracker): EventSink {
  return (event, g, p) => {
    if (isGoroutineTransition(event.type)) tracker.handle(event, g, p);
    else activity.handle(event, g);
  };
}
