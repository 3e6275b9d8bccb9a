import { TraceFormatError } from '../../errors.ts';
import { hex } from '../go/byte-cursor.ts';
import type { DecodedOldTrace } from './decode-old-trace.ts';
import type { OldEventStore } from './old-event-store.ts';
import { OldType as T } from './old-event-table.ts';

/** Goroutine status as the ordering tracks it. */
const DEAD = 0;
const RUNNABLE = 1;
const RUNNING = 2;
const WAITING = 3;

/** `seq` markers: "any sequence number" (before) and "one more than now" (after). */
const ANY_SEQ = -1;
const NEXT_SEQ = -2;

/** The GC's sequence is tracked like one more goroutine under this key. */
const GC_KEY = -1;

interface SeqState {
  seq: number;
  status: number;
}

/** What an event requires of its goroutine before it may be taken, and leaves behind. */
interface Rule {
  key: number;
  before: SeqState;
  after: SeqState;
}

interface Source {
  /** Event indices of this P (or of the CPU samples), in order. */
  indices: readonly number[] | Int32Array;
  next: number;
}

/**
 * Puts the events of all Ps into one order, as Go's reader does for old
 * traces: repeatedly take, among the next events of every P whose
 * preconditions hold (a goroutine is created before it starts, starts with
 * the right sequence number, is waiting before it is woken, GC numbers
 * follow on), the earliest. Then syscall exits move to the time the runtime
 * measured for them, the events are sorted by time (keeping equal times in
 * order), "local" event variants become the plain ones, and times become
 * nanoseconds since the first event.
 *
 * Returns event indices in order. Fails like Go when no order exists or the
 * times contradict it.
 *
 * @example
 * orderOldEvents(decoded).length // → decoded.events.length
 */
export function orderOldEvents(trace: DecodedOldTrace): Int32Array {
  const { events } = trace;
  const sources: Source[] = [...trace.batchRanges.values()].map((ranges) => ({ indices: expand(ranges), next: 0 }));
  const samples = [...trace.cpuSamples].sort((a, b) => events.ticks(a) - events.ticks(b));
  sources.push({ indices: samples, next: 0 });

  // 1. Merge: every P offers its next event once it is ready; the earliest offered goes first.
  const order = new Int32Array(events.length);
  let count = 0;
  const states = new Map<number, SeqState>();
  const frontier = new Frontier(events);
  let waiting = sources.filter((s) => s.indices.length > 0);
  for (;;) {
    const stillWaiting: Source[] = [];
    for (const source of waiting) {
      const index = source.indices[source.next] as number;
      const rule = ruleOf(events, index);
      if (rule === undefined || ready(rule, states)) frontier.push(index, source);
      else stillWaiting.push(source);
    }
    waiting = stillWaiting;

    const taken = frontier.pop();
    if (taken === undefined) {
      if (waiting.length === 0) break;
      const stuck = waiting[0]!.indices[waiting[0]!.next] as number;
      throw new TraceFormatError(
        `no consistent order of events exists: the event at offset ${hex(events.offset(stuck))} can never happen`,
        { offset: events.offset(stuck) },
      );
    }
    const [index, source] = taken;
    const rule = ruleOf(events, index);
    if (rule !== undefined) apply(rule, states, events, index);
    order[count++] = index;
    source.next++;
    if (source.next < source.indices.length) waiting.push(source);
  }

  // 2. Local variants were only needed for ordering.
  for (let i = 0; i < count; i++) {
    const index = order[i] as number;
    const type = events.type(index);
    if (type === T.GoStartLocal) events.setType(index, T.GoStart);
    else if (type === T.GoUnblockLocal) events.setType(index, T.GoUnblock);
    else if (type === T.GoSysExitLocal) events.setType(index, T.GoSysExit);
    if (i > 0 && events.ticks(index) < events.ticks(order[i - 1] as number)) throw timeOrder(events, index);
  }

  // 3. Syscall exits take their measured time, then everything is sorted by time.
  moveSyscallExits(events, order);
  const sorted = Int32Array.from(
    [...order].map((index, position) => ({ index, position })).sort(
      (a, b) => events.ticks(a.index) - events.ticks(b.index) || a.position - b.position,
    ),
    (entry) => entry.index,
  );

  // 4. Nanoseconds since the first event.
  if (sorted.length > 0) {
    const originTicks = events.ticks(sorted[0] as number);
    const nsPerTick = 1e9 / trace.ticksPerSecond;
    for (const index of sorted) events.setTicks(index, Math.trunc((events.ticks(index) - originTicks) * nsPerTick));
  }
  return sorted;
}

function moveSyscallExits(events: OldEventStore, order: Int32Array): void {
  const blockedTicks = new Map<number, number>();
  for (const index of order) {
    const type = events.type(index);
    if (type === T.GoSysBlock || type === T.GoInSyscall) blockedTicks.set(events.g(index), events.ticks(index));
    if (type !== T.GoSysExit) continue;
    const exitTicks = events.arg(index, 2);
    if (exitTicks === 0) continue;
    const blocked = blockedTicks.get(events.g(index)) ?? 0;
    if (blocked === 0) {
      const offset = events.offset(index);
      throw new TraceFormatError(`syscall exit at offset ${hex(offset)} ends no syscall`, { offset });
    }
    if (exitTicks < blocked) throw timeOrder(events, index);
    events.setTicks(index, exitTicks);
  }
}

