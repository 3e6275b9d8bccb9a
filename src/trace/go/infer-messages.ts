import type { Message, MessageOperation } from '../../model.ts';
import { NONE } from './byte-cursor.ts';
import type { UnblockRecord } from './goroutine-tracker.ts';

/** What the waking goroutine was doing, read from the innermost frames of its stack. */
type WakerOperation = 'send' | 'receive' | 'select' | 'close' | 'sync' | 'internal' | 'unknown';

/** How many innermost waker frames to search for a recognisable operation. */
const FRAMES_TO_SEARCH = 4;

/** Waker frames of the sync package and the semaphores under it. */
const SYNC_PREFIXES = ['sync.', 'internal/sync.', 'runtime.semrelease'];

/** Block reasons that only the scheduler ends (timers, the network poller): never a message. */
const SCHEDULER_REASONS = new Set(['sleep', 'network']);

/**
 * Infers goroutine-to-goroutine messages from GoUnblock events. The waker's
 * stack says what it did (`runtime.chansend1`, `runtime.chanrecv1`,
 * `runtime.selectgo`, `runtime.closechan`, `sync.*`); the wakee's last block
 * reason says what it was waiting for. Together they give the direction:
 *
 * | wakee blocked in | waker did         | message                           |
 * |------------------|-------------------|-----------------------------------|
 * | chan receive     | send / select     | waker → wakee                     |
 * | chan send        | receive / select  | wakee → waker (the data went up)  |
 * | select           | send / select     | waker → wakee                     |
 * | select           | receive           | wakee → waker                     |
 * | receive, select  | close             | waker → wakee, no value           |
 * | sync, Cond       | anything          | waker → wakee, kind `sync`        |
 *
 * `operation` says more: `send`, `receive`, `select` (a select on either
 * side), `close`, or for `sync` messages `mutex`, `waitgroup`, `cond`, `sync`.
 *
 * Times: for waker → wakee, `sendNs` is the unblock and `receiveNs` the
 * wakee's next start. For wakee → waker the sender had parked with its value
 * first, so `sendNs` is the wakee's block time and `receiveNs` the unblock,
 * when the waker took the value. A wakee that never ran again receives at
 * `traceEndNs`.
 *
 * A close is recognised by the closing user function on top of the waker's
 * stack: the runtime records no `runtime.closechan` frame. Two selects
 * meeting cannot be told apart; that case is read as waker → wakee.
 *
 * Not messages: wake-ups by the scheduler (no current goroutine or no
 * stack), ends of `sleep` and `network` waits, and the runtime's own traffic
 * (a waker whose whole stack is `runtime.*` or unnamed, such as GC workers
 * and the tracer, or a channel operation called by a `runtime.` function,
 * such as the GC's internal channels used on a program goroutine).
 *
 * @example
 * inferMessages([{ wakerId: 7, wakeeId: 8, timeNs: 100, wakerFrames: ['runtime.chansend1', 'main.ping'],
 *   wakeeBlock: { timeNs: 40, reasonText: 'chan receive', frames: [] }, receiveNs: 130 }], 1000)
 * // → [{ fromId: 7, toId: 8, sendNs: 100, receiveNs: 130, kind: 'channel', operation: 'send' }]
 */
export function inferMessages(unblocks: readonly UnblockRecord[], traceEndNs: number): Message[] {
  const messages: Message[] = [];
  // Stacks are shared arrays per generation, so each is classified once.
  const operations = new Map<readonly string[], WakerOperation>();
  for (const unblock of unblocks) {
    let operation = operations.get(unblock.wakerFrames);
    if (operation === undefined) {
      operation = wakerOperation(unblock.wakerFrames);
      operations.set(unblock.wakerFrames, operation);
    }
    const message = inferMessage(unblock, operation, traceEndNs);
    if (message !== undefined) messages.push(message);
  }
  return messages.sort((a, b) => a.sendNs - b.sendNs);
}

