/** Which wake-ups become messages, in which direction, and with which times. */
import { describe, expect, it } from 'vitest';
import type { UnblockRecord } from '../../src/trace/go/goroutine-tracker.ts';
import { inferMessages } from '../../src/trace/go/infer-messages.ts';

const END_NS = 10_000;

/** A wake-up of goroutine 8 by goroutine 7 at 100 ns; 8 had blocked at 40 ns and runs again at 130 ns. */
function unblock(wakerFrames: string[], reasonText: string | undefined, changes: Partial<UnblockRecord> = {}): UnblockRecord {
  return {
    wakerId: 7,
    wakeeId: 8,
    timeNs: 100,
    wakerFrames,
    wakeeBlock: reasonText === undefined ? undefined : { timeNs: 40, reasonText, frames: [] },
    receiveNs: 130,
    ...changes,
  };
}

const FORWARD = { fromId: 7, toId: 8, sendNs: 100, receiveNs: 130 };
const BACKWARD = { fromId: 8, toId: 7, sendNs: 40, receiveNs: 100 };

describe('inferMessages', () => {
  it.each([
    ['a send wakes a receiver', ['runtime.chansend1', 'main.a'], 'chan receive', { ...FORWARD, kind: 'channel', operation: 'send' }],
    ['a select sends to a receiver', ['runtime.selectgo', 'main.a'], 'chan receive', { ...FORWARD, kind: 'channel', operation: 'select' }],
    ['a send completes a select', ['runtime.chansend1', 'main.a'], 'select', { ...FORWARD, kind: 'channel', operation: 'select' }],
    ['two selects meet', ['runtime.selectgo', 'main.a'], 'select', { ...FORWARD, kind: 'channel', operation: 'select' }],
    ['a receive wakes a sender', ['runtime.chanrecv1', 'main.a'], 'chan send', { ...BACKWARD, kind: 'channel', operation: 'receive' }],
    ['a range loop wakes a sender', ['runtime.chanrecv2', 'main.a'], 'chan send', { ...BACKWARD, kind: 'channel', operation: 'receive' }],
    ['a receive completes a sending select', ['runtime.chanrecv1', 'main.a'], 'select', { ...BACKWARD, kind: 'channel', operation: 'select' }],
    ['a select receives from a sender', ['runtime.selectgo', 'main.a'], 'chan send', { ...BACKWARD, kind: 'channel', operation: 'select' }],
    ['a close wakes a receiver', ['main.a', 'main.main'], 'chan receive', { ...FORWARD, kind: 'channel', operation: 'close' }],
    ['a close wakes a select', ['main.a'], 'select', { ...FORWARD, kind: 'channel', operation: 'close' }],
    ['an unlock hands over a mutex', ['sync.(*Mutex).Unlock', 'main.a'], 'sync', { ...FORWARD, kind: 'sync', operation: 'mutex' }],
    ['Done releases a WaitGroup', ['sync.(*WaitGroup).Add', 'sync.(*WaitGroup).Done'], 'sync', { ...FORWARD, kind: 'sync', operation: 'waitgroup' }],
    ['a broadcast wakes a Cond waiter', ['sync.(*Cond).Broadcast', 'main.a'], 'sync.(*Cond).Wait', { ...FORWARD, kind: 'sync', operation: 'cond' }],
  ] as const)('makes a message when %s', (_case, frames, reason, expected) => {
    expect(inferMessages([unblock([...frames], reason)], END_NS)).toEqual([expected]);
  });

  it.each([
    ['the scheduler wakes a goroutine', unblock([], 'chan receive', { wakerId: -1 })],
    ['a timer ends a sleep', unblock(['runtime.chansend1', 'main.a'], 'sleep')],
    ['the poller ends a network wait', unblock(['runtime.chansend1', 'main.a'], 'network')],
    ['the waker has no stack', unblock([], 'chan receive')],
    ['a close meets a blocked sender', unblock(['main.a'], 'chan send')],
    ['a runtime frame does something unknown', unblock(['runtime.ready', 'runtime.goready'], 'chan receive')],
    ['the reason is not about messages', unblock(['runtime.chansend1', 'main.a'], 'GC mark assist wait for work')],
    ['a GC worker wakes another', unblock(['runtime.gcMarkDone', 'runtime.gcBgMarkWorker'], 'sync')],
    ['the waker’s only frame has no name', unblock([''], 'sync')],
    ['the runtime sends on its own channel', unblock(['runtime.chansend1', 'runtime.gcBgMarkWorker'], 'chan receive')],
    ['the runtime uses a channel on a program goroutine', unblock(['runtime.chanrecv1', 'runtime.gcStart', 'main.a'], 'chan send')],
  ])('makes none when %s', (_case, record) => {
    expect(inferMessages([record], END_NS)).toEqual([]);
  });

  it('reads the waker’s own frame when the wakee blocked before tracing began', () => {
    expect(inferMessages([unblock(['runtime.chansend1', 'main.a'], undefined)], END_NS)).toEqual([{ ...FORWARD, kind: 'channel', operation: 'send' }]);
    expect(inferMessages([unblock(['runtime.chanrecv1', 'main.a'], undefined)], END_NS)).toEqual([
      { fromId: 8, toId: 7, sendNs: 100, receiveNs: 100, kind: 'channel', operation: 'receive' },
    ]);
    expect(inferMessages([unblock(['main.a'], undefined)], END_NS)).toEqual([]);
  });

  it('lets a message reach a wakee that never ran again at the end of the trace', () => {
    expect(inferMessages([unblock(['runtime.chansend1', 'main.a'], 'chan receive', { receiveNs: null })], END_NS)).toEqual([
      { ...FORWARD, receiveNs: END_NS, kind: 'channel', operation: 'send' },
    ]);
  });

  it('sorts messages by send time', () => {
    const late = unblock(['runtime.chansend1', 'main.a'], 'chan receive', { timeNs: 500, receiveNs: 600 });
    const early = unblock(['runtime.chanrecv1', 'main.a'], 'chan send');
    expect(inferMessages([late, early], END_NS).map((m) => m.sendNs)).toEqual([40, 500]);
  });
});