function timeOrder(events: OldEventStore, index: number): TraceFormatError {
  const offset = events.offset(index);
  return new TraceFormatError(`time stamps out of order at the event at offset ${hex(offset)}`, { offset });
}

/** The ordering rule of an event, or `undefined` for events that may go any time. */
function ruleOf(events: OldEventStore, i: number): Rule | undefined {
  const g = events.g(i);
  switch (events.type(i)) {
    case T.GoCreate:
      return { key: events.arg(i, 0), before: { seq: 0, status: DEAD }, after: { seq: 1, status: RUNNABLE } };
    case T.GoWaiting:
    case T.GoInSyscall:
      return { key: g, before: { seq: 1, status: RUNNABLE }, after: { seq: 2, status: WAITING } };
    case T.GoStart:
    case T.GoStartLabel: {
      const seq = events.arg(i, 1);
      return { key: g, before: { seq, status: RUNNABLE }, after: { seq: seq + 1, status: RUNNING } };
    }
    case T.GoStartLocal:
      return { key: g, before: { seq: ANY_SEQ, status: RUNNABLE }, after: { seq: NEXT_SEQ, status: RUNNING } };
    case T.GoBlock:
    case T.GoBlockSend:
    case T.GoBlockRecv:
    case T.GoBlockSelect:
    case T.GoBlockSync:
    case T.GoBlockCond:
    case T.GoBlockNet:
    case T.GoSleep:
    case T.GoSysBlock:
    case T.GoBlockGC:
      return { key: g, before: { seq: ANY_SEQ, status: RUNNING }, after: { seq: ANY_SEQ, status: WAITING } };
    case T.GoSched:
    case T.GoPreempt:
      return { key: g, before: { seq: ANY_SEQ, status: RUNNING }, after: { seq: ANY_SEQ, status: RUNNABLE } };
    case T.GoUnblock:
    case T.GoSysExit: {
      const seq = events.arg(i, 1);
      return { key: events.arg(i, 0), before: { seq, status: WAITING }, after: { seq: seq + 1, status: RUNNABLE } };
    }
    case T.GoUnblockLocal:
    case T.GoSysExitLocal:
      return { key: events.arg(i, 0), before: { seq: ANY_SEQ, status: WAITING }, after: { seq: NEXT_SEQ, status: RUNNABLE } };
    case T.GCStart: {
      const seq = events.arg(i, 0);
      return { key: GC_KEY, before: { seq, status: DEAD }, after: { seq: seq + 1, status: DEAD } };
    }
    default:
      return undefined;
  }
}

function ready(rule: Rule, states: ReadonlyMap<number, SeqState>): boolean {
  const now = states.get(rule.key) ?? { seq: 0, status: DEAD };
  return (rule.before.seq === ANY_SEQ || rule.before.seq === now.seq) && rule.before.status === now.status;
}

function apply(rule: Rule, states: Map<number, SeqState>, events: OldEventStore, index: number): void {
  const now = states.get(rule.key) ?? { seq: 0, status: DEAD };
  if (!ready(rule, states)) {
    const offset = events.offset(index);
    throw new TraceFormatError(`impossible goroutine state change at the event at offset ${hex(offset)}`, { offset });
  }
  const seq = rule.after.seq === ANY_SEQ ? now.seq : rule.after.seq === NEXT_SEQ ? now.seq + 1 : rule.after.seq;
  states.set(rule.key, { seq, status: rule.after.status });
}

function expand(ranges: readonly number[]): Int32Array {
  let total = 0;
  for (let r = 0; r < ranges.length; r += 2) total += (ranges[r + 1] as number) - (ranges[r] as number);
  const indices = new Int32Array(total);
  let n = 0;
  for (let r = 0; r < ranges.length; r += 2) {
    for (let i = ranges[r] as number; i < (ranges[r + 1] as number); i++) indices[n++] = i;
  }
  return indices;
}

/** A min-heap of offered events by time. */
class Frontier {
  private readonly items: [number, Source][] = [];

  constructor(private readonly events: OldEventStore) {}

  push(index: number, source: Source): void {
    const { items } = this;
    items.push([index, source]);
    let j = items.length - 1;
    while (j > 0) {
      const parent = (j - 1) >> 1;
      if (this.ticks(j) >= this.ticks(parent)) break;
      [items[j], items[parent]] = [items[parent]!, items[j]!];
      j = parent;
    }
  }

  pop(): [number, Source] | undefined {
    const { items } = this;
    if (items.length === 0) return undefined;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= items.length) break;
        const right = left + 1;
        const child = right < items.length && this.ticks(right) < this.ticks(left) ? right : left;
        if (this.ticks(child) >= this.ticks(i)) break;
        [items[i], items[child]] = [items[child]!, items[i]!];
        i = child;
      }
    }
    return top;
  }

  private ticks(position: number): number {
    return this.events.ticks(this.items[position]![0]);
  }
}
