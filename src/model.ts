/**
 * The one shape every reader produces and every later stage consumes.
 *
 * Times are integer nanoseconds counted from the trace's first event, so `0`
 * is the start of the recording. The long sequences (state spans, messages,
 * processor runs) are {@link CompactList}s: a large trace has millions of
 * them, so readers store them column-wise and build each item on request.
 */

/**
 * A read-only sequence whose items are built on request. Iterate it, index it
 * with {@link CompactList.at}, or copy it with {@link CompactList.toArray};
 * items are fresh objects, so changing one changes nothing stored.
 */
export interface CompactList<T> extends Iterable<T> {
  readonly length: number;
  /** Item `index` (negative counts from the end), or `undefined` outside the list. */
  at(index: number): T | undefined;
  /** Every item, as a new array. */
  toArray(): T[];
}

/** What a goroutine is doing during a span of time. */
export type GoroutineState = 'running' | 'runnable' | 'blocked' | 'sleeping' | 'syscall';

/**
 * Why a goroutine is blocked, normalised across trace versions.
 * `other` keeps the raw reason text in {@link StateSpan.reasonText}.
 */
export type BlockReason =
  | 'chan send'
  | 'chan receive'
  | 'select'
  | 'sync'
  | 'sync.Cond'
  | 'network'
  | 'forever'
  | 'gc'
  | 'other';

/** One stretch of a goroutine's life in a single state; it lasts until the next span starts or the goroutine ends. */
export interface StateSpan {
  startNs: number;
  state: GoroutineState;
  /** Set when `state` is `blocked`. */
  reason?: BlockReason;
  /** The reason exactly as the trace spelled it, when there was one. */
  reasonText?: string;
}

/** A goroutine and its history. */
export interface Goroutine {
  /** Goroutine id as the Go runtime numbers it (gotrace recordings get ids assigned in order of appearance). */
  id: number;
  /** Start function, e.g. `main.player`; `main.main` for goroutine 1. */
  name: string;
  /** Creator's id, or `null` when unknown (existed before tracing began, or created by the runtime). */
  parentId: number | null;
  createdNs: number;
  /** When it ended, or `null` when it was still alive at the end of the trace. */
  endedNs: number | null;
  /** State spans in time order; never empty. */
  spans: CompactList<StateSpan>;
  /** True for goroutines started by the runtime itself (`runtime.*`, `runtime/trace.*`), hidden by default. */
  runtime: boolean;
  /** Number of state transitions Go's own reader reports for this goroutine (Go traces only). */
  transitions?: number;
  /** `runtime/trace` regions this goroutine ran (`trace.WithRegion`, `trace.StartRegion`), by start time; absent when none. */
  regions?: UserRegion[];
  /** `runtime/trace` logs this goroutine wrote (`trace.Log`), in time order; absent when none. */
  logs?: UserLog[];
}

/** A `runtime/trace` region on one goroutine. */
export interface UserRegion {
  name: string;
  /** The task the region belongs to; 0 for none. */
  taskId: number;
  /** 0 when the region began before tracing started. */
  startNs: number;
  /** `null` when the region was still open at the end of the trace. */
  endNs: number | null;
}

/**
 * One `trace.Log(ctx, category, message)` call.
 *
 * Convention: a log with category `value` written by a goroutine just before
 * a channel operation that becomes a message (while it is still running,
 * before it sends or blocks) labels that message: its text becomes
 * {@link Message.value}. Each log labels at most one message.
 */
export interface UserLog {
  timeNs: number;
  /** The task the log belongs to; 0 for none. */
  taskId: number;
  category: string;
  message: string;
}

/** One processor (a P: the right to run Go code) and which goroutine it ran when. */
export interface Processor {
  /** P id as the runtime numbers them, from 0. */
  id: number;
  /** Stretches in which it ran one goroutine, in time order; syscall time is not a run. */
  readonly runs: CompactList<ProcessorRun>;
}

/** A processor running one goroutine from `startNs` to `endNs`. */
export interface ProcessorRun {
  goroutineId: number;
  startNs: number;
  endNs: number;
}

/** A stretch of runtime activity: a garbage collection or a stop-the-world pause. */
export interface RuntimeSpan {
  startNs: number;
  /** The end of the trace when it was still going on then. */
  endNs: number;
  /** Why the world was stopped, as Go names it (`GC mark termination`, `start trace`, …); stop-the-world spans only. */
  reason?: string;
}

/** How a message was inferred. `sync` covers mutex, WaitGroup and Cond hand-offs. */
export type MessageKind = 'channel' | 'sync';

/**
 * The operation behind a message, finer than {@link MessageKind}: for
 * channels `send` (a send reached a waiting receiver), `receive` (a receive
 * took a parked sender's value), `select` (a select on either side) or
 * `close`; for `sync` messages `mutex`, `waitgroup`, `cond` or `sync` (other
 * primitives).
 */
export type MessageOperation = 'send' | 'receive' | 'select' | 'close' | 'mutex' | 'waitgroup' | 'cond' | 'sync';

/** A value (or a wake-up) passing from one goroutine to another. */
export interface Message {
  fromId: number;
  toId: number;
  /** When the sender acted (for Go traces: the unblock event). */
  sendNs: number;
  /** When the receiver got it (for Go traces: the receiver's next start). */
  receiveNs: number;
  kind: MessageKind;
  /** The operation behind it, when the reader can tell (Go traces). */
  operation?: MessageOperation;
  /** The value sent, when the trace records one (Go traces: see {@link UserLog} for the `value` convention). */
  value?: string;
  /** Channel label, when the trace records one. */
  channel?: string;
}

/** Where a model came from. */
export type TraceFormat = 'go' | 'gotrace';

/** A whole trace, read. */
export interface TraceModel {
  format: TraceFormat;
  /** Trace format version for Go traces, e.g. `1.26` (old formats: `1.11`, `1.19`, `1.21`); `null` for other formats. */
  goVersion: string | null;
  /** From the first to the last event. */
  durationNs: number;
  /** Sorted by id. */
  goroutines: Goroutine[];
  /** Sorted by `sendNs`. */
  messages: CompactList<Message>;
  /** Processors and what each ran when (Go traces), sorted by id. */
  processors?: Processor[];
  /** Garbage collections (Go traces), in time order. */
  gcSpans?: RuntimeSpan[];
  /** Stop-the-world pauses (Go traces), in time order. */
  stwSpans?: RuntimeSpan[];
}
