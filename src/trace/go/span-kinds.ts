import type { BlockReason, GoroutineState, StateSpan } from '../../model.ts';
import { NONE } from './byte-cursor.ts';
import { blockedSpan } from './block-reasons.ts';

/** Kinds fit in 16 bits; past that (only a damaged trace gets there) new combinations lose their text and P. */
const MAX_KINDS = 1 << 16;

interface Kind {
  state: GoroutineState;
  reason: BlockReason | undefined;
  reasonText: string | undefined;
  /** The P a running span runs on, -1 for none. */
  p: number;
}

/**
 * Numbers each distinct span content — state, block reason, the reason's
 * text, and for running spans the P — so a span is stored as a start time
 * and a small kind number. A trace has a few dozen kinds.
 */
export class SpanKinds {
  private readonly list: Kind[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly runningOnP: number[] = [];
  private readonly blockedByText = new Map<string, number>();
  private readonly guessedByText = new Map<string, number>();
  private readonly runnableByText = new Map<string, number>();
  private readonly syscallKind: number;
  private readonly plainRunnable: number;

  constructor() {
    // The plain kind of every state comes first: it is what a kind past the limit falls back to.
    for (const state of ['running', 'runnable', 'blocked', 'sleeping'] as const) this.intern(plain(state));
    this.syscallKind = this.intern(plain('syscall'));
    this.plainRunnable = this.intern(plain('runnable'));
  }

  /** Running on P `p` (-1 for none). */
  running(p: number): number {
    if (p < 0 || p >= MAX_KINDS) return this.intern({ state: 'running', reason: undefined, reasonText: undefined, p: NONE });
    return (this.runningOnP[p] ??= this.intern({ state: 'running', reason: undefined, reasonText: undefined, p }));
  }

  /** Runnable, with the text of why it stopped running when there is one (`preempted`, …). */
  runnable(reasonText: string): number {
    if (reasonText === '') return this.plainRunnable;
    let kind = this.runnableByText.get(reasonText);
    if (kind === undefined) {
      kind = this.intern({ state: 'runnable', reason: undefined, reasonText: reasonText === '' ? undefined : reasonText, p: NONE });
      this.runnableByText.set(reasonText, kind);
    }
    return kind;
  }

  /** Blocked (or sleeping) as the trace said why. */
  blocked(reasonText: string): number {
    let kind = this.blockedByText.get(reasonText);
    if (kind === undefined) {
      const { state, reason, reasonText: text } = blockedSpan(0, reasonText);
      kind = this.intern({ state, reason, reasonText: text, p: NONE });
      this.blockedByText.set(reasonText, kind);
    }
    return kind;
  }

  /** Blocked for a reason guessed from the stack (no text kept, since the trace did not say it). */
  guessedBlocked(reasonText: string): number {
    let kind = this.guessedByText.get(reasonText);
    if (kind === undefined) {
      const { state, reason } = blockedSpan(0, reasonText);
      kind = this.intern({ state, reason, reasonText: undefined, p: NONE });
      this.guessedByText.set(reasonText, kind);
    }
    return kind;
  }

  /** Every P that some running kind names. */
  processors(): number[] {
    return Object.keys(this.runningOnP).map(Number);
  }

  /** In a system call. */
  syscall(): number {
    return this.syscallKind;
  }

  state(kind: number): GoroutineState {
    return (this.list[kind] as Kind).state;
  }

  /** The P of a running kind, -1 for none and for other states. */
  processor(kind: number): number {
    return (this.list[kind] as Kind).p;
  }

  /** The span a kind stands for, starting at `startNs`. */
  span(kind: number, startNs: number): StateSpan {
    const { state, reason, reasonText } = this.list[kind] as Kind;
    const span: StateSpan = { startNs, state };
    if (reason !== undefined) span.reason = reason;
    if (reasonText !== undefined) span.reasonText = reasonText;
    return span;
  }

  private intern(kind: Kind): number {
    const key = keyOf(kind);
    let id = this.byKey.get(key);
    if (id !== undefined) return id;
    if (this.list.length >= MAX_KINDS) {
      return this.byKey.get(keyOf(plain(kind.state))) as number;
    }
    id = this.list.length;
    this.list.push(kind);
    this.byKey.set(key, id);
    return id;
  }
}

/** The kind of `state` with no reason text and no P. */
function plain(state: GoroutineState): Kind {
  return { state, reason: state === 'blocked' ? 'other' : undefined, reasonText: undefined, p: NONE };
}

function keyOf(kind: Kind): string {
  return `${kind.state}\u0000${kind.reason ?? ''}\u0000${kind.reasonText ?? ''}\u0000${kind.p}`;
}
