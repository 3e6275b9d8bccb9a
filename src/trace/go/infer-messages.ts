import type { MessageKind, MessageOperation } from '../../model.ts';
import { NONE } from './byte-cursor.ts';
import type { MessageVerdict } from './message-store.ts';

/** What the waking goroutine was doing, read from the innermost frames of its stack. */
type WakerOperation = 'send' | 'receive' | 'select' | 'close' | 'sync' | 'internal' | 'unknown';

/** How many innermost waker frames to search for a recognisable operation. */
const FRAMES_TO_SEARCH = 4;

/** Waker frames of the sync package and the semaphores under it. */
const SYNC_PREFIXES = ['sync.', 'internal/sync.', 'runtime.semrelease'];

/** Block reasons that only the scheduler ends (timers, the network poller): never a message. */
const SCHEDULER_REASONS = new Set(['sleep', 'network']);

/**
 * Decides which GoUnblock events are goroutine-to-goroutine messages. The waker's
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
 * Times (set by the reader): for waker → wakee (`forward`), `sendNs` is the
 * unblock and `receiveNs` the wakee's next start, or the end of the trace
 * when it never ran again. For wakee → waker the sender had parked with its
 * value first, so `sendNs` is the wakee's block time and `receiveNs` the
 * unblock, when the waker took the value.
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
 * new MessageInference().judge(7, 8, ['runtime.chansend1', 'main.ping'], 'chan receive')
 * // → { forward: true, kind: 'channel', operation: 'send' }
 */
export class MessageInference {
  // Stacks are shared arrays per generation, so each is classified once; the
  // cache is emptied when a new generation's stacks arrive so old ones can go.
  private operations = new Map<readonly string[], WakerOperation>();
  private stacksOf: unknown;

  /** Call with the current generation's stack table before judging its wake-ups. */
  useStacks(stacks: unknown): void {
    if (stacks === this.stacksOf) return;
    this.stacksOf = stacks;
    this.operations = new Map();
  }

  /**
   * The verdict on one wake-up of `wakeeId` by `wakerId` (-1 for the
   * scheduler), whose stack is `wakerFrames` (innermost first); `waited` is
   * the reason the wakee blocked with, `''` when unknown. `undefined`: not a
   * message.
   */
  judge(wakerId: number, wakeeId: number, wakerFrames: readonly string[], waited: string): MessageVerdict | undefined {
    if (wakerId === NONE || wakerId === wakeeId || wakerFrames.length === 0) return undefined;
    if (SCHEDULER_REASONS.has(waited)) return undefined;
    let operation = this.operations.get(wakerFrames);
    if (operation === undefined) {
      operation = wakerOperation(wakerFrames);
      this.operations.set(wakerFrames, operation);
    }
    if (operation === 'internal') return undefined;
    if (waited === 'sync' || waited === 'sync.(*Cond).Wait') return verdict(true, 'sync', syncOperation(waited, wakerFrames));
    switch (waited) {
      case 'chan receive':
        if (operation === 'send' || operation === 'select' || operation === 'close') return verdict(true, 'channel', operation);
        return undefined;
      case 'chan send':
        return operation === 'receive' || operation === 'select' ? verdict(false, 'channel', operation) : undefined;
      case 'select':
        if (operation === 'send' || operation === 'select') return verdict(true, 'channel', 'select');
        if (operation === 'close') return verdict(true, 'channel', 'close');
        return operation === 'receive' ? verdict(false, 'channel', 'select') : undefined;
      case '':
        // Blocked before tracing began: only the waker's own runtime frame tells.
        if (operation === 'send' || operation === 'select') return verdict(true, 'channel', operation);
        if (operation === 'receive') return verdict(false, 'channel', 'receive');
        return operation === 'sync' ? verdict(true, 'sync', syncOperation(waited, wakerFrames)) : undefined;
      default:
        return undefined;
    }
  }
}

/** Verdicts are shared objects, one per combination, so judging allocates nothing. */
const VERDICTS: MessageVerdict[] = [];
const OPERATION_ORDER: readonly MessageOperation[] = ['send', 'receive', 'select', 'close', 'mutex', 'waitgroup', 'cond', 'sync'];

function verdict(forward: boolean, kind: MessageKind, operation: MessageOperation): MessageVerdict {
  const code = (forward ? 16 : 0) | (kind === 'sync' ? 8 : 0) | OPERATION_ORDER.indexOf(operation);
  return (VERDICTS[code] ??= Object.freeze({ forward, kind, operation }));
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
