/** Which wake-ups become messages, in which direction, and of which kind and operation. */
import { describe, expect, it } from 'vitest';
import { MessageInference, waitOf, wakerVerdicts } from '../../src/trace/go/infer-messages.ts';
import type { GenerationTables } from '../../src/trace/go/generation-tables.ts';
import { MessageStore } from '../../src/trace/go/message-store.ts';

const END_NS = 10_000;

/** A wake-up of goroutine 8 by goroutine 7, whose stack is `wakerFrames`; 8 had blocked for `reasonText` ('' when unknown). */
function judge(wakerFrames: string[], reasonText: string, wakerId = 7, wakeeId = 8) {
  return new MessageInference().judge(wakerId, wakeeId, wakerVerdicts(wakerFrames), waitOf(reasonText));
}

const FORWARD = { forward: true };
const BACKWARD = { forward: false };

describe('MessageInference', () => {
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
    expect(judge([...frames], reason)).toEqual(expected);
  });

  it.each([
    ['the scheduler wakes a goroutine', [], 'chan receive', -1],
    ['a goroutine wakes itself', ['runtime.chansend1', 'main.a'], 'chan receive', 8],
    ['a timer ends a sleep', ['runtime.chansend1', 'main.a'], 'sleep'],
    ['the poller ends a network wait', ['runtime.chansend1', 'main.a'], 'network'],
    ['the waker has no stack', [], 'chan receive'],
    ['a close meets a blocked sender', ['main.a'], 'chan send'],
    ['a runtime frame does something unknown', ['runtime.ready', 'runtime.goready'], 'chan receive'],
    ['the reason is not about messages', ['runtime.chansend1', 'main.a'], 'GC mark assist wait for work'],
    ['a GC worker wakes another', ['runtime.gcMarkDone', 'runtime.gcBgMarkWorker'], 'sync'],
    ['the waker’s only frame has no name', [''], 'sync'],
    ['the runtime sends on its own channel', ['runtime.chansend1', 'runtime.gcBgMarkWorker'], 'chan receive'],
    ['the runtime uses a channel on a program goroutine', ['runtime.chanrecv1', 'runtime.gcStart', 'main.a'], 'chan send'],
  ] as [string, string[], string, number?][])('makes none when %s', (_case, frames, reason, wakerId = 7) => {
    expect(judge([...frames], reason, wakerId)).toBeUndefined();
  });

  it('classifies each generation’s stacks and reasons by that generation’s tables', () => {
    const inference = new MessageInference();
    const tables = (frames: string[], text: string) =>
      ({ strings: new Map([[1, text]]), stacks: new Map([[1, frames]]), nsPerTick: 1 }) as unknown as GenerationTables;
    const first = tables(['runtime.chansend1', 'main.a'], 'chan receive');
    const second = tables(['runtime.chanrecv1', 'main.a'], 'chan send');
    const judged = (t: GenerationTables) => inference.judge(7, 8, inference.wakerOf(t, 1), inference.waitOf(t, 1));
    expect(judged(first)).toEqual({ ...FORWARD, kind: 'channel', operation: 'send' });
    expect(judged(second)).toEqual({ ...BACKWARD, kind: 'channel', operation: 'receive' });
    // An id the tables do not have: no stack, no reason.
    expect(inference.judge(7, 8, inference.wakerOf(second, 9), inference.waitOf(second, 9))).toBeUndefined();
  });

  it('reads the waker’s own frame when the wakee blocked before tracing began', () => {
    expect(judge(['runtime.chansend1', 'main.a'], '')).toEqual({ ...FORWARD, kind: 'channel', operation: 'send' });
    expect(judge(['runtime.chanrecv1', 'main.a'], '')).toEqual({ ...BACKWARD, kind: 'channel', operation: 'receive' });
    expect(judge(['main.a'], '')).toBeUndefined();
  });
});

describe('MessageStore', () => {
  const send = { forward: true, kind: 'channel', operation: 'send' } as const;
  const receive = { forward: false, kind: 'channel', operation: 'receive' } as const;

  /** A forward message from `fromId` to `toId` sent at `sendNs`. */
  function sendAt(store: MessageStore, fromId: number, toId: number, sendNs: number): number {
    store.now[0] = sendNs;
    return store.addForward(fromId, toId, send);
  }

  function receiveAt(store: MessageStore, id: number, receiveNs: number): void {
    store.now[0] = receiveNs;
    store.receive(id);
  }

  it('lets a message reach a wakee that never ran again at the end of the trace', () => {
    const store = new MessageStore();
    receiveAt(store, sendAt(store, 7, 8, 100), 130);
    sendAt(store, 7, 9, 200);
    expect(store.finish(END_NS).toArray()).toEqual([
      { fromId: 7, toId: 8, sendNs: 100, receiveNs: 130, kind: 'channel', operation: 'send' },
      { fromId: 7, toId: 9, sendNs: 200, receiveNs: END_NS, kind: 'channel', operation: 'send' },
    ]);
  });

  it('merges messages found late (a receiver taking a parked value) in send-time order', () => {
    const store = new MessageStore();
    sendAt(store, 7, 8, 100);
    store.addBackward(9, 7, 150, 400, receive);
    sendAt(store, 7, 8, 300);
    store.addBackward(10, 7, 40, 500, receive);
    store.addBackward(11, 7, 900, 950, receive);
    // Sent at the same time as a forward message: comes after it.
    store.addBackward(12, 7, 300, 600, receive);
    const list = store.finish(END_NS);
    expect(list.toArray().map((m) => [m.sendNs, m.fromId])).toEqual([[40, 10], [100, 7], [150, 9], [300, 7], [300, 12], [900, 11]]);
    list.setValue(1, '42');
    expect(list.at(1)).toMatchObject({ fromId: 7, value: '42' });
    expect(list.at(3)).toMatchObject({ sendNs: 300, operation: 'send' });
    expect(list.at(-1)).toMatchObject({ fromId: 11, receiveNs: 950, operation: 'receive' });
    expect(list.at(6)).toBeUndefined();
  });

  it('keeps goroutine ids past 2^31 and receives more than 2.1 s after the send exactly', () => {
    const store = new MessageStore();
    const bigId = 2 ** 40 + 3;
    receiveAt(store, sendAt(store, bigId, 8, 100), 100 + 5e9);
    receiveAt(store, sendAt(store, 7, 8, 200), 200 + 3e9);
    store.addBackward(9, bigId + 1, 50, 50 + 7e9, receive);
    expect(store.finish(END_NS).toArray().map((m) => [m.fromId, m.toId, m.sendNs, m.receiveNs])).toEqual([
      [9, bigId + 1, 50, 50 + 7e9],
      [bigId, 8, 100, 100 + 5e9],
      [7, 8, 200, 200 + 3e9],
    ]);
  });
});
