import { IndexedList } from '../../compact-list.ts';
import type { Message, MessageKind, MessageOperation } from '../../model.ts';
import { TimeColumn } from '../time-column.ts';

/** Operations by code; a message stores its code and, in bit 3, whether it is a `sync` message. */
const OPERATIONS: readonly MessageOperation[] = ['send', 'receive', 'select', 'close', 'mutex', 'waitgroup', 'cond', 'sync'];
const SYNC_BIT = 8;

/** How a wake-up turned into a message. */
export interface MessageVerdict {
  /** True when the value went from the waker to the wakee, false when a parked sender's value went up to the waker. */
  forward: boolean;
  kind: MessageKind;
  operation: MessageOperation;
}

/** Mark a value that does not fit its 32-bit column; the exact value is kept aside. */
const WIDE = -1;
const FAR = -1;
/** Marks a receive not known yet. */
const PENDING = -2;

/** Messages per page; pages are allocated whole and never moved. */
const PAGE_SHIFT = 15;
const PAGE_MASK = (1 << PAGE_SHIFT) - 1;

/**
 * One column set: who, when, and what, in 17 bytes a message. Goroutine ids
 * are 32-bit, the send time is stored as a {@link TimeColumn} and the
 * receive time as signed 32-bit nanoseconds after the send;
 * the rare values that do not fit (ids past 2^31, a receive more than 2.1 s
 * later) are kept in maps beside. The columns share pages of 32,768
 * messages, so adding a message checks for a new page once.
 */
class Columns {
  private readonly now: Float64Array;
  readonly sendNs: TimeColumn;
  private readonly fromPages: Int32Array[] = [];
  private readonly toPages: Int32Array[] = [];
  // Signed, so that the markers are small integers: a marker too big for one would be boxed on every call.
  private readonly receiveDeltaPages: Int32Array[] = [];
  private readonly infoPages: Uint8Array[] = [];
  private readonly wideFrom = new Map<number, number>();
  private readonly wideTo = new Map<number, number>();
  /** Receive times that do not fit, by message. */
  private readonly farReceiveNs = new Map<number, number>();

  constructor(now: Float64Array) {
    this.now = now;
    this.sendNs = new TimeColumn(now);
  }

  get length(): number {
    return this.sendNs.length;
  }

  /** Adds a message sent at {@link now}, not received yet. */
  pushNow(fromId: number, toId: number, verdict: MessageVerdict): number {
    const index = this.sendNs.pushNow();
    const at = index & PAGE_MASK;
    if (at === 0) {
      this.fromPages.push(new Int32Array(PAGE_MASK + 1));
      this.toPages.push(new Int32Array(PAGE_MASK + 1));
      this.receiveDeltaPages.push(new Int32Array(PAGE_MASK + 1));
      this.infoPages.push(new Uint8Array(PAGE_MASK + 1));
    }
    const page = index >>> PAGE_SHIFT;
    (this.fromPages[page] as Int32Array)[at] = fitsInt32(fromId) ? fromId : WIDE;
    if (!fitsInt32(fromId)) this.wideFrom.set(index, fromId);
    (this.toPages[page] as Int32Array)[at] = fitsInt32(toId) ? toId : WIDE;
    if (!fitsInt32(toId)) this.wideTo.set(index, toId);
    (this.receiveDeltaPages[page] as Int32Array)[at] = PENDING;
    (this.infoPages[page] as Uint8Array)[at] = OPERATIONS.indexOf(verdict.operation) | (verdict.kind === 'sync' ? SYNC_BIT : 0);
    return index;
  }

  fromId(index: number): number {
    const id = (this.fromPages[index >>> PAGE_SHIFT] as Int32Array)[index & PAGE_MASK] as number;
    return id === WIDE ? (this.wideFrom.get(index) as number) : id;
  }

  toId(index: number): number {
    const id = (this.toPages[index >>> PAGE_SHIFT] as Int32Array)[index & PAGE_MASK] as number;
    return id === WIDE ? (this.wideTo.get(index) as number) : id;
  }

  /** Operation code and sync bit. */
  info(index: number): number {
    return (this.infoPages[index >>> PAGE_SHIFT] as Uint8Array)[index & PAGE_MASK] as number;
  }

  /** Gives every message whose receive is not known yet the time in {@link now}. */
  settlePending(): void {
    for (let i = 0; i < this.length; i++) if (this.receiveDelta(i) === PENDING) this.receiveNow(i);
  }

  receiveNs(index: number): number {
    const delta = this.receiveDelta(index);
    return delta === FAR ? (this.farReceiveNs.get(index) as number) : this.sendNs.get(index) + delta;
  }

  /** Sets that message `index` was received at {@link now}. */
  receiveNow(index: number): void {
    // The delta is a small integer (no boxed number) for all but the rarest receives.
    const delta = this.sendNs.ageNow(index);
    const deltas = this.receiveDeltaPages[index >>> PAGE_SHIFT] as Int32Array;
    if (delta >= 0 && delta <= 0x7fffffff) {
      if (deltas[index & PAGE_MASK] === FAR) this.farReceiveNs.delete(index);
      deltas[index & PAGE_MASK] = delta;
    } else {
      deltas[index & PAGE_MASK] = FAR;
      this.farReceiveNs.set(index, this.now[0] as number);
    }
  }

