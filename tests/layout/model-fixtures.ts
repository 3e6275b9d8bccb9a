/**
 * Small hand-made trace models for layout and camera tests.
 */

import { listOf } from '../../src/compact-list.ts';
import type { Goroutine, Message, StateSpan, TraceModel } from '../../src/model.ts';

const MS = 1_000_000;

/** Goroutine fields for {@link goroutine}, with spans as a plain array. */
type GoroutineFields = Partial<Omit<Goroutine, 'spans'>> & Pick<Goroutine, 'id'> & { spans?: StateSpan[] };

/** A goroutine with sensible defaults: one running span from creation, never ends. */
export function goroutine(fields: GoroutineFields): Goroutine {
  const createdNs = fields.createdNs ?? 0;
  const spans: StateSpan[] = fields.spans ?? [{ startNs: createdNs, state: 'running' }];
  return {
    name: `main.worker`,
    parentId: 1,
    endedNs: null,
    runtime: false,
    ...fields,
    createdNs,
    spans: listOf(spans),
  };
}

/** A model from goroutines and messages; the duration defaults to 1 s. */
export function model(goroutines: Goroutine[], messages: Message[] = [], durationNs = 1000 * MS): TraceModel {
  return {
    format: 'go',
    goVersion: '1.23',
    durationNs,
    goroutines: [...goroutines].sort((a, b) => a.id - b.id),
    messages: listOf([...messages].sort((a, b) => a.sendNs - b.sendNs)),
  };
}

/** Main and two players passing a ball back and forth ten times over one second. */
export function pingPong(): TraceModel {
  const main = goroutine({
    id: 1,
    name: 'main.main',
    parentId: null,
    spans: [
      { startNs: 0, state: 'running' },
      { startNs: 1 * MS, state: 'sleeping' },
      { startNs: 990 * MS, state: 'running' },
    ],
  });
  const playerSpans: StateSpan[][] = [5, 6].map((_, index) => [{ startNs: (index + 0.4) * MS, state: 'blocked', reason: 'chan receive' }]);
  const messages: Message[] = [];
  for (let hit = 0; hit < 10; hit++) {
    const fromId = hit === 0 ? 1 : hit % 2 === 1 ? 5 : 6;
    const toId = hit % 2 === 0 ? 5 : 6;
    const sendNs = (hit * 100 + 2) * MS;
    messages.push({ fromId, toId, sendNs, receiveNs: sendNs + 0.1 * MS, kind: 'channel', value: String(hit) });
    const receiver = playerSpans[toId === 5 ? 0 : 1];
    receiver?.push(
      { startNs: sendNs + 0.1 * MS, state: 'running' },
      { startNs: sendNs + 1 * MS, state: 'sleeping' },
      { startNs: sendNs + 100 * MS, state: 'running' },
      { startNs: sendNs + 100.3 * MS, state: 'blocked', reason: 'chan receive' },
    );
  }
  const players = [5, 6].map((id, index) =>
    goroutine({
      id,
      name: 'main.player',
      parentId: 1,
      createdNs: (index + 0.4) * MS,
      spans: (playerSpans[index] as StateSpan[]).sort((a, b) => a.startNs - b.startNs),
    }),
  );
  return model([main, ...players], messages);
}

/** Main with `count` direct children, created 1 ms apart. */
export function fanOut(count: number): TraceModel {
  const children = Array.from({ length: count }, (_, index) =>
    goroutine({ id: index + 2, createdNs: (index + 1) * MS, endedNs: (index + 1) * MS + 400 * MS }),
  );
  return model([goroutine({ id: 1, name: 'main.main', parentId: null }), ...children]);
}

/**
 * A tree `levels` deep below main where every goroutine at level k starts
 * `fanouts[k]` children.
 */
export function tree(fanouts: readonly number[]): TraceModel {
  const goroutines: Goroutine[] = [goroutine({ id: 1, name: 'main.main', parentId: null })];
  let level = [1];
  let nextId = 2;
  for (const [depth, fanout] of fanouts.entries()) {
    const nextLevel: number[] = [];
    for (const parentId of level) {
      for (let child = 0; child < fanout; child++) {
        const id = nextId++;
        goroutines.push(goroutine({ id, parentId, name: `main.level${depth + 1}`, createdNs: id * 100_000 }));
        nextLevel.push(id);
      }
    }
    level = nextLevel;
  }
  return model(goroutines);
}

export { MS };
