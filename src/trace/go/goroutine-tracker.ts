import type { Goroutine } from '../../model.ts';
import { NONE } from './byte-cursor.ts';
import { reasonFromFrames } from './block-reasons.ts';
import type { TraceEvent } from './event-cursor.ts';
import { argIndex, EventType as E } from './event-table.ts';
import { IdMap } from './id-map.ts';
import { MessageInference } from './infer-messages.ts';
import { MessageStore } from './message-store.ts';
import { GoStatus } from './scheduler-state.ts';
import { SpanStore } from './span-store.ts';
import type { StoredSpanList } from './span-store.ts';

const NO_FRAMES: readonly string[] = [];

const CREATE_NEW_STACK = argIndex(E.GoCreate, 'new_stack');
const STOP_REASON = argIndex(E.GoStop, 'reason_string');
const STOP_STACK = argIndex(E.GoStop, 'stack');
const UNBLOCK_STACK = argIndex(E.GoUnblock, 'stack');
const SYSCALL_STACK = argIndex(E.GoSyscallBegin, 'stack');
const STATUS_STACK = argIndex(E.GoStatusStack, 'stack');

/** A goroutine being read: its model object, its spans, and what the tracker needs to remember about it. */
class Tracked {
  readonly goroutine: Goroutine;
  readonly spans: StoredSpanList;
  transitions = 0;
  /** When and why it last blocked (NaN / undefined before its first block). */
  lastBlockNs = Number.NaN;
  lastBlockText: string | undefined = undefined;
  /** A forward message waiting for its next start, -1 for none. */
  pendingMessage = -1;
  ended = false;

  constructor(goroutine: Goroutine, spans: StoredSpanList) {
    this.goroutine = goroutine;
    this.spans = spans;
  }
}

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
 * Per-goroutine working state (last block, a message waiting for the wakee
 * to run) lives beside each goroutine object, so those stay exactly the
 * model's shape.
 */
export class GoroutineTracker {
  readonly spans = new SpanStore();
  readonly messages = new MessageStore();
  private readonly inference = new MessageInference();
  private readonly tracked = new IdMap<Tracked>();

