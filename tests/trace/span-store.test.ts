/** The column-wise span store: block chains, replacement, and starts too far apart for 32 bits. */
import { describe, expect, it } from 'vitest';
import { SpanStore } from '../../src/trace/go/span-store.ts';

const SECOND = 1e9;

describe('SpanStore', () => {
  it('keeps each goroutine’s spans in order across many blocks, interleaved with another’s', () => {
    const store = new SpanStore();
    const aList = store.newList();
    const bList = store.newList();
    const [a, b] = [store.view(aList), store.view(bList)];
    for (let i = 0; i < 50; i++) {
      store.push(aList, 1000 + i * 10, store.kinds.running(i % 3));
      store.push(bList, 5000 + i * 7, store.kinds.blocked(i % 2 === 0 ? 'chan receive' : 'sleep'));
    }
    expect(a.length).toBe(50);
    expect(a.at(37)).toEqual({ startNs: 1370, state: 'running' });
    expect(store.kinds.processor(a.kind(37))).toBe(1);
    expect(b.at(20)).toEqual({ startNs: 5140, state: 'blocked', reason: 'chan receive', reasonText: 'chan receive' });
    expect(b.at(-1)).toEqual({ startNs: 5000 + 49 * 7, state: 'sleeping', reasonText: 'sleep' });
    expect(b.toArray().map((span) => span.startNs)).toEqual(Array.from({ length: 50 }, (_, i) => 5000 + i * 7));
  });

  it('keeps exact starts that lie more than 4.29 s after their block’s first span', () => {
    const store = new SpanStore();
    const id = store.newList();
    const list = store.view(id);
    const starts = [3, 2 * SECOND, 7.5 * SECOND + 1, 7.5 * SECOND + 2, 100 * SECOND + 12345];
    for (const startNs of starts) store.push(id, startNs, store.kinds.runnable(''));
    expect(list.toArray().map((span) => span.startNs)).toEqual(starts);
  });

  it('replaces the last span when a new one starts no later, also at a block’s first slot', () => {
    const store = new SpanStore();
    const id = store.newList();
    const list = store.view(id);
    for (let i = 0; i < 8; i++) store.push(id, i * 10, store.kinds.running(0));
    store.now[0] = 9 * SECOND;
    store.enterNow(id, store.kinds.syscall());
    store.now[0] = 6 * SECOND;
    store.enterNow(id, store.kinds.blocked('select'));
    expect(list.length).toBe(9);
    expect(list.at(8)).toEqual({ startNs: 6 * SECOND, state: 'blocked', reason: 'select', reasonText: 'select' });
    store.now[0] = 6 * SECOND + 5;
    store.enterNow(id, store.kinds.running(1));
    expect(list.at(9)).toEqual({ startNs: 6 * SECOND + 5, state: 'running' });
    expect(list.at(10)).toBeUndefined();
  });

  it('keeps every kind when a trace has more than 256 of them', () => {
    const store = new SpanStore();
    const id = store.newList();
    const reasons = Array.from({ length: 300 }, (_, i) => `wait ${i}`);
    reasons.forEach((reason, i) => store.push(id, i, store.kinds.blocked(reason)));
    expect(store.view(id).toArray().map((span) => span.reasonText)).toEqual(reasons);
  });
});
