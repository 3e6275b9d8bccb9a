import { IndexedList } from '../../compact-list.ts';
import type { Message, MessageKind, MessageOperation } from '../../model.ts';
import { PagedColumn } from '../paged-column.ts';

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

/** One column set: who, when, and what. */
class Columns {
  readonly from = new PagedColumn((n) => new Float64Array(n));
  readonly to = new PagedColumn((n) => new Float64Array(n));
  readonly sendNs = new PagedColumn((n) => new Float64Array(n));
  readonly receiveNs = new PagedColumn((n) => new Float64Array(n));
  readonly info = new PagedColumn((n) => new Uint8Array(n));

  push(fromId: number, toId: number, sendNs: number, receiveNs: number, verdict: MessageVerdict): number {
    this.from.push(fromId);
    this.to.push(toId);
    this.sendNs.push(sendNs);
    this.receiveNs.push(receiveNs);
    const code = OPERATIONS.indexOf(verdict.operation) | (verdict.kind === 'sync' ? SYNC_BIT : 0);
    return this.info.push(code);
  }
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
  private readonly forwardColumns = new Columns();
  private readonly backwardColumns = new Columns();

  /** Adds a forward message whose receive time is not known yet; returns its number for {@link receive}. */
  addForward(fromId: number, toId: number, sendNs: number, verdict: MessageVerdict): number {
    return this.forwardColumns.push(fromId, toId, sendNs, Number.NaN, verdict);
  }

  /** Sets when forward message `id` was received. */
  receive(id: number, receiveNs: number): void {
    this.forwardColumns.receiveNs.set(id, receiveNs);
  }

  addBackward(fromId: number, toId: number, sendNs: number, receiveNs: number, verdict: MessageVerdict): void {
    this.backwardColumns.push(fromId, toId, sendNs, receiveNs, verdict);
  }

  /** The messages sorted by send time; forward messages never received arrive at `traceEndNs`. */
  finish(traceEndNs: number): StoredMessageList {
    const forward = this.forwardColumns;
    for (let i = 0; i < forward.receiveNs.length; i++) {
      if (Number.isNaN(forward.receiveNs.get(i))) forward.receiveNs.set(i, traceEndNs);
    }
    return new StoredMessageList(forward, this.backwardColumns, mergeOrder(forward, this.backwardColumns));
  }
}

/**
 * Positions of the merged list: `i >= 0` is forward message i, `~i` backward
 * message i. `undefined` when there are no backward messages (the forward
 * ones are the list).
 */
function mergeOrder(forward: Columns, backward: Columns): Int32Array | undefined {
  const backwardCount = backward.sendNs.length;
  if (backwardCount === 0) return undefined;
  const sorted = Array.from({ length: backwardCount }, (_, i) => i).sort(
    (a, b) => backward.sendNs.get(a) - backward.sendNs.get(b) || a - b,
  );
  const forwardCount = forward.sendNs.length;
  const order = new Int32Array(forwardCount + backwardCount);
  let f = 0;
  let b = 0;
  for (let i = 0; i < order.length; i++) {
    const takeBackward =
      f >= forwardCount ||
      (b < backwardCount && backward.sendNs.get(sorted[b] as number) < forward.sendNs.get(f));
    order[i] = takeBackward ? ~(sorted[b++] as number) : f++;
  }
  return order;
}

/** The messages of a Go trace, stored column-wise; values from `value` logs are set by the reader. */
export class StoredMessageList extends IndexedList<Message> {
  readonly length: number;
  private readonly forward: Columns;
  private readonly backward: Columns;
  private readonly order: Int32Array | undefined;
  private readonly values = new Map<number, string>();

  constructor(forward: Columns, backward: Columns, order: Int32Array | undefined) {
    super();
    this.forward = forward;
    this.backward = backward;
    this.order = order;
    this.length = forward.sendNs.length + backward.sendNs.length;
  }

  /** Labels message `index` with the value it carried. */
  setValue(index: number, value: string): void {
    this.values.set(index, value);
  }

  protected item(index: number): Message {
    const at = this.order === undefined ? index : (this.order[index] as number);
    const columns = at >= 0 ? this.forward : this.backward;
    const i = at >= 0 ? at : ~at;
    const info = columns.info.get(i);
    const message: Message = {
      fromId: columns.from.get(i),
      toId: columns.to.get(i),
      sendNs: columns.sendNs.get(i),
      receiveNs: columns.receiveNs.get(i),
      kind: (info & SYNC_BIT) !== 0 ? 'sync' : 'channel',
      operation: OPERATIONS[info & (SYNC_BIT - 1)] as MessageOperation,
    };
    const value = this.values.get(index);
    if (value !== undefined) message.value = value;
    return message;
  }
}
