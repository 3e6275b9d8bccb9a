import { describe, expect, it } from 'vitest';

import { buildScene, TOP_Y } from '../../src/layout/build-scene.ts';
import { compressIdle } from '../../src/layout/idle-compression.ts';
import { DARK_THEME } from '../../src/layout/themes.ts';
import { sceneY, timeAtProgress } from '../../src/scene/time-axis.ts';
import { formatTraceTime } from '../../src/scene/time-counter.ts';
import { goroutine, model, MS } from './model-fixtures.ts';

/** Two 1 ms bursts of activity 900 ms apart. */
function bursts() {
  const spans = [
    { startNs: 0, state: 'running' as const },
    { startNs: 0.5 * MS, state: 'blocked' as const, reason: 'chan receive' as const },
    { startNs: 1 * MS, state: 'sleeping' as const },
    { startNs: 901 * MS, state: 'running' as const },
    { startNs: 901.5 * MS, state: 'runnable' as const },
  ];
  return model([goroutine({ id: 1, name: 'main.main', parentId: null, spans })], [], 902 * MS);
}

describe('compressIdle', () => {
  it('leaves an evenly busy trace linear', () => {
    const times = Array.from({ length: 100 }, (_, index) => index * MS);
    expect(compressIdle(times, 100 * MS, TOP_Y, 100)).toBeUndefined();
  });

  it('gives short bursts most of the axis when a long idle stretch separates them', () => {
    const scene = buildScene(bursts(), { width: 640, height: 360, theme: DARK_THEME, showRuntime: false, antialias: true, compressIdle: true });
    expect(scene.timeKnots).toBeDefined();
    const firstBurstUnits = sceneY(scene, 0) - sceneY(scene, 1 * MS);
    const idleUnits = sceneY(scene, 1 * MS) - sceneY(scene, 901 * MS);
    expect(firstBurstUnits).toBeGreaterThan(30);
    expect(idleUnits).toBeLessThan(10);
    expect(sceneY(scene, 902 * MS)).toBeCloseTo(TOP_Y - 100, 6);
  });

  it('maps clip progress back to true trace times, evenly in height', () => {
    const scene = buildScene(bursts(), { width: 640, height: 360, theme: DARK_THEME, showRuntime: false, antialias: true, compressIdle: true });
    expect(timeAtProgress(scene, 0)).toBe(0);
    expect(timeAtProgress(scene, 1)).toBe(902 * MS);
    for (const progress of [0.1, 0.3, 0.5, 0.7, 0.9]) {
      const timeNs = timeAtProgress(scene, progress);
      expect(sceneY(scene, timeNs)).toBeCloseTo(TOP_Y - 100 * progress, 3);
    }
  });

  it('is linear and rounds to whole nanoseconds without knots', () => {
    const axis = { topY: 50, unitsPerNs: 100 / 1000, durationNs: 1000 };
    expect(sceneY(axis, 250)).toBeCloseTo(25, 9);
    expect(timeAtProgress(axis, 0.3333)).toBe(333);
  });
});

describe('formatTraceTime', () => {
  it('counts in a unit that suits the whole trace, with steady decimals', () => {
    expect(formatTraceTime(120 * MS, 1103 * MS)).toBe('t = 120 ms');
    expect(formatTraceTime(1.25e9, 2.5e9)).toBe('t = 1.25 s');
    expect(formatTraceTime(3 * MS, 39.7 * MS)).toBe('t = 3.0 ms');
    expect(formatTraceTime(3000, 40_000)).toBe('t = 3.0 µs');
    expect(formatTraceTime(0, 1)).toBe('t = 0 ns');
  });
});
