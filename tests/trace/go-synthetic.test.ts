/** The new-format reader on small traces written by hand with the event table. */
import { describe, expect, it } from 'vitest';
import { readGoTraceWithStats } from '../../src/trace/go/read-go-trace.ts';
import { batch, events, header, oneGenerationTrace, strings, timing, stacks } from './helpers/trace-writer.ts';
import type { EventSketch } from './helpers/trace-writer.ts';

const STRINGS = {
  1: 'main.main',
  2: 'main.worker',
  3: 'chan receive',
  4: 'runtime.chanrecv1',
  5: 'runtime.chansend1',
  6: 'runtime.gopark',
  7: 'time.Sleep',
  8: 'main.sleeper',
};
const STACKS = { 1: [2], 2: [4, 1], 3: [5, 2], 4: [6, 7, 8] };

/** Thread 1 runs main, which starts a worker and blocks; thread 2 runs the worker, which wakes main. */
const MAIN_THREAD: EventSketch[] = [
  ['ProcStatus', { p: 0, pstatus: 1 }],
  ['GoStatus', { g: 1, m: 1, gstatus: 2 }],
  ['GoCreate', { new_g: 5, new_stack: 1 }],
  ['GoBlock', { reason_string: 3, stack: 2 }],
  // Thread 1's clock runs behind: main's restart is stamped before the wake-up that allows it.
  ['GoStart', { dt: 10, g: 1, g_seq: 2 }],
];
const WORKER_THREAD: EventSketch[] = [
  ['ProcStatus', { p: 1, pstatus: 1 }],
  ['GoStart', { dt: 4, g: 5, g_seq: 1 }],
  ['GoUnblock', { dt: 15, g: 1, g_seq: 1, stack: 3 }],
  ['GoDestroy'],
];

function read(version: number, threads: Record<number, EventSketch[]>) {
  return readGoTraceWithStats(oneGenerationTrace({ version, strings: STRINGS, stacks: STACKS, threads }));
}

describe.each([22, 23, 25, 26])('readGoTrace on a hand-written format 1.%i trace', (version) => {
  const { model, stats } = read(version, { 1: MAIN_THREAD, 2: WORKER_THREAD });
  const [main, worker] = model.goroutines;

  it('names goroutines from their stacks and links the creator', () => {
    expect(model.goVersion).toBe(`1.${version}`);
    expect(model.goroutines.map((g) => [g.id, g.name, g.parentId, g.runtime])).toEqual([
      [1, 'main.main', null, false],
      [5, 'main.worker', 1, false],
    ]);
  });

  it('puts the wake-up before the restart despite the skewed clock', () => {
    expect(stats.forcedEvents).toBe(0);
    // Ticks are 64 ns; the first event is at tick 1001.
    expect(main!.spans.toArray()).toEqual([
      { startNs: 0, state: 'running' },
      { startNs: 3 * 64, state: 'blocked', reason: 'chan receive', reasonText: 'chan receive' },
      { startNs: 19 * 64, state: 'runnable' },
      { startNs: 19 * 64 + 1, state: 'running' },
    ]);
    expect(worker).toMatchObject({ createdNs: 2 * 64, endedNs: 20 * 64 });
  });

  it('counts transitions the way Go does', () => {
    expect(model.goroutines.map((g) => g.transitions)).toEqual([4, 3]);
  });

  it('infers the send from the worker’s chansend1 to main blocked in chan receive', () => {
    expect(model.messages.toArray()).toEqual([{ fromId: 5, toId: 1, sendNs: 19 * 64, receiveNs: 19 * 64 + 1, kind: 'channel', operation: 'send' }]);
  });
});

