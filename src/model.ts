/**
 * The one shape every reader produces and every later stage consumes.
 *
 * Plain, serialisable data. Times are integer nanoseconds counted from the
 * trace's first event, so `0` is the start of the recording.
 */

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
  spans: StateSpan[];
  /** True for goroutines started by the runtime itself (`runtime.*`, `runtime/trace.*`), hidden by default. */
  runtime: boolean;
  /** Number of state transitions Go's own reader reports for this goroutine (Go traces only). */
  transitions?: number;
}

/** How a message was inferred. `sync` covers mutex, WaitGroup and Cond hand-offs. */
export type MessageKind = 'channel' | 'sync';

/** A value (or a wake-up) passing from one goroutine to another. */
export interface Message {
  fromId: number;
  toId: number;
  /** When the sender acted (for Go traces: the unblock event). */
  sendNs: number;
  /** When the receiver got it (for Go traces: the receiver's next start). */
  receiveNs: number;
  kind: MessageKind;
  /** The value sent, when the trace records one. */
  value?: string;
  /** Channel label, when the trace records one. */
  channel?: string;
}

/** Where a model came from. */
export type TraceFormat = 'go' | 'gotrace';

/** A whole trace, read. */
export interface TraceModel {
  format: TraceFormat;
  /** Trace format version for Go traces, e.g. `1.26`; `null` for other formats. */
  goVersion: string | null;
  /** From the first to the last event. */
  durationNs: number;
  /** Sorted by id. */
  goroutines: Goroutine[];
  /** Sorted by `sendNs`. */
  messages: Message[];
}