  private receiveDelta(index: number): number {
    return (this.receiveDeltaPages[index >>> PAGE_SHIFT] as Int32Array)[index & PAGE_MASK] as number;
  }
}

function fitsInt32(id: number): boolean {
  return id >= 0 && id <= 0x7fffffff;
}

/**
 * Collects inferred messages column-wise while the trace is read (a busy
 * server has millions) and hands them over sorted by send time.
 *
 * Forward messages are added at their send, so they arrive sorted; their
 * receive time is filled in when the wakee next runs. Backward messages
 * (a receiver taking a parked sender's value) are sent when the sender
 * parked, earlier than they are found, so they are kept apart, sorted at the
 * end and merged in.
 */
export class MessageStore {
  /**
   * The time of the event being read, which sends and receives happen at:
   * shared with the {@link SpanStore} so the hot path passes no boxed times.
   */
  readonly now: Float64Array;
  private readonly forwardColumns: Columns;
  private readonly backwardColumns: Columns;

  constructor(now = new Float64Array(1)) {
    this.now = now;
    this.forwardColumns = new Columns(now);
    this.backwardColumns = new Columns(now);
  }

  /** Adds a forward message sent {@link now} whose receive time is not known yet; returns its number for {@link receive}. */
  addForward(fromId: number, toId: number, verdict: MessageVerdict): number {
    return this.forwardColumns.pushNow(fromId, toId, verdict);
  }

  /** Sets that forward message `id` was received {@link now}. */
  receive(id: number): void {
    this.forwardColumns.receiveNow(id);
  }

  addBackward(fromId: number, toId: number, sendNs: number, receiveNs: number, verdict: MessageVerdict): void {
    const saved = this.now[0] as number;
    this.now[0] = sendNs;
    const index = this.backwardColumns.pushNow(fromId, toId, verdict);
    this.now[0] = receiveNs;
    this.backwardColumns.receiveNow(index);
    this.now[0] = saved;
  }

  /** The messages sorted by send time; forward messages never received arrive at `traceEndNs`. */
  finish(traceEndNs: number): StoredMessageList {
    const forward = this.forwardColumns;
    this.now[0] = traceEndNs;
    forward.settlePending();
    return new StoredMessageList(forward, this.backwardColumns, mergeBackward(forward, this.backwardColumns));
  }
}

/**
 * Where the backward messages go among the forward ones (which are sorted
 * already): backward message `order[k]` is at position `positions[k]` of the
 * merged list. Both ascending; a backward message sent at the same time as
 * forward ones comes after them.
 */
interface Merge {
  order: Int32Array;
  positions: Int32Array;
}

function mergeBackward(forward: Columns, backward: Columns): Merge {
  const order = Int32Array.from({ length: backward.length }, (_, i) => i);
  order.sort((a, b) => backward.sendNs.get(a) - backward.sendNs.get(b) || a - b);
  const positions = order.map((at, k) => k + forwardSentBy(forward, backward.sendNs.get(at)));
  return { order, positions };
}

/** How many forward messages were sent at or before `timeNs`. */
function forwardSentBy(forward: Columns, timeNs: number): number {
  let low = 0;
  let high = forward.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (forward.sendNs.get(middle) <= timeNs) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** How many of the ascending `positions` are below `index`. */
function countBelow(positions: Int32Array, index: number): number {
  let low = 0;
  let high = positions.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((positions[middle] as number) < index) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The messages of a Go trace, stored column-wise; values from `value` logs are set by the reader. */
export class StoredMessageList extends IndexedList<Message> {
  readonly length: number;
  private readonly forward: Columns;
  private readonly backward: Columns;
  private readonly merge: Merge;
  private readonly values = new Map<number, string>();

  constructor(forward: Columns, backward: Columns, merge: Merge) {
    super();
    this.forward = forward;
    this.backward = backward;
    this.merge = merge;
    this.length = forward.length + backward.length;
  }

  /** Labels message `index` with the value it carried. */
  setValue(index: number, value: string): void {
    this.values.set(index, value);
  }

  protected item(index: number): Message {
    const { order, positions } = this.merge;
    const before = positions.length === 0 ? 0 : countBelow(positions, index);
    const backward = positions[before] === index;
    const columns = backward ? this.backward : this.forward;
    const i = backward ? (order[before] as number) : index - before;
    const info = columns.info(i);
    const message: Message = {
      fromId: columns.fromId(i),
      toId: columns.toId(i),
      sendNs: columns.sendNs.get(i),
      receiveNs: columns.receiveNs(i),
      kind: (info & SYNC_BIT) !== 0 ? 'sync' : 'channel',
      operation: OPERATIONS[info & (SYNC_BIT - 1)] as MessageOperation,
    };
    const value = this.values.get(index);
    if (value !== undefined) message.value = value;
    return message;
  }
}
