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

  it('finds every span of long lists growing side by side, read in any order', () => {
    const store = new SpanStore();
    const lists = [store.newList(), store.newList(), store.newList()];
    // 30,000 spans cross the doubling extents (8 … 4,096) and several full-size ones after them.
    const lengths = [30_000, 9, 8_193];
    for (let i = 0; i < 30_000; i++) {
      lists.forEach((list, n) => {
        if (i < (lengths[n] as number)) store.push(list, n * 1e6 + i * 3, store.kinds.running(n));
      });
    }
    const views = lists.map((list) => store.view(list));
    expect(views.map((view) => view.length)).toEqual(lengths);
    for (const index of [0, 7, 8, 15, 16, 4095, 4096, 8191, 8192, 12_287, 12_288, 29_999]) {
      expect(views[0]?.startNs(index)).toBe(index * 3);
      // Alternating lists defeats the store's cache of the last list looked up.
      expect(views[2]?.startNs(Math.min(index, 8_192))).toBe(2e6 + Math.min(index, 8_192) * 3);
    }
    expect(views[0]?.toArray().every((span, i) => span.startNs === i * 3)).toBe(true);
    expect(views[1]?.at(8)).toEqual({ startNs: 1e6 + 24, state: 'running' });
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
