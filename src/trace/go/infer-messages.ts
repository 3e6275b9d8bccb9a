import type { MessageKind, MessageOperation } from '../../model.ts';
import { NONE } from './byte-cursor.ts';
import type { GenerationTables } from './generation-tables.ts';
import type { MessageVerdict } from './message-store.ts';

/** What the waking goroutine was doing, read from the innermost frames of its stack. */
type WakerOperation = 'send' | 'receive' | 'select' | 'close' | 'sync' | 'internal' | 'unknown';

/** How many innermost waker frames to search for a recognisable operation. */
const FRAMES_TO_SEARCH = 4;

/** Waker frames of the sync package and the semaphores under it. */
const SYNC_PREFIXES = ['sync.', 'internal/sync.', 'runtime.semrelease'];

/** What a wakee had blocked waiting for, as far as messages go: its block reason, in a small number. */
export const Wait = {
  /** No reason known: blocked before tracing began. */
  Unknown: 0,
  ChanReceive: 1,
  ChanSend: 2,
  Select: 3,
  Sync: 4,
  CondWait: 5,
  /** Ended only by the scheduler (timers, the network poller): never a message. */
  Scheduler: 6,
  Other: 7,
} as const;
const WAITS = 8;

/** Classifications are cached by stack and string id up to this (real traces stay far below). */
const CACHED_IDS = 1 << 16;

/** The block reasons that matter to messages; every other is {@link Wait.Other}. */
const WAITS_BY_REASON = new Map<string, number>([
  ['', Wait.Unknown],
  ['chan receive', Wait.ChanReceive],
  ['chan send', Wait.ChanSend],
  ['select', Wait.Select],
  ['sync', Wait.Sync],
  ['sync.(*Cond).Wait', Wait.CondWait],
  ['sleep', Wait.Scheduler],
  ['network', Wait.Scheduler],
]);

/** The kind of wait a block reason text stands for. */
export function waitOf(reasonText: string): number {
  return WAITS_BY_REASON.get(reasonText) ?? Wait.Other;
}

/** A waker's stack judged against every kind of wait: the verdict by {@link Wait} (undefined: no message). */
export type WakerVerdicts = readonly (MessageVerdict | undefined)[];

const NO_VERDICTS: WakerVerdicts = Array.from({ length: WAITS }, () => undefined);

/** The verdicts for wake-ups by a goroutine whose stack is `frames` (innermost first). */
export function wakerVerdicts(frames: readonly string[]): WakerVerdicts {
  if (frames.length === 0) return NO_VERDICTS;
  const operation = wakerOperation(frames);
  return Array.from({ length: WAITS }, (_, wait) => verdictFor(operation, wait, frames));
}

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
 * Both sides are classified once per distinct stack and reason text of a
 * generation (see {@link MessageInference.wakerOf} and
 * {@link MessageInference.waitOf}), so a wake-up costs two array reads.
 *
 * @example
 * new MessageInference().judge(7, 8, wakerVerdicts(['runtime.chansend1', 'main.ping']), waitOf('chan receive'))
 * // → { forward: true, kind: 'channel', operation: 'send' }
 */
export class MessageInference {
  // Classifications of the current generation's stacks and reason strings, by id; emptied when
  // the next generation's tables arrive, so the old ones can go.
  private tables: GenerationTables | undefined;
  private wakers: (WakerVerdicts | undefined)[] = [];
  private waits: (number | undefined)[] = [];

  /** The {@link Wait} of a block whose reason is string `stringId` of `tables`. */
  waitOf(tables: GenerationTables, stringId: number): number {
    this.use(tables);
    if (stringId < 0 || stringId >= CACHED_IDS) return waitOf(tables.strings.get(stringId) ?? '');
    return (this.waits[stringId] ??= waitOf(tables.strings.get(stringId) ?? ''));
  }

  /** The verdicts for a waker whose stack is stack `stackId` of `tables`. */
  wakerOf(tables: GenerationTables, stackId: number): WakerVerdicts {
    this.use(tables);
    if (stackId < 0 || stackId >= CACHED_IDS) return wakerVerdicts(tables.stacks.get(stackId) ?? []);
    return (this.wakers[stackId] ??= wakerVerdicts(tables.stacks.get(stackId) ?? []));
  }

  /**
   * The verdict on one wake-up of `wakeeId` by `wakerId` (-1 for the
   * scheduler), whose stack gave `waker`; `wait` is what the wakee blocked
   * for. `undefined`: not a message.
   */
  judge(wakerId: number, wakeeId: number, waker: WakerVerdicts, wait: number): MessageVerdict | undefined {
    if (wakerId === NONE || wakerId === wakeeId) return undefined;
    return waker[wait];
  }

  private use(tables: GenerationTables): void {
    if (tables === this.tables) return;
    this.tables = tables;
    this.wakers = [];
    this.waits = [];
  }
}

/** The verdict on a wake-up by a waker doing `operation` (stack `frames`) of a wakee in `wait`. */
function verdictFor(operation: WakerOperation, wait: number, frames: readonly string[]): MessageVerdict | undefined {
  if (operation === 'internal') return undefined;
  switch (wait) {
    case Wait.Sync:
      return verdict(true, 'sync', syncOperation(frames));
    case Wait.CondWait:
      return verdict(true, 'sync', 'cond');
    case Wait.ChanReceive:
      if (operation === 'send' || operation === 'select' || operation === 'close') return verdict(true, 'channel', operation);
      return undefined;
    case Wait.ChanSend:
      return operation === 'receive' || operation === 'select' ? verdict(false, 'channel', operation) : undefined;
    case Wait.Select:
      if (operation === 'send' || operation === 'select') return verdict(true, 'channel', 'select');
      if (operation === 'close') return verdict(true, 'channel', 'close');
      return operation === 'receive' ? verdict(false, 'channel', 'select') : undefined;
    case Wait.Unknown:
      // Blocked before tracing began: only the waker's own runtime frame tells.
      if (operation === 'send' || operation === 'select') return verdict(true, 'channel', operation);
      if (operation === 'receive') return verdict(false, 'channel', 'receive');
      return operation === 'sync' ? verdict(true, 'sync', syncOperation(frames)) : undefined;
    default:
      return undefined;
  }
}

/** Verdicts are shared objects, one per combination, so judging allocates nothing. */
const VERDICTS: MessageVerdict[] = [];
const OPERATION_ORDER: readonly MessageOperation[] = ['send', 'receive', 'select', 'close', 'mutex', 'waitgroup', 'cond', 'sync'];

function verdict(forward: boolean, kind: MessageKind, operation: MessageOperation): MessageVerdict {
  const code = (forward ? 16 : 0) | (kind === 'sync' ? 8 : 0) | OPERATION_ORDER.indexOf(operation);
  return (VERDICTS[code] ??= Object.freeze({ forward, kind, operation }));
}

/** Which sync primitive handed over, from the waker's frames. */
function syncOperation(wakerFrames: readonly string[]): MessageOperation {
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
