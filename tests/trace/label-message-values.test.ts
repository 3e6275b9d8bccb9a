/** Which messages take the value a `trace.Log(ctx, "value", …)` announced. */
import { describe, expect, it } from 'vitest';
import { listOf } from '../../src/compact-list.ts';
import type { Goroutine, StateSpan } from '../../src/model.ts';
import { labelMessageValues } from '../../src/trace/go/label-message-values.ts';
import { MessageStore } from '../../src/trace/go/message-store.ts';

const SEND = { forward: true, kind: 'channel', operation: 'send' } as const;

function sender(spans: StateSpan[], logTimesNs: number[]): Goroutine {
  const logs = logTimesNs.map((timeNs, i) => ({ timeNs, taskId: 0, category: 'value', message: `v${i}` }));
  return { id: 1, name: 'main.main', parentId: null, createdNs: 0, endedNs: null, spans: listOf(spans), runtime: false, logs };
}

/** Messages from goroutine 1 sent at `sendsNs`, labelled. */
function labelled(goroutine: Goroutine, sendsNs: number[]): (string | undefined)[] {
  const store = new MessageStore();
  for (const ns of sendsNs) {
    store.now[0] = ns;
    store.addForward(1, 2, SEND);
  }
  const messages = store.finish(1000);
  labelMessageValues(messages, [goroutine]);
  return messages.toArray().map((m) => m.value);
}

describe('labelMessageValues', () => {
  it('gives a send the latest value logged in the same running stretch, once', () => {
    const g = sender([{ startNs: 5, state: 'running' }, { startNs: 50, state: 'blocked' }, { startNs: 60, state: 'running' }], [8, 9, 55, 70]);
    expect(labelled(g, [10, 20, 80])).toEqual(['v1', undefined, 'v3']);
  });

  it('labels nothing sent before the sender’s first span', () => {
    const g = sender([{ startNs: 10, state: 'running' }], [10]);
    expect(labelled(g, [10])).toEqual([undefined]);
  });
});
