import type { BlockReason, StateSpan } from '../../model.ts';

/** Go's block reason strings (GoBlock's reason) mapped onto the model's reasons. */
const REASONS: ReadonlyMap<string, BlockReason> = new Map<string, BlockReason>([
  ['chan send', 'chan send'],
  ['chan receive', 'chan receive'],
  ['select', 'select'],
  ['sync', 'sync'],
  ['sync.(*Cond).Wait', 'sync.Cond'],
  ['network', 'network'],
  ['forever', 'forever'],
  ['GC mark assist wait for work', 'gc'],
  ['GC background sweeper wait', 'gc'],
  ['wait until GC ends', 'gc'],
]);

/** The reason Go writes for `time.Sleep`; drawn as its own state. */
export const SLEEP_REASON = 'sleep';

/**
 * The span a goroutine enters when it blocks with `reasonText` at `startNs`:
 * `sleeping` for `sleep`, otherwise `blocked` with the normalised reason.
 * Unknown reasons become `other`; the raw text is kept whenever there is one.
 *
 * @example
 * blockedSpan(5, 'sync.(*Cond).Wait')
 * // → { startNs: 5, state: 'blocked', reason: 'sync.Cond', reasonText: 'sync.(*Cond).Wait' }
 */
export function blockedSpan(startNs: number, reasonText: string): StateSpan {
  if (reasonText === SLEEP_REASON) return { startNs, state: 'sleeping', reasonText };
  const span: StateSpan = { startNs, state: 'blocked', reason: REASONS.get(reasonText) ?? 'other' };
  if (reasonText !== '') span.reasonText = reasonText;
  return span;
}

/**
 * Guesses why a goroutine that was already waiting when tracing started is
 * blocked, from the innermost frames of its stack (Go 1.23+ writes one).
 * Returns `''` when the frames say nothing recognisable.
 *
 * @example
 * reasonFromFrames(['runtime.chanrecv1', 'main.worker']) // → 'chan receive'
 */
export function reasonFromFrames(frames: readonly string[]): string {
  for (const frame of frames.slice(0, 4)) {
    if (frame.startsWith('runtime.chanrecv')) return 'chan receive';
    if (frame.startsWith('runtime.chansend')) return 'chan send';
    if (frame === 'runtime.selectgo') return 'select';
    if (frame === 'runtime.block') return 'forever';
    if (frame === 'time.Sleep') return SLEEP_REASON;
    if (frame === 'sync.(*Cond).Wait') return 'sync.(*Cond).Wait';
    if (frame.startsWith('sync.') || frame.startsWith('internal/sync.')) return 'sync';
    if (frame.startsWith('internal/poll.')) return 'network';
  }
  return '';
}
