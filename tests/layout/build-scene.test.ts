import { describe, expect, it } from 'vitest';
import { buildScene, TIME_AXIS_UNITS, TOP_Y } from '../../src/layout/build-scene.ts';
import { DARK_THEME } from '../../src/layout/themes.ts';
import type { TraceModel } from '../../src/model.ts';
import { goroutine, model, MS, pingPong } from './model-fixtures.ts';

function build(input: TraceModel, showRuntime = false) {
  return buildScene(input, { width: 640, height: 360, theme: DARK_THEME, showRuntime, antialias: true });
}

function withRuntime(): TraceModel {
  return model(
    [
      goroutine({ id: 1, name: 'main.main', parentId: null }),
      goroutine({ id: 2, name: 'runtime.bgsweep', parentId: null, runtime: true }),
      goroutine({ id: 3, name: 'main.worker', parentId: 1, createdNs: 5 * MS }),
      goroutine({ id: 4, name: 'runtime/trace.Start.func1', parentId: 2, runtime: true }),
    ],
    [
      { fromId: 3, toId: 1, sendNs: 10 * MS, receiveNs: 11 * MS, kind: 'channel', value: '7' },
      { fromId: 2, toId: 3, sendNs: 20 * MS, receiveNs: 20 * MS, kind: 'sync' },
    ],
  );
}

describe('buildScene', () => {
  it('maps the whole trace onto the fixed time axis', () => {
    const scene = build(pingPong());
    expect(scene.topY).toBe(TOP_Y);
    expect(scene.durationNs).toBe(1000 * MS);
    expect(scene.topY - scene.durationNs * scene.unitsPerNs).toBeCloseTo(TOP_Y - TIME_AXIS_UNITS, 9);
  });

  it('keeps the time axis finite for a trace of zero length', () => {
    const scene = build(model([goroutine({ id: 1, name: 'main.main', parentId: null })], [], 0));
    expect(Number.isFinite(scene.unitsPerNs)).toBe(true);
    expect(scene.unitsPerNs).toBeGreaterThan(0);
  });

  it('keeps a goroutine that lived no time as one empty segment', () => {
    const input = model([
      goroutine({ id: 1, name: 'main.main', parentId: null }),
      goroutine({ id: 2, createdNs: 5 * MS, endedNs: 5 * MS, spans: [{ startNs: 5 * MS, state: 'runnable' }] }),
    ]);
    const flash = build(input).goroutines[1];
    expect(flash?.segments).toEqual([{ startNs: 5 * MS, endNs: 5 * MS, state: 'runnable' }]);
  });

  it('copies output size, theme colours and antialiasing', () => {
    const scene = build(pingPong());
    expect(scene).toMatchObject({ width: 640, height: 360, antialias: true });
    expect(scene.theme).toMatchObject({ name: 'dark', states: DARK_THEME.states, background: DARK_THEME.background });
  });

  it('keeps the theme\'s sizes at 720p and enlarges them for smaller pictures', () => {
    const large = buildScene(pingPong(), { width: 1280, height: 720, theme: DARK_THEME, showRuntime: false, antialias: false });
    expect(large.theme).toEqual(DARK_THEME);
    const small = build(pingPong());
    expect(small.theme.labelSize).toBeGreaterThan(DARK_THEME.labelSize * 1.5);
    expect(small.theme.lineWidth).toBeGreaterThan(DARK_THEME.lineWidth);
  });

  it('ends each segment where the next starts and the last one at the line\'s end', () => {
    const input = model(
      [
        goroutine({
          id: 1,
          name: 'main.main',
          parentId: null,
          endedNs: 900 * MS,
          spans: [
            { startNs: 0, state: 'running' },
            { startNs: 100 * MS, state: 'blocked', reason: 'chan receive' },
            { startNs: 300 * MS, state: 'sleeping' },
          ],
        }),
      ],
      [],
    );
    const [main] = build(input).goroutines;
    expect(main?.segments).toEqual([
      { startNs: 0, endNs: 100 * MS, state: 'running' },
      { startNs: 100 * MS, endNs: 300 * MS, state: 'blocked', reason: 'chan receive' },
      { startNs: 300 * MS, endNs: 900 * MS, state: 'sleeping' },
    ]);
    expect(main).toMatchObject({ endNs: 900 * MS, alive: false });
  });

  it('runs the line of a goroutine still alive to the end of the trace', () => {
    const scene = build(pingPong());
    for (const goroutine of scene.goroutines) {
      // main outlives its own trace in every program that records itself, so it is never marked.
      expect(goroutine.alive).toBe(goroutine.id !== 1);
      expect(goroutine.endNs).toBe(scene.durationNs);
      expect(goroutine.segments.at(-1)?.endNs).toBe(scene.durationNs);
      expect(goroutine.segments[0]?.startNs).toBe(goroutine.createdNs);
    }
  });

  it('hides runtime goroutines and everything that touches them by default', () => {
    const scene = build(withRuntime());
    expect(scene.goroutines.map((g) => g.id)).toEqual([1, 3]);
    expect(scene.links).toHaveLength(1);
    expect(scene.arrows).toHaveLength(1);
    expect(scene.arrows[0]).toMatchObject({ sendNs: 10 * MS, receiveNs: 11 * MS, kind: 'channel', value: '7' });
  });

  it('shows runtime goroutines on request', () => {
    const scene = build(withRuntime(), true);
    expect(scene.goroutines.map((g) => g.id)).toEqual([1, 2, 3, 4]);
    expect(scene.links).toHaveLength(2);
    expect(scene.arrows.map((a) => a.kind)).toEqual(['channel', 'sync']);
  });

  it('links each child to its creator at the moment it was created', () => {
    const scene = build(pingPong());
    const byId = new Map(scene.goroutines.map((g) => [g.id, g]));
    expect(scene.links).toHaveLength(2);
    for (const link of scene.links) {
      const child = scene.goroutines.find((g) => g.x === link.toX && g.z === link.toZ);
      expect(child).toBeDefined();
      expect(link.atNs).toBe(child?.createdNs);
      expect([link.fromX, link.fromZ]).toEqual([byId.get(1)?.x, byId.get(1)?.z]);
    }
  });

  it('draws each message as an arrow from the sender\'s line to the receiver\'s', () => {
    const input = pingPong();
    const scene = build(input);
    const byId = new Map(scene.goroutines.map((g) => [g.id, g]));
    expect(scene.arrows).toHaveLength(input.messages.length);
    input.messages.toArray().forEach((message, index) => {
      const arrow = scene.arrows[index];
      expect(arrow).toMatchObject({
        fromX: byId.get(message.fromId)?.x,
        fromZ: byId.get(message.fromId)?.z,
        toX: byId.get(message.toId)?.x,
        toZ: byId.get(message.toId)?.z,
        sendNs: message.sendNs,
        receiveNs: message.receiveNs,
        value: message.value,
      });
    });
  });

  it('gives the same scene for the same input', () => {
    expect(build(pingPong())).toEqual(build(pingPong()));
    const big = model(
      Array.from({ length: 300 }, (_, index) =>
        goroutine({ id: index + 1, parentId: index === 0 ? null : Math.floor(index / 7) + 1, createdNs: index * MS }),
      ),
    );
    expect(build(big)).toEqual(build(big));
  });

  it('does not change the model it reads', () => {
    const input = pingPong();
    const copy = structuredClone(input);
    build(input);
    expect(input).toEqual(copy);
  });
});