describe('readGoTrace on coroutine switches (format 1.23+)', () => {
  it('counts two transitions for the goroutine switched to and one for the one switched from or ended', () => {
    const { model } = read(26, {
      1: [
        ['ProcStatus', { p: 0, pstatus: 1 }],
        ['GoStatus', { g: 1, m: 1, gstatus: 2 }],
        ['GoCreateBlocked', { new_g: 9, new_stack: 1 }],
        ['GoSwitch', { g: 9, g_seq: 1 }],
        ['GoSwitchDestroy', { g: 1, g_seq: 1 }],
      ],
    });
    // main: status, switched away from, switched back to (2); the coroutine: created, switched to (2), ended.
    expect(model.goroutines.map((g) => [g.id, g.transitions, g.endedNs !== null])).toEqual([
      [1, 4, false],
      [9, 4, true],
    ]);
    expect(model.goroutines[1]!.spans.toArray().map((s) => s.state)).toEqual(['blocked', 'running']);
    expect(model.goroutines[0]!.spans.toArray().map((s) => s.state)).toEqual(['running', 'blocked', 'running']);
  });

  it('names a goroutine that was already waiting from its status stack and guesses why it waits', () => {
    const { model } = read(23, {
      1: [
        ['ProcStatus', { p: 0, pstatus: 1 }],
        ['GoStatus', { g: 1, m: 1, gstatus: 2 }],
      ],
      [-1]: [['GoStatusStack', { g: 12, m: -1, gstatus: 4, stack: 4 }]],
    });
    expect(model.goroutines[1]).toMatchObject({ id: 12, name: 'main.sleeper', createdNs: 0 });
    expect(model.goroutines[1]!.spans.toArray()).toEqual([{ startNs: 0, state: 'sleeping' }]);
  });
});

describe('readGoTrace across generations (format 1.22, no end marker)', () => {
  it('continues goroutine state from one generation into the next', () => {
    const gen = (n: number, base: number, list: EventSketch[]): number[] => [
      ...batch(n, -1, base, timing(22)),
      ...batch(n, 1, base, events(list)),
      ...batch(n, -1, base, stacks(STACKS)),
      ...batch(n, -1, base, strings(STRINGS)),
    ];
    const bytes = Uint8Array.from([
      ...header(22),
      ...gen(1, 1000, [
        ['ProcStatus', { p: 0, pstatus: 1 }],
        ['GoStatus', { g: 1, m: 1, gstatus: 2 }],
        ['GoBlock', { reason_string: 3, stack: 2 }],
      ]),
      ...gen(2, 2000, [
        ['ProcStatus', { p: 0, pstatus: 1 }],
        ['GoStatus', { g: 1, m: -1, gstatus: 4 }],
        ['GoUnblock', { g: 1, g_seq: 1 }],
        ['GoStart', { g: 1, g_seq: 2 }],
      ]),
    ]);
    const { model, stats } = readGoTraceWithStats(bytes);
    expect(stats).toMatchObject({ generations: 2, forcedEvents: 0 });
    expect(model.goroutines[0]!.spans.toArray().map((s) => s.state)).toEqual(['running', 'blocked', 'runnable', 'running']);
    expect(model.goroutines[0]!.transitions).toBe(5);
    expect(model.messages.toArray()).toEqual([]);
  });
});

describe('readGoTrace on a goroutine woken twice before it runs (a damaged trace)', () => {
  const { model, stats } = read(26, {
    1: [...MAIN_THREAD.slice(0, 4), ['GoStart', { dt: 30, g: 1, g_seq: 3 }], ['GoBlock', { dt: 5, reason_string: 3, stack: 2 }]],
    2: [...WORKER_THREAD.slice(0, 3), ['GoUnblock', { dt: 1, g: 1, g_seq: 2, stack: 3 }], ['GoDestroy']],
  });

  it('lets both messages reach main when it next runs', () => {
    expect(stats.forcedEvents).toBeGreaterThan(0);
    const messages = model.messages.toArray();
    expect(messages.map((m) => [m.fromId, m.toId, m.sendNs])).toEqual([
      [5, 1, 19 * 64],
      [5, 1, 20 * 64],
    ]);
    const restartNs = model.goroutines[0]!.spans.at(-2)!.startNs;
    expect(model.goroutines[0]!.spans.at(-2)!.state).toBe('running');
    expect(messages.map((m) => m.receiveNs)).toEqual([restartNs, restartNs]);
    expect(restartNs).toBeLessThan(model.durationNs);
  });
});