  /** Feeds one event with the goroutine and P current on its thread (-1 for none); call in global order. */
  handle(event: TraceEvent, current: number, p: number): void {
    const { kinds } = this.spans;
    // The time lives in the store's `now` slot; a local copy would cost a boxed number per event.
    this.spans.now[0] = event.timeNs;
    switch (event.type) {
      case E.GoCreate:
      case E.GoCreateBlocked: {
        const g = this.create(event.arg(0), this.nowNs(), current === NONE ? null : current);
        this.transition(g, framesOf(event, event.arg(CREATE_NEW_STACK)));
        this.enter(g, event.type === E.GoCreate ? kinds.runnable('') : kinds.blocked(''));
        break;
      }
      case E.GoCreateSyscall: {
        const g = this.transition(this.create(event.arg(0), this.nowNs(), null));
        this.enter(g, kinds.syscall());
        break;
      }
      case E.GoStart:
        this.start(this.transition(this.get(event.arg(0))), p);
        break;
      case E.GoStop: {
        const g = this.transition(this.get(current), framesOf(event, event.arg(STOP_STACK)));
        this.enter(g, kinds.runnable(textOf(event, event.arg(STOP_REASON))));
        break;
      }
      case E.GoBlock: {
        const g = this.transition(this.get(current), framesOf(event, event.arg(STOP_STACK)));
        const text = textOf(event, event.arg(STOP_REASON));
        g.lastBlockNs = this.spans.now[0] as number;
        g.lastBlockText = text;
        this.enter(g, kinds.blocked(text));
        break;
      }
      case E.GoUnblock:
        this.inference.useStacks(event.tables.stacks);
        this.unblock(this.transition(this.get(event.arg(0))), current, framesOf(event, event.arg(UNBLOCK_STACK)));
        break;
      case E.GoSwitch:
      case E.GoSwitchDestroy: {
        const old = this.transition(this.get(current));
        if (event.type === E.GoSwitch) this.enter(old, kinds.blocked(''));
        else this.end(old, this.nowNs());
        const next = this.transition(this.transition(this.get(event.arg(0))));
        this.start(next, p);
        break;
      }
      case E.GoSyscallBegin: {
        const g = this.transition(this.get(current), framesOf(event, event.arg(SYSCALL_STACK)));
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
        this.end(this.transition(this.get(current)), this.nowNs());
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
    return this.tracked.values().map(({ goroutine: g, transitions }) => {
      if (g.name === '' && g.id === 1) g.name = 'main.main';
      g.runtime = isRuntimeName(g.name);
      g.transitions = transitions;
      return g;
    });
  }

  /** The time of the event being handled. */
  private nowNs(): number {
    return this.spans.now[0] as number;
  }

  /** A wake-up of `g` by `waker`: maybe a message, and `g` becomes runnable. */
  private unblock(g: Tracked, waker: number, wakerFrames: readonly string[]): void {
    const timeNs = this.spans.now[0] as number;
    const { id } = g.goroutine;
    const verdict = this.inference.judge(waker, id, wakerFrames, g.lastBlockText ?? '');
    if (verdict?.forward === true) {
      g.pendingMessage = this.messages.addForward(waker, id, timeNs, verdict);
    } else if (verdict !== undefined) {
      const blockNs = g.lastBlockNs;
      this.messages.addBackward(id, waker, Number.isNaN(blockNs) ? timeNs : blockNs, timeNs, verdict);
    }
    this.enter(g, this.spans.kinds.runnable(''));
  }

  /** GoStatus: the state at a generation boundary; only a change opens a span. */
  private status(id: number, status: number, stack: readonly string[], p: number): void {
    const known = this.tracked.has(id);
    const g = this.transition(known ? this.get(id) : this.create(id, 0, null), stack);
    const kind = this.statusKind(status, stack, p);
    const { spans } = g;
    const kinds = this.spans.kinds;
    if (spans.length === 0 || kinds.state(spans.kind(spans.length - 1)) !== kinds.state(kind)) {
      // A goroutine first seen here has been in this state since before the trace began.
      if (known) this.enter(g, kind);
      else this.spans.push(spans, 0, kind);
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

  private start(g: Tracked, p: number): void {
    if (g.pendingMessage >= 0) {
      this.messages.receive(g.pendingMessage, this.spans.now[0] as number);
      g.pendingMessage = -1;
    }
    this.enter(g, this.spans.kinds.running(p));
  }

  /** A new record; ids below 0 (only in damaged traces) get one that is never listed. */
  private create(id: number, timeNs: number, parentId: number | null): Tracked {
    const spans = this.spans.newList();
    const goroutine: Goroutine = { id, name: '', parentId, createdNs: timeNs, endedNs: null, spans, runtime: false, transitions: 0 };
    const g = new Tracked(goroutine, spans);
    if (id >= 0) this.tracked.set(id, g);
    return g;
  }

  /** The goroutine with `id`; one never seen before is taken to have existed since the trace began. */
  private get(id: number): Tracked {
    return this.tracked.get(id) ?? this.create(id, 0, null);
  }

  /**
   * Counts one transition and names the goroutine from the transition's stack
   * if it has no name yet. Goroutine 1 caught inside package initialisation
   * (tracing started from an `init`) first shows a runtime root frame; it
   * takes the name of its first stack outside the runtime instead.
   */
  private transition(g: Tracked, stack: readonly string[] = NO_FRAMES): Tracked {
    g.transitions++;
    // Test the length first: reading past an array's end is a slow path in V8.
    if (stack.length === 0) return g;
    const root = stack[stack.length - 1] as string;
    const { goroutine } = g;
    if (goroutine.name === '' || (goroutine.id === 1 && isRuntimeName(goroutine.name) && !isRuntimeName(root))) goroutine.name = root;
    return g;
  }

  /** Starts a span of `kind`; one starting no later than the last span replaces it. */
  /** Starts a span of `kind` now (at the event's time). */
  private enter(g: Tracked, kind: number): void {
    if (!g.ended) this.spans.enterNow(g.spans, kind);
  }

  private end(g: Tracked, timeNs: number): void {
    if (g.spans.length === 0) this.spans.push(g.spans, g.goroutine.createdNs, this.spans.kinds.running(NONE));
    g.goroutine.endedNs = timeNs;
    g.ended = true;
  }
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