function inferMessage(
  unblock: UnblockRecord,
  operation: WakerOperation,
  traceEndNs: number,
): Message | undefined {
  const { wakerId, wakeeId, timeNs, wakerFrames, wakeeBlock } = unblock;
  if (wakerId === NONE || wakerId === wakeeId || wakerFrames.length === 0) return undefined;
  const waited = wakeeBlock?.reasonText ?? '';
  if (SCHEDULER_REASONS.has(waited)) return undefined;

  const forward = (kind: Message['kind'], via: MessageOperation): Message => ({
    fromId: wakerId,
    toId: wakeeId,
    sendNs: timeNs,
    receiveNs: unblock.receiveNs ?? traceEndNs,
    kind,
    operation: via,
  });
  const backward = (via: MessageOperation): Message => ({
    fromId: wakeeId,
    toId: wakerId,
    sendNs: wakeeBlock?.timeNs ?? timeNs,
    receiveNs: timeNs,
    kind: 'channel',
    operation: via,
  });

  if (operation === 'internal') return undefined;
  if (waited === 'sync' || waited === 'sync.(*Cond).Wait') return forward('sync', syncOperation(waited, wakerFrames));
  switch (waited) {
    case 'chan receive':
      if (operation === 'send' || operation === 'select' || operation === 'close') return forward('channel', operation);
      return undefined;
    case 'chan send':
      return operation === 'receive' || operation === 'select' ? backward(operation) : undefined;
    case 'select':
      if (operation === 'send' || operation === 'select') return forward('channel', 'select');
      if (operation === 'close') return forward('channel', 'close');
      return operation === 'receive' ? backward('select') : undefined;
    case '':
      // Blocked before tracing began: only the waker's own runtime frame tells.
      if (operation === 'send' || operation === 'select') return forward('channel', operation);
      if (operation === 'receive') return backward('receive');
      return operation === 'sync' ? forward('sync', syncOperation(waited, wakerFrames)) : undefined;
    default:
      return undefined;
  }
}

/** Which sync primitive handed over, from the wakee's reason and the waker's frames. */
function syncOperation(waited: string, wakerFrames: readonly string[]): MessageOperation {
  if (waited === 'sync.(*Cond).Wait') return 'cond';
  for (const frame of wakerFrames.slice(0, FRAMES_TO_SEARCH + 2)) {
    if (frame.includes('WaitGroup')) return 'waitgroup';
    if (frame.includes('Mutex')) return 'mutex';
    if (frame.includes('(*Cond)')) return 'cond';
  }
  return 'sync';
}

function wakerOperation(frames: readonly string[]): WakerOperation {
  if (frames.every(isRuntimeFrame)) return 'internal';
  for (const [depth, frame] of frames.slice(0, FRAMES_TO_SEARCH).entries()) {
    const operation = channelOperation(frame);
    if (operation !== undefined) {
      return frames[depth + 1]?.startsWith('runtime.') === true ? 'internal' : operation;
    }
    if (SYNC_PREFIXES.some((prefix) => frame.startsWith(prefix))) return 'sync';
    // The first frame outside the runtime ends the search. On top, it is a close:
    // the runtime leaves closechan out of the waker's stack.
    if (!isRuntimeFrame(frame) && !frame.startsWith('internal/')) return depth === 0 ? 'close' : 'unknown';
  }
  return 'unknown';
}

/** Runtime code, or a frame the runtime left unnamed. */
function isRuntimeFrame(frame: string): boolean {
  return frame === '' || frame.startsWith('runtime.');
}

function channelOperation(frame: string): WakerOperation | undefined {
  if (frame.startsWith('runtime.chansend') || frame === 'runtime.selectnbsend') return 'send';
  if (frame.startsWith('runtime.chanrecv') || frame === 'runtime.selectnbrecv') return 'receive';
  if (frame === 'runtime.selectgo') return 'select';
  if (frame === 'runtime.closechan') return 'close';
  return undefined;
}
